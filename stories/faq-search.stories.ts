import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MemoryAdapter, type FaqEntry } from '@shopfront/core';
import '@shopfront/faq-search/define.js';
import { faqCorpus } from '../packages/faq-search/test/fixtures/corpus.js';
import { freshStore } from './support/backend.js';

const url = (slug: string) => `https://shop.example.com/pages/help#${slug}`;

/** A small shop's FAQ: what the stories search. */
const shopFaq: FaqEntry[] = [
  {
    id: 'shipping-time',
    question: 'How long does shipping take?',
    answer: 'Orders leave our warehouse within 2 business days. Delivery takes 2–4 days in the EU and 5–10 days elsewhere.',
    category: 'Shipping',
    popularity: 940,
    url: url('shipping-time'),
  },
  {
    id: 'international',
    question: 'Do you ship internationally?',
    answer: 'Yes, to 40 countries. Customs duties may apply outside the EU and are paid on delivery.',
    category: 'Shipping',
    popularity: 610,
    url: url('international'),
  },
  {
    id: 'returns',
    question: 'Can I return an item?',
    answer: 'Yes, within 30 days of delivery, unworn and with its tags. Returns are free in the EU.',
    category: 'Returns',
    popularity: 880,
    url: url('returns'),
  },
  {
    id: 'refund-time',
    question: 'When will I get my refund?',
    answer: 'Within 5 business days of your parcel reaching us, to the card or account you paid with.',
    category: 'Returns',
    popularity: 420,
  },
  {
    id: 'wash-wool',
    question: 'How do I wash merino wool?',
    answer: 'Hand wash cold with a wool detergent, roll in a towel to take the water out, and dry flat away from the sun.',
    category: 'Care',
    tags: ['wool', 'knitwear'],
    popularity: 300,
  },
  {
    id: 'gift-cards',
    question: 'Can I send a gift card?',
    answer: 'Yes: gift cards are emailed within minutes and never expire.',
    category: 'Payments',
    popularity: 260,
    url: url('gift-cards'),
  },
  {
    id: 'payment-methods',
    question: 'Which payment methods do you accept?',
    answer: 'Cards (Visa, Mastercard, American Express), PayPal, Apple Pay, Google Pay and Klarna.',
    category: 'Payments',
    popularity: 510,
  },
  {
    id: 'creme',
    question: 'Is the crème brûlée candle vegan?',
    answer: 'Yes: soy wax, cotton wick, and a scent without animal ingredients.',
    category: 'Products',
    popularity: 90,
  },
];

const longFaq: FaqEntry[] = [
  {
    id: 'warranty',
    question: 'What does the two-year warranty cover?',
    answer: [
      'Every bag, jacket and pair of boots we sell is covered for two years against defects in materials and workmanship: seams that open, zips that fail, soles that come unglued, hardware that breaks in normal use.',
      'The warranty does not cover wear and tear (scuffs, fading, pilling), damage from accidents or misuse, or repairs made by someone else. Leather ages and creases: that is its character, not a defect.',
      'To make a claim, send us your order number and a photo of the problem. We repair what can be repaired, replace what cannot, and refund you if the item is no longer made. We pay for shipping both ways.',
      'Your statutory rights as a consumer are not affected: in the EU the seller is liable for defects that existed at delivery for at least two years.',
    ].join('\n\n'),
    category: 'Warranty',
    popularity: 500,
    url: url('warranty'),
  },
  ...shopFaq,
];

const japaneseFaq: FaqEntry[] = [
  {
    id: 'postage',
    question: '送料はいくらですか？',
    answer: '5000円以上のご注文は送料無料です。それ以外は全国一律550円です。',
    category: '配送',
    popularity: 900,
  },
  {
    id: 'delivery',
    question: '注文してから何日で届きますか？',
    answer: '通常、ご注文から2〜4営業日でお届けします。離島は追加で日数がかかります。',
    category: '配送',
    popularity: 700,
  },
  {
    id: 'returns',
    question: '返品はできますか？',
    answer: '商品到着後30日以内であれば返品できます。返品送料は無料です。',
    category: '返品',
    popularity: 800,
  },
  {
    id: 'refund',
    question: '如何申请退款？',
    answer: '收到退货后，我们会在5个工作日内退款到原支付方式。',
    category: '退款',
    popularity: 300,
  },
];

