/** The summary: the average with its stars, the count, and the histogram whose bars filter the list. */
import { html, type TemplateResult } from 'lit';
import { starValue, stars, styleProps, type ReviewSummary } from '@shopfront/core';
import type { FeedHost } from './host.js';

/** No numbers yet: the skeleton draws the summary's real layout with these. */
export const PLACEHOLDER_SUMMARY: ReviewSummary = { productId: '', average: 0, count: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };

/**
 * `precise`: stars filled to the exact average, else to half stars. `active`:
 * the rating the list is filtered by (0 for none). `write`: the "Write a review" button.
 */
export function summaryView(host: FeedHost, summary: ReviewSummary, precise: boolean, active: number | undefined, write: TemplateResult) {
  const { text } = host;
  const format = host.i18n.format;
  return html`<div class=${summary.productId ? 'summary' : 'summary sf-skeleton'} part="summary">
    <div class="score">
      <span class="average" part="average" aria-hidden="true"
        >${format.number(summary.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span
      >
      ${stars(starValue(summary.average, precise), text.rated(summary.average))}
      <span class="count" part="count">${text.basedOn(summary.count)}</span>
    </div>
    <div class="histogram" part="histogram" role="group" aria-label=${text.filterByRating}>
      ${[5, 4, 3, 2, 1].map((rating) => {
        const count = summary.histogram[rating as 1 | 2 | 3 | 4 | 5];
        return html`<button
          class="bar"
          part="bar"
          data-action="rate"
          data-value=${active === rating ? 0 : rating}
          aria-pressed=${active === rating}
        >
          <span class="sf-visually-hidden">${text.ratingBar(rating, count)}</span>
          <span aria-hidden="true">${format.number(rating)}</span><span class="star on"></span>
          <span class="track"><span class="fill" ${styleProps({ 'inline-size': `${(count / (summary.count || 1)) * 100}%` })}></span></span>
          <span aria-hidden="true">${format.number(count)}</span>
        </button>`;
      })}
    </div>
    ${write}
  </div>`;
}
