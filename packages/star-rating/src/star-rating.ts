import { html, nothing, type PropertyValues } from 'lit';
import { LoadController, ReviewSummary, ShopfrontElement, starValue, stars } from '@shopfront/core';
import { messages } from './messages.js';
import { styles } from './star-rating.styles.js';
import { batchedSummary } from './summaries.js';

/**
 * @summary A product's average rating as five stars and its review count, for
 * product cards. Every rating on a page is fetched in one request, and the
 * element keeps one fixed size from before its code loads to after its data.
 *
 * @tag sf-star-rating
 *
 * @slot - Shown until the rating arrives (the Shopify block puts its own stars here, from the product's metafields); by default nothing is, in the reserved space.
 *
 * @csspart stars - The five stars: one image, named "4.6 out of 5 stars, 12 reviews".
 * @csspart count - The review count, "(12)" (hidden from assistive technology: the stars' name says it).
 *
 * @cssprop [--sf-star-rating-star-color=var(--sf-color-star)] - Filled stars.
 * @cssprop [--sf-star-rating-star-empty-color=var(--sf-color-border)] - Empty stars.
 * @cssprop [--sf-star-rating-star-size=1rem] - Size of a star.
 * @cssprop [--sf-star-rating-inline-size=7.5rem] - Width the element always has (before and after loading): stars and a count of up to four digits fit.
 * @cssprop [--sf-star-rating-block-size=1.5rem] - Height the element always has.
 *
 * @cssstate empty - The product has no reviews (nothing shows unless `show-empty`), or the rating could not be loaded; the space stays reserved.
 *
 * @fires {SfLoadErrorEvent} sf-load-error - The rating could not be loaded; the element shows nothing, in its reserved space.
 */
export class SfStarRating extends ShopfrontElement {
  static override styles = styles;
  static override properties = {
    productId: { attribute: 'product-id' },
    showEmpty: { attribute: 'show-empty', type: Boolean },
  };

  /** The product whose rating to show. */
  declare productId?: string;
  /** Five empty stars named "No reviews yet" for a product nobody reviewed, instead of nothing (the space is reserved either way). */
  showEmpty = false;

  // The cache key is the review feed's: a summary saved on the product page shows on its card, and back.
  readonly #summary = new LoadController(this, {
    capability: 'reviews',
    schema: ReviewSummary,
    args: () => (this.productId ? ([this.productId] as const) : undefined),
    load: (reviews, [productId]) => batchedSummary(reviews, productId),
    cacheKey: ([productId]) => `review-summary:${productId}`,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { value, error } = this.#summary;
    this.setState('empty', value ? !value.count : !!error);
  }

  protected override render() {
    return this.#summary.render({
      // The light DOM (server-rendered stars) until the rating arrives, in the same reserved box.
      pending: () => html`<slot></slot>`,
      complete: ({ average, count }) => {
        if (!count && !this.showEmpty) return nothing;
        const text = this.i18n.messages(messages);
        return html`${stars(starValue(average), count ? text.rated(average, count) : text.none)}${
          count ? html`<span part="count" aria-hidden="true">(${this.i18n.format.number(count)})</span>` : nothing
        }`;
      },
      // A card's rating is not worth an error message in every card: nothing, in the reserved space
      // (`sf-load-error` has told the shop; the controller tries again when the browser comes back online).
      error: () => nothing,
    });
  }
}
