/**
 * The review rich snippet, loaded once reviews are on screen (it is for crawlers,
 * not for the first paint): schema.org `Product` with its `AggregateRating` and
 * first reviews, as Google's review-snippet rules ask (ratingValue, reviewCount,
 * bestRating; each review's rating, author and datePublished).
 */
import { serializeJsonLd, setJsonLd, warnOnce, type Review, type ReviewSummary } from '@shopfront/core';

/** What the writer needs of the feed: the element whose light DOM holds the snippet, and what it says about the product. */
type SnippetHost = Element & {
  readonly noJsonLd: boolean;
  readonly productId?: string;
  readonly productTitle?: string;
  readonly productHandle?: string;
};

/** Reviews written into the snippet: Google reads a handful. */
const SNIPPET_REVIEWS = 5;

export function productJsonLd(
  name: string,
  handle: string | undefined,
  summary: ReviewSummary,
  reviews: Review[],
  author: (name: string) => string,
) {
  const rating = (value: number) => ({ ratingValue: value, bestRating: 5, worstRating: 1 });
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    ...(handle ? { productID: handle } : {}),
    aggregateRating: { '@type': 'AggregateRating', ...rating(Math.round(summary.average * 10) / 10), reviewCount: summary.count },
    review: reviews.slice(0, SNIPPET_REVIEWS).map((review) => ({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ...rating(review.rating) },
      author: { '@type': 'Person', name: author(review.authorName) },
      datePublished: review.createdAt.slice(0, 10),
      ...(review.title ? { name: review.title } : {}),
      reviewBody: review.body,
    })),
  };
}

/**
 * Writes (or rewrites, when it changed) the feed's snippet into its light DOM;
 * removes it when the shop opted out or the product has no reviews.
 */
export function writeJsonLd(
  host: SnippetHost,
  summary: ReviewSummary | undefined,
  reviews: Review[],
  author: (name: string) => string,
): void {
  if (host.noJsonLd || summary?.count === 0) return setJsonLd(host, null);
  // Asked for before the element left the page, or for the product shown before.
  if (!host.isConnected || !summary || summary.productId !== host.productId) return;
  if (!host.productTitle) {
    warnOnce('<sf-review-feed> writes no rich snippet without product-title; set it, or no-json-ld to silence this');
    return setJsonLd(host, null);
  }
  const data = productJsonLd(host.productTitle, host.productHandle, summary, reviews, author);
  if (host.querySelector(':scope > script[data-sf-json-ld]')?.textContent !== serializeJsonLd(data)) setJsonLd(host, data);
}
