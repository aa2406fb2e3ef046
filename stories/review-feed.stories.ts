/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AdapterError, MemoryAdapter, store, type Review, type ReviewPhoto } from '@shopfront/core';
import '@shopfront/review-feed/define.js';
import { sampleReview, sampleReviews } from '../test/helpers/sample-data.js';
import moss from './support/review-photos/wool-moss.svg?no-inline';
import navy from './support/review-photos/wool-navy.svg?no-inline';
import plum from './support/review-photos/wool-plum.svg?no-inline';
import rust from './support/review-photos/wool-rust.svg?no-inline';
import sand from './support/review-photos/wool-sand.svg?no-inline';

const day = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
/** Photos served by Storybook itself: http(s) URLs, as the schema requires. */
const photo = (src: string, alt: string): ReviewPhoto => ({ url: new URL(src, location.href).href, alt, width: 600, height: 600 });
const photos = [
  photo(navy, 'Navy sweater, front'),
  photo(rust, 'Rust sweater, front'),
  photo(moss, 'Moss sweater, folded'),
  photo(plum, 'Plum sweater on a chair'),
  photo(sand, 'Sand sweater, close-up of the knit'),
];

/** A shop's reviews, dated from today so the relative dates read naturally. */
function shopReviews(productId: string, count = 12): Review[] {
  return sampleReviews(productId, count).map((review, index) => ({
    ...review,
    createdAt: daysAgo(index * 4 + 1),
    photos: index % 4 === 0 ? [photos[index % 5]!, photos[(index + 1) % 5]!] : [],
    reply:
      index === 1
        ? { body: 'Thank you Jonas! The merino comes from a family farm in Uruguay.', authorName: 'Harbour team', createdAt: daysAgo(3) }
        : null,
  }));
}

const seeded = (reviews: Review[], options?: ConstructorParameters<typeof MemoryAdapter>[1]) => new MemoryAdapter({ reviews }, options);

type Args = Record<string, string | number | boolean | undefined>;

