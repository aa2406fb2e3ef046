/**
 * The inbox's two cookies, shared by the login form and the invite page: the
 * double-submit token a sign-in form carries (`sf_login`), and the session an
 * agent signs in with. Both are HttpOnly, SameSite=Strict and scoped to `/inbox`.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../api/security.js';
import type { Deps } from '../deps.js';
import type { AppContext } from '../http.js';
import { randomToken } from '../services/agents.js';

const FORM_COOKIE = 'sf_login';

const secure = (c: AppContext) => c.get('baseUrl').startsWith('https:');

/** The form token for a page with a sign-in form: the visitor's own, or a new one set now. */
export function formToken(c: AppContext): string {
  const current = getCookie(c, FORM_COOKIE);
  if (current && /^[A-Za-z0-9_-]{43}$/.test(current)) return current;
  const token = randomToken();
  setCookie(c, FORM_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/inbox', secure: secure(c), maxAge: 3600 });
  return token;
}

/** The form token the visitor's cookie holds, to compare with the one posted (empty when none). */
export function postedFormToken(c: AppContext): string {
  return getCookie(c, FORM_COOKIE) ?? '';
}

/** Signs the visitor in with a new session's token; the form token has done its job. */
export function startSession(c: AppContext, deps: Deps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/inbox',
    secure: secure(c),
    maxAge: deps.config.sessionHours * 3600,
  });
  deleteCookie(c, FORM_COOKIE, { path: '/inbox' });
}
