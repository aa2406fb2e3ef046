/**
 * The review request email's link (`?sf_review=<token>#reviews` on the product's
 * page): the feed opens its form for the buyer, who is not asked for an email (the
 * server takes it from the token), and the token goes with the review. Loaded with
 * the form (`ReviewActions.invite` reads the URL).
 */
import type { PartHost } from '@shopfront/core';

/** The page URL's parameter of the link: a token the server signed for the buyer and the product (its `REVIEW_LINK_PARAM`). */
export const REVIEW_LINK_PARAM = 'sf_review';

/** Takes the token out of the page's URL (the rest stays, and the history entry), so a reload does not open the form again. */
export function forgetInvitation(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(REVIEW_LINK_PARAM)) return;
  url.searchParams.delete(REVIEW_LINK_PARAM);
  history.replaceState(history.state, '', url);
}

/**
 * Scrolls the form into view and puts focus on its rating (the checked star, else the first),
 * where a keyboard user starts; false while the form is not on screen yet (the summary loading).
 */
export function focusRating(host: PartHost): boolean {
  const root = host.renderRoot;
  const rating = root.querySelector<HTMLElement>('.form [name=rating]:checked') ?? root.querySelector<HTMLElement>('.form [name=rating]');
  if (!rating) return false;
  root.querySelector('.form')?.scrollIntoView({ block: 'start' });
  rating.focus({ preventScroll: true });
  return true;
}