const meta: Meta<Args> = {
  title: 'Widgets/Review feed',
  component: 'sf-review-feed',
  args: {
    'product-id': 'prod-1',
    'product-title': 'Harbour wool sweater',
    sort: 'newest',
    'page-size': 5,
    'name-display': 'full',
    'star-fill': 'half',
    'with-photos': false,
    'infinite-scroll': false,
    'ask-email': false,
    'no-json-ld': false,
  },
  argTypes: {
    sort: { control: 'select', options: ['newest', 'highest', 'lowest', 'helpful', 'media-first'] },
    'filter-rating': { control: 'select', options: [undefined, 1, 2, 3, 4, 5] },
    'name-display': { control: 'inline-radio', options: ['full', 'initials'] },
    'star-fill': { control: 'inline-radio', options: ['half', 'precise'] },
    'page-size': { control: { type: 'number', min: 1, max: 50 } },
  },
  parameters: { shopfront: { adapter: () => seeded(shopReviews('prod-1')) } },
  render: (args) =>
    html`<sf-review-feed
      product-id=${ifDefined(args['product-id'] as string)}
      product-title=${ifDefined(args['product-title'] as string)}
      product-handle=${ifDefined(args['product-handle'] as string)}
      sort=${ifDefined(args.sort as string)}
      filter-rating=${ifDefined(args['filter-rating'] as number)}
      page-size=${ifDefined(args['page-size'] as number)}
      name-display=${ifDefined(args['name-display'] as string)}
      star-fill=${ifDefined(args['star-fill'] as string)}
      ?with-photos=${!!args['with-photos']}
      ?infinite-scroll=${!!args['infinite-scroll']}
      ?ask-email=${!!args['ask-email']}
      ?no-json-ld=${!!args['no-json-ld']}
    ></sf-review-feed>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Twelve reviews: summary, histogram filters, sort, photos, a merchant reply, votes and "Load more". */
export const Default: Story = { tags: ['state:full'] };

/** The skeleton: the real layout with placeholder blocks, so the page does not move when reviews arrive. */
export const Loading: Story = {
  tags: ['state:loading'],
  args: { 'product-id': 'prod-loading' },
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded(shopReviews('prod-loading'));
        adapter.pause();
        return adapter;
      },
    },
  },
};

/** No reviews yet: an invitation to write the first one. */
export const NoReviews: Story = {
  tags: ['state:empty'],
  args: { 'product-id': 'prod-new' },
  parameters: { shopfront: { adapter: () => seeded([]) } },
};

/** The backend failed (503): the error state, whose "Try again" succeeds. */
export const ErrorState: Story = {
  tags: ['state:error'],
  args: { 'product-id': 'prod-error' },
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded(shopReviews('prod-error'));
        adapter.failNext('reviews.summary', new AdapterError('http', 'Service unavailable', { status: 503 }));
        return adapter;
      },
    },
  },
};

/** The backend answered something that is not reviews: the error state, never a blank. */
export const BadData: Story = {
  args: { 'product-id': 'prod-bad' },
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded(shopReviews('prod-bad'));
        adapter.respondNext('reviews.summary', { productId: 'prod-bad', average: 'excellent', count: -1 });
        return adapter;
      },
    },
  },
};

/** Offline with a saved copy: the summary and first page render from the store, with a notice. */
export const Offline: Story = {
  tags: ['state:offline'],
  args: { 'product-id': 'prod-offline' },
  loaders: [
    async () => {
      // What an earlier visit saved.
      const online = seeded(shopReviews('prod-offline'));
      await store.set('cache:review-summary:prod-offline', await online.reviews!.summary('prod-offline'));
      const page = await online.reviews!.list('prod-offline', { sort: 'newest', limit: 5 });
      await store.set('cache:review-page:prod-offline:newest:0:false:5', page);
      return {};
    },
  ],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded(shopReviews('prod-offline'));
        adapter.offline = true;
        return adapter;
      },
    },
  },
};

const longBody = [
  'I was hesitant because of the price, but this sweater is worth every cent. The wool is soft enough to wear directly on the skin, which I never thought I would say about a wool sweater.',
  'After six weeks of near-daily wear it has not pilled at all, the cuffs keep their shape, and it still smells of nothing but wool. I washed it by hand twice, dried it flat, and the size did not change.',
  'The colour is a little darker than in the photos — a deep, almost inky navy — which I actually prefer. Sizing runs true; I am usually a medium and the medium fits with room for a shirt underneath.',
].join('\n\n');

/** Long bodies collapse behind "Read more"; long titles and names wrap. */
export const LongText: Story = {
  args: { 'product-id': 'prod-long' },
  parameters: {
    shopfront: {
      adapter: () =>
        seeded([
          sampleReview({
            id: 'long-1',
            productId: 'prod-long',
            createdAt: daysAgo(2),
            title: 'The warmest, softest, most carefully made sweater I have owned in more than twenty years of cold harbour winters',
            body: longBody,
            authorName: 'Maximiliane Wolkenstein-Rautenberg',
            reply: { body: longBody.slice(0, 400), authorName: 'Harbour customer care', createdAt: daysAgo(1) },
          }),
          sampleReview({ id: 'long-2', productId: 'prod-long', createdAt: daysAgo(9), body: longBody.repeat(2), rating: 4 }),
          sampleReview({ id: 'long-3', productId: 'prod-long', createdAt: daysAgo(20), title: '', body: 'Good.', rating: 3 }),
        ]),
    },
  },
};

/** Every review with the most photos allowed (5); a photo opens the viewer. */
export const ManyPhotos: Story = {
  args: { 'product-id': 'prod-photos' },
  parameters: {
    shopfront: { adapter: () => seeded(shopReviews('prod-photos', 8).map((review) => ({ ...review, photos }))) },
  },
};

/** Arabic: right to left, Arabic plurals and digits. */
export const RightToLeft: Story = { parameters: { locale: 'ar' } };

/** The dark colour scheme from the design tokens. */
export const Dark: Story = { parameters: { theme: 'dark' } };

/** A shop's own look through --sf-review-feed-* and the core tokens, with `light-dark()` colours for the dark scheme. */
export const Themed: Story = {
  args: {
    '--sf-review-feed-star-color': '#e11d48',
    '--sf-review-feed-star-size': '1.25rem',
    '--sf-review-feed-bar-track-color': 'light-dark(#fde2e7, #4c0519)',
    '--sf-review-feed-average-size': '3.5rem',
    '--sf-review-feed-review-background': 'light-dark(#fff7f8, #2a0a12)',
    '--sf-review-feed-photo-size': '6rem',
    '--sf-review-feed-gap': '1.5rem',
    '--sf-color-accent': 'light-dark(#9f1239, #fda4af)',
    '--sf-color-border': 'light-dark(#fecdd3, #881337)',
    '--sf-radius': '2px',
    '--sf-font-family': 'Georgia, serif',
  },
  argTypes: Object.fromEntries(
    [
      '--sf-review-feed-star-color',
      '--sf-review-feed-star-empty-color',
      '--sf-review-feed-bar-color',
      '--sf-review-feed-bar-track-color',
      '--sf-review-feed-review-background',
    ]
      .map((name) => [name, { control: 'color', table: { category: 'Review feed tokens' } }] as [string, object])
      .concat(
        [
          '--sf-review-feed-star-size',
          '--sf-review-feed-average-size',
          '--sf-review-feed-gap',
          '--sf-review-feed-photo-size',
          '--sf-review-feed-body-lines',
          '--sf-review-feed-reserved-block-size',
        ].map((name) => [name, { control: 'text', table: { category: 'Review feed tokens' } }]),
      ),
  ),
};

/** Shop options: initials instead of names, stars filled to the exact average, and an email in the form. */
export const ShopOptions: Story = {
  args: { 'name-display': 'initials', 'star-fill': 'precise', 'ask-email': true },
};

/** The write-a-review form, opened (its code loads on first use). */
export const WriteAReview: Story = {
  args: { 'ask-email': true },
  play: async ({ canvasElement }) => {
    const feed = canvasElement.querySelector('sf-review-feed')!;
    let write: HTMLButtonElement | null | undefined;
    while (!(write = feed.shadowRoot?.querySelector<HTMLButtonElement>('[part~=write-button]'))) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    write.click();
  },
};
