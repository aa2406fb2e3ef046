/**
 * `sf-faq-no-results`, fired by the result views and loaded with them. It lives
 * apart from `events.ts` (which declares it in the event map) so the first-load
 * code does not carry it; the package index exports it.
 */
/**
 * No answer fitted and the shopper asked for help ("Ask us" or the contact
 * link). Cancel it to hand off your own way instead of `Shopfront.openChat(query)`
 * or the contact link.
 */
export class SfFaqNoResultsEvent extends Event {
  static readonly type = 'sf-faq-no-results';
  constructor(readonly query: string) {
    super(SfFaqNoResultsEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
