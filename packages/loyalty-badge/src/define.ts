import { provideHook } from '@shopfront/core';
import { openLoyalty, SfLoyaltyBadge } from './loyalty-badge.js';

SfLoyaltyBadge.define('sf-loyalty-badge');

// `Shopfront.openLoyalty(page)` from anywhere; calls made before this loaded are
// delivered now. Only the copy that owns the tag answers them.
if (customElements.get('sf-loyalty-badge') === SfLoyaltyBadge) provideHook('openLoyalty', openLoyalty);

declare global {
  interface HTMLElementTagNameMap {
    'sf-loyalty-badge': SfLoyaltyBadge;
  }
}
