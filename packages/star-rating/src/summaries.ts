/**
 * One request for every product card on a page. Each `<sf-star-rating>` asks for
 * its own product; the asks made together (a grid upgrading, a page of
 * search results added at once) go in one request, at most `MAX_IDS` products a
 * request, through the adapter's `summaries`. An adapter without it is asked
 * `summary` once per product instead.
 */
import { yieldToMain, type ReviewsCapability, type ReviewSummary } from '@shopfront/core';

/** Products one request may carry: the limit of `GET /reviews/summaries`. */
export const MAX_IDS = 50;

type Ask = [productId: string, resolve: (summary: ReviewSummary | undefined) => void, reject: (error: unknown) => void];

/** Asks not sent yet, per adapter: two adapters on one page (a story, a test) never share a request. */
const queued = new WeakMap<ReviewsCapability, Ask[]>();

/**
 * The summary of `productId`, fetched with every other product asked for with
 * it. The request is shared, so it is not aborted with one element's signal:
 * `request()` stops that element waiting, and the others still get their answer.
 * A product missing from the answer resolves `undefined`, which the caller's
 * schema turns into an `invalid-response` error (it is not "no reviews").
 */
export function batchedSummary(reviews: ReviewsCapability, productId: string): Promise<ReviewSummary | undefined> {
  return new Promise((resolve, reject) => {
    let asks = queued.get(reviews);
    if (!asks) {
      const batch: Ask[] = (asks = []);
      queued.set(reviews, batch);
      // Resumes after what is already queued: the first renders of every element that upgraded with this
      // one (each in a task of its own, ShopfrontElement.scheduleUpdate), or the updates of those whose
      // product changed in this task.
      void yieldToMain().then(() => {
        queued.delete(reviews);
        send(reviews, batch);
      });
    }
    asks.push([productId, resolve, reject]);
  });
}

function send(reviews: ReviewsCapability, asks: Ask[]): void {
  // Two cards of one product share one id.
  const ids = [...new Set(asks.map(([productId]) => productId))];
  for (let i = 0; i < ids.length; i += MAX_IDS) {
    const chunk = ids.slice(i, i + MAX_IDS);
    const answer = reviews.summaries?.(chunk).then(({ summaries }) => summaries);
    for (const productId of chunk) {
      const summary = answer
        ? answer.then((list) => list.find((candidate) => candidate.productId === productId))
        : reviews.summary(productId);
      for (const [id, resolve, reject] of asks) if (id === productId) summary.then(resolve, reject);
    }
  }
}
