import { SfStarRating } from './star-rating.js';

SfStarRating.define('sf-star-rating');

declare global {
  interface HTMLElementTagNameMap {
    'sf-star-rating': SfStarRating;
  }
}
