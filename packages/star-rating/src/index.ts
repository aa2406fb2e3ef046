export { SfStarRating } from './star-rating.js';
export { batchedSummary, MAX_IDS } from './summaries.js';
// In core, where every widget that draws stars finds them; exported here too for code written against this package.
export { starValue } from '@shopfront/core';
export { messages as starRatingMessages } from './messages.js';
export type { StarRatingMessages } from './messages.js';
