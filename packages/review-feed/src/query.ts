import type { ReviewQuery, ReviewSort } from '@shopfront/core';

/** What the list shows: product, sort, rating (0: every rating), with photos only, page size. */
export type Query = readonly [productId: string, sort: ReviewSort, rating: number, withMedia: boolean, limit: number];

export const SORTS = ['newest', 'highest', 'lowest', 'helpful', 'media-first'] as const satisfies readonly ReviewSort[];

/** The adapter's query for `query`, without the keys it leaves unset. */
export function toReviewQuery([, sort, rating, withMedia, limit]: Query): ReviewQuery {
  const query: ReviewQuery = { sort, limit };
  if (rating) query.rating = rating;
  if (withMedia) query.withMedia = true;
  return query;
}
