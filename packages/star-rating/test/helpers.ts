/** Shared by this package's tests: seeded adapters, mounting a grid of ratings, what a rating shows. */
import { html, type TemplateResult } from 'lit';
import { MemoryAdapter, type Review } from '@shopfront/core';
import { mount } from '../../../test/helpers/mount.js';
import { sampleReviews } from '../../../test/helpers/sample-data.js';
import '../src/define.js';
import type { SfStarRating } from '../src/star-rating.js';

/** prod-1: 12 reviews averaging 3.92 (4 stars); prod-2: 3 averaging 4.67 (4.5 stars); prod-3: none. */
export const reviews = (): Review[] => [
  ...sampleReviews('prod-1', 12),
  ...sampleReviews('prod-2', 3).map((review) => ({ ...review, id: `p2-${review.id}` })),
];

export const seeded = (seed: Review[] = reviews()) => new MemoryAdapter({ reviews: seed });

/** The adapter calls made so far to `method`, as their id lists. */
export const callsTo = (adapter: MemoryAdapter, method: 'reviews.summaries' | 'reviews.summary') =>
  adapter.calls.filter((call) => call.method === method).map((call) => call.args[0]);

/** Mounts `template` (one or many ratings) with `adapter`; returns every rating in it. */
export async function mountRatings(template: TemplateResult, adapter: MemoryAdapter): Promise<SfStarRating[]> {
  const first = await mount<Element>(html`<div>${template}</div>`, { adapter });
  return [...first.querySelectorAll('sf-star-rating')];
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
/** The stars' accessible name, if the stars are shown. */
export const label = (el: Element) => $(el, '[role=img]')?.getAttribute('aria-label') ?? null;
/** What a sighted shopper reads: the visible count. */
export const countShown = (el: Element) => $(el, '[part=count]')?.textContent ?? null;
/** The rating has its answer: stars, or nothing for an unreviewed product or a failure. */
export const settled = (el: SfStarRating) => el.hasUpdated && !$(el, 'slot');
export const size = (el: Element) => {
  const { width, height } = el.getBoundingClientRect();
  return `${width}×${height}`;
};
