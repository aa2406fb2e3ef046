/// <reference types="vite/client" />
import { html, nothing, type TemplateResult } from 'lit';
import { MemoryAdapter, store, type Product } from '@shopfront/core';
import '@shopfront/review-feed/define.js';
import '@shopfront/loyalty-badge/define.js';
import '@shopfront/chat-launcher/define.js';
import '@shopfront/faq-search/define.js';
import '@shopfront/recently-viewed/define.js';
import { onlineStatus, sampleFaq, sampleMember, sampleProgram, sampleReviews, sampleRewards } from '../../test/helpers/sample-data.js';
import mug from './recently-viewed/mug.svg?no-inline';
import scarf from './recently-viewed/scarf.svg?no-inline';
import sweater from './recently-viewed/sweater.svg?no-inline';

/**
 * Every widget at once, loaded, from one backend: what the theming gallery and
 * the theme builder restyle. The recently viewed history is written by
 * `seedShowcase` (a loader) before the story renders.
 */

const products: Product[] = (
  [
    ['harbour-sweater', 'Harbour wool sweater', 89, sweater],
    ['fjord-scarf', 'Fjord lambswool scarf', 45, scarf],
    ['stoneware-mug', 'Stoneware mug', 18, mug],
  ] as const
).map(([handle, title, price, picture]) => ({
  id: handle,
  handle,
  title,
  url: `https://shop.example.com/products/${handle}`,
  image: { url: new URL(picture, location.href).href, alt: '', width: 400, height: 400 },
  price,
  compareAtPrice: handle === 'fjord-scarf' ? 60 : null,
  currency: 'EUR',
  available: true,
}));

/** A backend with every capability seeded. */
export const showcaseAdapter = () =>
  new MemoryAdapter({
    // Without the sample photos: their addresses are not served here.
    reviews: sampleReviews('showcase', 6).map((review) => ({ ...review, photos: [] })),
    loyalty: { program: sampleProgram, member: sampleMember, rewards: sampleRewards },
    chat: { status: onlineStatus, agent: { name: 'Sam' } },
    faq: { entries: sampleFaq },
    products,
  });

/** A loader: an empty store, then the three products as this shopper's history. */
export async function seedShowcase(): Promise<object> {
  const now = Date.now();
  await store.clear();
  await store.set(
    'recently-viewed',
    products.map((product, index) => ({ id: product.id, viewedAt: now - (index + 1) * 60_000, fetchedAt: now, product })),
  );
  return {};
}

/**
 * The widgets, laid out as a product page would have them, in a box painted with
 * the surface token. Without `recentlyViewed` for a page that shows several.
 */
export function showcase(label: string, { recentlyViewed = true } = {}): TemplateResult {
  return html`<div
    role="region"
    aria-label=${label}
    style="display: grid; gap: 1.5rem; padding: 1rem; background: var(--sf-color-surface); color: var(--sf-color-text); font-family: var(--sf-font-family, inherit)"
  >
    <sf-loyalty-badge placement="inline"></sf-loyalty-badge>
    <sf-faq-search placeholder="Search the help centre"></sf-faq-search>
    <sf-review-feed product-id="showcase" product-title="Harbour wool sweater" page-size="2" no-json-ld></sf-review-feed>
    ${recentlyViewed ? html`<sf-recently-viewed></sf-recently-viewed>` : nothing}
    <!-- The launcher is fixed to the window: a transformed box stands in for the window. -->
    <div style="position: relative; block-size: 6rem; transform: translateZ(0); overflow: hidden">
      <sf-chat-launcher></sf-chat-launcher>
    </div>
  </div>`;
}
