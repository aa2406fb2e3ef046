import { SfReviewFeed } from './review-feed.js';

SfReviewFeed.define('sf-review-feed');

declare global {
  interface HTMLElementTagNameMap {
    'sf-review-feed': SfReviewFeed;
  }
}