const arabicFaq: FaqEntry[] = [
  {
    id: 'shipping',
    question: 'كم يستغرق الشحن؟',
    answer: 'نشحن الطلبات خلال يومي عمل، ويصل الشحن خلال ٣ إلى ٥ أيام.',
    category: 'الشحن',
    popularity: 900,
  },
  {
    id: 'returns',
    question: 'هل يمكنني إرجاع منتج؟',
    answer: 'نعم، خلال ٣٠ يومًا من الاستلام، والإرجاع مجاني.',
    category: 'الإرجاع',
    popularity: 800,
  },
  {
    id: 'payment',
    question: 'ما طرق الدفع المتاحة؟',
    answer: 'البطاقات الائتمانية، والدفع عند الاستلام.',
    category: 'الدفع',
    popularity: 500,
  },
];

const adapterFor =
  (entries: FaqEntry[], version = 'story') =>
  () =>
    new MemoryAdapter({ faq: { entries, version } });

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** What a shopper does in a story: focus the box, type, press keys once answers show. */
async function shopper(canvasElement: HTMLElement, query = '', keys: string[] = []) {
  const el = canvasElement.querySelector('sf-faq-search')!;
  let input: HTMLInputElement | null | undefined;
  for (let i = 0; i < 600 && !(input = el.shadowRoot?.querySelector('input')); i++) await frame();
  if (!input) return;
  input.focus();
  if (query) {
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  for (let i = 0; i < 600 && !el.shadowRoot!.querySelector(query ? '[role=option] mark, [part=no-results]' : '[role=option]'); i++)
    await frame();
  for (const key of keys) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

interface Args {
  mode: 'box' | 'page';
  placeholder?: string;
  contactUrl?: string;
  '--sf-faq-search-highlight-background'?: string;
  '--sf-faq-search-popup-max-block-size'?: string;
}

/**
 * Instant, typo-tolerant FAQ search as an ARIA combobox: popular questions
 * while the box is empty, answers with the matched words highlighted as the
 * shopper types ("shiping" finds shipping), answers that open in place, topic
 * chips, and "Ask us" when nothing fits. `mode="page"` shows the whole FAQ by
 * topic under the search. Stories that show results type into the box for you.
 */
const meta: Meta<Args> = {
  title: 'Widgets/FAQ search',
  component: 'sf-faq-search',
  args: { mode: 'box' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['box', 'page'] },
    '--sf-faq-search-highlight-background': { control: 'color', table: { category: 'Widget tokens' } },
    '--sf-faq-search-popup-max-block-size': { control: 'text', table: { category: 'Widget tokens' } },
  },
  parameters: { shopfront: { adapter: adapterFor(shopFaq) } },
  // Each story starts from an empty store (no saved FAQ, no saved index), or from the copy it names.
  loaders: [freshStore],
  // The box's popup overlays the page: leave it room in the canvas.
  decorators: [
    (story, { args }) =>
      html`<div style="min-block-size: ${args.mode === 'page' ? 'auto' : '30rem'}; max-inline-size: 40rem">${story()}</div>`,
  ],
  render: (args) =>
    html`<sf-faq-search
      mode=${args.mode}
      placeholder=${ifDefined(args.placeholder)}
      contact-url=${ifDefined(args.contactUrl)}
    ></sf-faq-search>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The empty box, focused: the most asked questions. */
export const Empty: Story = {
  play: ({ canvasElement }) => shopper(canvasElement),
};

/** "shiping": a typo, forgiven; the matched words are marked, answers that match show a snippet. */
export const Results: Story = {
  tags: ['state:full'],
  play: ({ canvasElement }) => shopper(canvasElement, 'shiping'),
};

/** Nothing fits: "Ask us" opens the chat with the question typed in (here a chat launcher stands in for the chat widget). */
export const NoResultsWithHandOff: Story = {
  render: (args) =>
    html`<sf-faq-search mode=${args.mode} contact-url=${ifDefined(args.contactUrl)}></sf-faq-search><sf-chat-launcher></sf-chat-launcher>`,
  play: ({ canvasElement }) => shopper(canvasElement, 'do you sell unicorns'),
};

/** Without a chat on the page, the hand-off is the shop's contact address, with the question as the mail. */
export const NoResultsWithContactLink: Story = {
  tags: ['state:empty'],
  args: { contactUrl: 'mailto:help@shop.example.com' },
  play: ({ canvasElement }) => shopper(canvasElement, 'do you sell unicorns'),
};

/** A long answer, opened in place (Down, Enter): paragraphs, and a link to its full page. */
export const LongAnswers: Story = {
  parameters: { shopfront: { adapter: adapterFor(longFaq) } },
  play: ({ canvasElement }) => shopper(canvasElement, 'warranty', ['ArrowDown', 'Enter']),
};

/** A 1,000-entry FAQ (seeded), searched with a typo: the index builds in idle slices and is saved. */
export const ThousandEntries: Story = {
  name: '1,000-entry FAQ',
  parameters: { shopfront: { adapter: adapterFor(faqCorpus(1000, 1), 'corpus-1000') } },
  play: ({ canvasElement }) => shopper(canvasElement, 'sweter ketle'),
};

/** Japanese and Chinese, segmented into words with Intl.Segmenter: "送料" finds the postage question. */
export const CjkContent: Story = {
  name: 'CJK content',
  parameters: { shopfront: { adapter: adapterFor(japaneseFaq) } },
  play: ({ canvasElement }) => shopper(canvasElement, '送料'),
};

/** Arabic, right to left. */
export const RightToLeft: Story = {
  name: 'RTL',
  parameters: { locale: 'ar', shopfront: { adapter: adapterFor(arabicFaq) } },
  play: ({ canvasElement }) => shopper(canvasElement, 'الشحن'),
};

/** The dark scheme, from the design tokens. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: ({ canvasElement }) => shopper(canvasElement, 'retrun'),
};

/** `mode="page"`: the whole FAQ by topic under the search, for a /faq page. */
export const PageMode: Story = {
  args: { mode: 'page' },
  parameters: { shopfront: { adapter: adapterFor(longFaq) } },
};

/** Loading: the field is there at once; the popup waits for the FAQ. */
export const Loading: Story = {
  tags: ['state:loading'],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = new MemoryAdapter({ faq: { entries: shopFaq } });
        adapter.pause();
        return adapter;
      },
    },
  },
  play: ({ canvasElement }) => shopper(canvasElement),
};

/** The FAQ could not be read: the error state, with a retry. */
export const ErrorState: Story = {
  tags: ['state:error'],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = new MemoryAdapter({ faq: { entries: shopFaq } });
        adapter.respondNext('faq.entries', { version: '1', entries: 'not a list' });
        return adapter;
      },
    },
  },
  play: ({ canvasElement }) => shopper(canvasElement),
};

/** Offline with the FAQ saved by an earlier visit: search still works on the saved copy, under a notice. */
export const Offline: Story = {
  tags: ['state:offline'],
  parameters: {
    saved: { 'cache:faq-entries': { version: 'story', entries: shopFaq } },
    shopfront: {
      adapter: () => {
        const adapter = new MemoryAdapter({ faq: { entries: shopFaq } });
        adapter.offline = true;
        return adapter;
      },
    },
  },
  play: ({ canvasElement }) => shopper(canvasElement, 'returns'),
};
