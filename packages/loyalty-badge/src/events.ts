/**
 * The badge's events. The popover's own (`sf-reward-redeem`, `sf-loyalty-join`) are in
 * panel-events.ts, so they load with the popover rather than with every page.
 */

/** A panel of the popover. */
export type LoyaltyPage = 'earn' | 'redeem' | 'history' | 'refer';

/** The popover is about to open. Cancel it to keep it closed (and show your own page instead). */
export class SfLoyaltyOpenEvent extends Event {
  static readonly type = 'sf-loyalty-open';
  constructor(readonly page: LoyaltyPage) {
    super(SfLoyaltyOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The popover closed (Esc, outside click, the close button, or `hide()`). */
export class SfLoyaltyCloseEvent extends Event {
  static readonly type = 'sf-loyalty-close';
  constructor() {
    super(SfLoyaltyCloseEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-loyalty-open': SfLoyaltyOpenEvent;
    'sf-loyalty-close': SfLoyaltyCloseEvent;
  }
}
