export { SfReviewFeed } from './review-feed.js';
export { SfReviewFilterEvent, SfReviewPhotoOpenEvent } from './events.js';
export { SfReviewVoteEvent } from './vote-event.js';
export { SfReviewSubmitEvent } from './submit-event.js';
export { starValue } from '@shopfront/core';
export type { ReviewFeedMessages } from './messages.js';
export type { ReviewFormMessages } from './form-messages.js';
export type { SavedReviewDraft } from './review-form.js';
