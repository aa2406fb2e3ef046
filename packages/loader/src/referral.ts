/**
 * Keeps the code an advocate's link brought (`?sf_ref=CODE`, the link the
 * loyalty badge shares) for the shop's checkout, which sends it with the order
 * (`referralCode` in the order webhook): a first-party cookie, `sf_ref`, for
 * REFERRAL_DAYS, readable by the shop's own pages and backend. A cookie is a
 * write to the browser, so with `consent: 'required'` it waits for consent, and
 * is never written without it. Loaded only on a visit whose URL carries a code.
 */
import { shared, type Runtime } from '@shopfront/core/settings.js';

export const REFERRAL_PARAM = 'sf_ref';
export const REFERRAL_COOKIE = 'sf_ref';
/** How long a friend's visit counts towards a first order. */
export const REFERRAL_DAYS = 30;

/** The codes the server makes (letters and digits), with room for a shop's own; anything else is ignored. */
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export function keepReferral(url: string = location.href): void {
  const code = new URL(url).searchParams.get(REFERRAL_PARAM);
  if (!code || !CODE.test(code)) return;
  const write = () => {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${REFERRAL_COOKIE}=${code}; Max-Age=${REFERRAL_DAYS * 86400}; Path=/; SameSite=Lax${secure}`;
  };
  const state = shared();
  if (state.settings.consent !== 'required') return write();
  const whenAllowed = (runtime: Runtime) => {
    if (runtime.settings.consent === 'required') return;
    state.listeners.delete(whenAllowed);
    write();
  };
  state.listeners.add(whenAllowed);
}

/** The code kept for this visitor, for a shop's checkout script. */
export function keptReferral(): string | undefined {
  const found = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${REFERRAL_COOKIE}=`));
  return found?.slice(REFERRAL_COOKIE.length + 1) || undefined;
}
