import type { Product } from '@shopfront/core';

/**
 * The shopper opened a recently viewed product. Cancelable: call
 * `preventDefault()` to route it yourself (a single-page shop) instead of
 * following the link.
 */
export class SfRecentlyViewedClickEvent extends Event {
  static readonly type = 'sf-recently-viewed-click';
  constructor(
    readonly product: Product,
    /** The card's place in the carousel, from 1. */
    readonly position: number,
  ) {
    super(SfRecentlyViewedClickEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The shopper asked to clear the history. Cancelable: `preventDefault()` keeps it. */
export class SfRecentlyViewedClearEvent extends Event {
  static readonly type = 'sf-recently-viewed-clear';
  constructor() {
    super(SfRecentlyViewedClearEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-recently-viewed-click': SfRecentlyViewedClickEvent;
    'sf-recently-viewed-clear': SfRecentlyViewedClearEvent;
  }
}
