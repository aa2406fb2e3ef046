import type { Review, ReviewSort } from '@shopfront/core';
// `sf-review-submit` and `sf-review-vote` are fired by code loaded on first use: their
// classes live with it (submit-event.ts, vote-event.ts), out of the first-load code.
import type { SfReviewVoteEvent } from './vote-event.js';
import type { SfReviewSubmitEvent } from './submit-event.js';

/** The shopper changed the sort or a filter; the list reloads. `rating` is `undefined` for every rating. */
export class SfReviewFilterEvent extends Event {
  static readonly type = 'sf-review-filter';
  constructor(
    readonly sort: ReviewSort,
    readonly rating: number | undefined,
    readonly withPhotos: boolean,
  ) {
    super(SfReviewFilterEvent.type, { bubbles: true, composed: true });
  }
}

/** The shopper opens a review photo. Cancel it to show the photo in your own viewer. */
export class SfReviewPhotoOpenEvent extends Event {
  static readonly type = 'sf-review-photo-open';
  constructor(
    readonly review: Review,
    readonly index: number,
  ) {
    super(SfReviewPhotoOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-review-submit': SfReviewSubmitEvent;
    'sf-review-vote': SfReviewVoteEvent;
    'sf-review-filter': SfReviewFilterEvent;
    'sf-review-photo-open': SfReviewPhotoOpenEvent;
  }
}
