import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AdapterError, MemoryAdapter, store, type Review } from '@shopfront/core';
import '@shopfront/star-rating/define.js';
import { sampleReviews } from '../test/helpers/sample-data.js';

/** prod-1: 12 reviews (3.9), prod-2: 3 (4.7), prod-3…: as many as their number. */
const shopReviews = (): Review[] => [
  ...sampleReviews('prod-1', 12),
  ...[2, 3, 4, 5, 6].flatMap((n) => sampleReviews(`prod-${n}`, n).map((review) => ({ ...review, id: `p${n}-${review.id}`, rating: 5 }))),
];
const seeded = (reviews: Review[] = shopReviews()) => new MemoryAdapter({ reviews });

type Args = Record<string, string | number | boolean | undefined>;

const meta: Meta<Args> = {
  title: 'Widgets/Star rating',
  component: 'sf-star-rating',
  args: { 'product-id': 'prod-1', 'show-empty': false },
  parameters: { shopfront: { adapter: () => seeded() } },
  render: (args) =>
    html`<sf-star-rating product-id=${ifDefined(args['product-id'] as string)} ?show-empty=${!!args['show-empty']}></sf-star-rating>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Twelve reviews averaging 3.9: four stars, "(12)", named "3.9 out of 5 stars, 12 reviews". */
export const Default: Story = { tags: ['state:full'] };

/** Waiting for the rating: the element keeps its reserved size and shows its light DOM (here nothing). */
export const Loading: Story = {
  tags: ['state:loading'],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded();
        adapter.pause();
        return adapter;
      },
    },
  },
};

/** Nobody reviewed the product: nothing, in the reserved space; with `show-empty`, five empty stars named "No reviews yet". */
export const NoReviews: Story = {
  tags: ['state:empty'],
  args: { 'product-id': 'prod-new', 'show-empty': true },
};

/** The backend failed (503): nothing shows, the space stays reserved, and `sf-load-error` fires. */
export const ErrorState: Story = {
  tags: ['state:error'],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded();
        adapter.failNext('reviews.summaries', new AdapterError('http', 'Service unavailable', { status: 503 }));
        return adapter;
      },
    },
  },
};

/** Offline with a saved copy (the review feed's, or an earlier grid's): the saved rating shows. */
export const Offline: Story = {
  tags: ['state:offline'],
  loaders: [
    async () => {
      await store.set('cache:review-summary:prod-1', await seeded().reviews!.summary('prod-1'));
      return {};
    },
  ],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = seeded();
        adapter.offline = true;
        return adapter;
      },
    },
  },
};

/** A grid of product cards: every rating comes from one `summaries` call (see the adapter's calls in the console). */
export const ProductGrid: Story = {
  render: () =>
    html`<ul style="display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 1rem; padding: 0; list-style: none">
      ${[1, 2, 3, 4, 5, 6, 7].map(
        (n) => html`<li><strong>Product ${n}</strong><br /><sf-star-rating product-id="prod-${n}"></sf-star-rating></li>`,
      )}
    </ul>`,
};

/** Arabic: right to left, the stars mirrored. */
export const RightToLeft: Story = { parameters: { locale: 'ar' } };

/** The dark colour scheme from the design tokens. */
export const Dark: Story = { parameters: { theme: 'dark' } };

/** A shop's own look through --sf-star-rating-* properties. */
export const Themed: Story = {
  args: {
    '--sf-star-rating-star-color': '#e11d48',
    '--sf-star-rating-star-empty-color': 'light-dark(#fecdd3, #881337)',
    '--sf-star-rating-star-size': '1.25rem',
    '--sf-star-rating-inline-size': '9rem',
    '--sf-star-rating-block-size': '1.75rem',
  },
};
