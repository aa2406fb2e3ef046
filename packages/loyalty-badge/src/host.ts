import type { LoadController, PartHost } from '@shopfront/core';
import type { LoyaltyPage } from './events.js';
import type { LoyaltySnapshot } from './snapshot.js';

/** What the popover (loaded on first open) sees of its badge: the snapshot it renders and the page it shows. */
export interface LoyaltyHost extends PartHost {
  /** The program and the shopper's standing. */
  readonly snapshot: LoadController<'loyalty', typeof LoyaltySnapshot, readonly [string]>;
  /** The saved snapshot is shown because the shop cannot be reached: redeeming is off. */
  readonly offline: boolean;
  readonly open: boolean;
  /** The popover's panel; the popover sets it as the shopper picks a tab. */
  page: LoyaltyPage;
  /** Closes the popover. */
  hide(): void;
}
