import { provideHook } from '@shopfront/core';
import { recordView } from './history.js';
import { SfRecentlyViewed } from './recently-viewed.js';

SfRecentlyViewed.define('sf-recently-viewed');

// `Shopfront.trackView(product)`: calls made before this code loaded were queued
// and arrive now. The carousel on the page, if any, sets the limits.
provideHook('trackView', (product) => void recordView(product, document.querySelector('sf-recently-viewed')));

declare global {
  interface HTMLElementTagNameMap {
    'sf-recently-viewed': SfRecentlyViewed;
  }
}
