/**
 * `sf-review-submit`, fired by the write-a-review form and loaded with it. It lives
 * apart from `events.ts` (which declares it in the event map) so no other chunk
 * carries it; the package index exports it.
 */
import type { ReviewDraft } from '@shopfront/core';

/** The shopper submits the write-a-review form. Cancel it to handle the review yourself. */
export class SfReviewSubmitEvent extends Event {
  static readonly type = 'sf-review-submit';
  constructor(readonly draft: ReviewDraft) {
    super(SfReviewSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
