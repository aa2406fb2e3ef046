/**
 * `sf-review-vote`, fired by code loaded on first use. It lives apart from
 * `events.ts` (which declares it in the event map) so the first-load code does
 * not carry it; the package index exports it.
 */
/** The shopper marks a review helpful. Cancel it to stop the vote. */
export class SfReviewVoteEvent extends Event {
  static readonly type = 'sf-review-vote';
  constructor(
    readonly reviewId: string,
    readonly helpful: boolean,
  ) {
    super(SfReviewVoteEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
