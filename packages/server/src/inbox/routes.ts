/**
 * The agent inbox's pages: `/inbox` (the app shell), `/inbox/login` (a form
 * protected by a double-submit token), `/inbox/invite` (invite-routes.ts), the
 * page's script and styles. Its JSON
 * API, `/inbox/api/*`, is in `api.ts`. Sessions are random tokens in an
 * HttpOnly, SameSite=Strict cookie (only their SHA-256 is stored); pages forbid
 * framing.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiRegistry } from '../api/route.js';
import { SESSION_COOKIE, isSameOrigin, sameToken } from '../api/security.js';
import type { Deps } from '../deps.js';
import { HttpError, type AppContext, type AppEnv } from '../http.js';
import { sessionOf, signIn } from '../services/agents.js';
import { notFoundUncached, reviewPhotoFile } from '../review-photos.js';
import { mediaResponse, setPageHeaders } from '../security.js';
import { inboxApi } from './api.js';
import { inboxBundle } from './bundle.js';
import { formToken, postedFormToken, startSession } from './cookies.js';
import { inviteRoutes } from './invite-routes.js';
import { repliesApi } from './replies-api.js';
import { teamApi } from './team-api.js';
import { workspaceApi } from './workspace-api.js';
import { LoginThrottle } from './login-throttle.js';
import { INBOX_CSS, inboxShell, loginPage } from './pages.js';

export function inboxRoutes(deps: Deps, registry: ApiRegistry) {
  const app = new Hono<AppEnv>();

  const currentSession = (c: AppContext) => {
    const value = getCookie(c, SESSION_COOKIE);
    return value ? sessionOf(deps, value) : Promise.resolve(undefined);
  };

  for (const path of ['/inbox', '/inbox/*']) {
    app.use(path, async (c, next) => {
      c.header('X-Frame-Options', 'DENY');
      c.header('Cache-Control', 'no-store');
      await next();
    });
  }

  app.get('/inbox/inbox.css', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(INBOX_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/inbox/app.js', async (c) => {
    const code = await inboxBundle(deps.config);
    if (!code) throw new HttpError(503, 'The inbox script is not built. Run `npm run build:server`.');
    c.header('Cache-Control', 'no-cache');
    return c.body(code, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.get('/inbox/login', async (c) => {
    const csrf = formToken(c);
    setPageHeaders(c);
    return c.html(loginPage(csrf, c.req.query('error')));
  });

  const throttle = new LoginThrottle(deps.storage.limits, () => deps.config.rateLimits);
  app.post('/inbox/login', async (c) => {
    const failed = (error: string, status: 401 | 403 | 429, headers: Record<string, string> = {}) => {
      setPageHeaders(c);
      return c.html(loginPage(postedFormToken(c), error), status, headers);
    };
    if (!isSameOrigin(c)) return failed('expired', 403);
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new HttpError(400, 'The form could not be read.', 'body');
    }
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
    if (!sameToken(typeof form.csrf === 'string' ? form.csrf : undefined, postedFormToken(c))) return failed('expired', 403);
    const ip = c.get('ip');
    const decision = await throttle.check(ip, email);
    if (!decision.ok) return failed('rate', 429, { 'Retry-After': String(decision.retryAfter) });
    if (decision.delayMs) await wait(decision.delayMs);
    const signedIn = await signIn(deps, email, password);
    if (!signedIn) {
      await throttle.failed(ip, email);
      return failed('invalid', 401);
    }
    await throttle.succeeded(ip, email);
    startSession(c, deps, signedIn.token);
    return c.redirect('/inbox', 303);
  });

  app.get('/inbox/', (c) => c.redirect('/inbox', 301));

  app.get('/inbox', async (c) => {
    const session = await currentSession(c);
    if (!session) return c.redirect('/inbox/login', 303);
    const shop = await deps.storage.shops.byId(session.agent.shopId);
    setPageHeaders(c);
    return c.html(
      inboxShell({
        csrf: session.csrf,
        agent: { name: session.agent.name, email: session.agent.email, role: session.agent.role },
        shop: { name: shop?.name ?? '' },
      }),
    );
  });

  // Any status, for the shop's own agents: the moderation tab shows held reviews' photos.
  // Another shop's agent, or no session, gets the same 404 as a photo that does not exist.
  app.get('/inbox/media/r/:reviewId/:file', async (c) => {
    const session = await currentSession(c);
    const photo = session ? await reviewPhotoFile(deps, c.req.param('reviewId'), c.req.param('file')) : undefined;
    if (!photo || photo.shopId !== session?.agent.shopId) return notFoundUncached(c);
    return mediaResponse(c, photo.bytes, photo.type, 'private, no-store');
  });

  inviteRoutes(deps, app);
  registry.router(app, '')(...inboxApi(deps), ...workspaceApi(deps), ...repliesApi(deps), ...teamApi(deps));
  return app;
}
