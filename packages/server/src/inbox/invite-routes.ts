/**
 * `/inbox/invite`: the page an invite link opens. It checks the signed link
 * (services/team.ts), asks the invited person for their name and a password,
 * and signs them in as the role the admin chose. The form carries the same
 * double-submit token as the login form; a link that is not valid, expired,
 * withdrawn or used says so instead of showing a form.
 */
import type { Hono } from 'hono';
import { MAX_LENGTH } from '@shopfront/core/schemas.js';
import { isSameOrigin, sameToken } from '../api/security.js';
import type { Deps } from '../deps.js';
import { HttpError, type AppContext, type AppEnv } from '../http.js';
import { setPageHeaders } from '../security.js';
import { INVITE_PARAMS } from '../services/email.js';
import { MIN_PASSWORD_LENGTH, acceptInvite, checkInvite } from '../services/team.js';
import { formToken, postedFormToken, startSession } from './cookies.js';
import { invitePage, type InviteProblem } from './pages.js';

const STATUS: Record<InviteProblem, 400 | 403 | 409 | 410> = { invalid: 400, expired: 410, gone: 410, taken: 409, form: 403 };

/** Why a filled-in form cannot be taken, or undefined when it can. */
function formError(name: string, password: string, confirm: string): string | undefined {
  if (!name) return 'Enter your name: shoppers see it beside your answers.';
  if (name.length > MAX_LENGTH.name) return `Your name can be at most ${MAX_LENGTH.name} characters.`;
  if (password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'Choose a password of at most 1024 characters.';
  if (password !== confirm) return 'The two passwords differ.';
  return undefined;
}

export function inviteRoutes(deps: Deps, app: Hono<AppEnv>): void {
  // The token is in the URL: no other site may get it in a Referer. (Not `no-referrer`:
  // with it, Chromium posts the form with `Origin: null`, which the same-origin check refuses.)
  const pageHeaders = (c: AppContext) => {
    setPageHeaders(c);
    c.header('Referrer-Policy', 'same-origin');
  };
  const refused = (c: AppContext, problem: InviteProblem) => {
    pageHeaders(c);
    return c.html(invitePage({ problem }), STATUS[problem]);
  };

  app.get('/inbox/invite', async (c) => {
    const shopKey = c.req.query(INVITE_PARAMS.shop) ?? '';
    const token = c.req.query(INVITE_PARAMS.token) ?? '';
    const check = await checkInvite(deps, shopKey, token);
    if (!check.ok) return refused(c, check.problem);
    const csrf = formToken(c);
    pageHeaders(c);
    return c.html(invitePage({ form: { csrf, shopKey, token, shopName: check.shop.name, invite: check.invite, name: check.invite.name } }));
  });

  app.post('/inbox/invite', async (c) => {
    if (!isSameOrigin(c)) return refused(c, 'form');
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new HttpError(400, 'The form could not be read.', 'body');
    }
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    if (!sameToken(field('csrf') || undefined, postedFormToken(c))) return refused(c, 'form');
    const shopKey = field(INVITE_PARAMS.shop);
    const token = field(INVITE_PARAMS.token);
    const check = await checkInvite(deps, shopKey, token);
    if (!check.ok) return refused(c, check.problem);
    const name = field('name').trim();
    const password = field('password');
    const error = formError(name, password, field('confirm'));
    if (error) {
      pageHeaders(c);
      const csrf = formToken(c);
      return c.html(
        invitePage({
          form: { csrf, shopKey, token, shopName: check.shop.name, invite: check.invite, name: name.slice(0, MAX_LENGTH.name), error },
        }),
        400,
      );
    }
    const accepted = await acceptInvite(deps, check.invite, { name, password });
    if (typeof accepted === 'string') return refused(c, accepted);
    startSession(c, deps, accepted.token);
    return c.redirect('/inbox', 303);
  });
}
