import type { FaqEntry } from '@shopfront/core';
// `sf-faq-no-results` is fired by the result views, which load on first use: its class lives with them
// (no-results-event.ts), out of the first-load code.
import type { SfFaqNoResultsEvent } from './no-results-event.js';

/**
 * The shopper paused typing: the query and how many entries matched it.
 * Debounced (the element's `debounce`, 300 ms by default), for search analytics.
 */
export class SfFaqSearchEvent extends Event {
  static readonly type = 'sf-faq-search';
  constructor(
    readonly query: string,
    readonly count: number,
  ) {
    super(SfFaqSearchEvent.type, { bubbles: true, composed: true });
  }
}

/** The shopper opened an answer. Cancel it to keep the answer closed (to navigate instead, say). */
export class SfFaqOpenEvent extends Event {
  static readonly type = 'sf-faq-open';
  constructor(
    readonly entry: FaqEntry,
    /** What was typed when it was opened; empty for a popular question. */
    readonly query: string,
  ) {
    super(SfFaqOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-faq-search': SfFaqSearchEvent;
    'sf-faq-open': SfFaqOpenEvent;
    'sf-faq-no-results': SfFaqNoResultsEvent;
  }
}
