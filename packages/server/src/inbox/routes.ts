/**
 * The agent inbox: `/inbox` (login, the app shell, its script) and
 * `/inbox/api/*` (conversations, replies, availability, emails, moderation, a live
 * event stream). Sessions are random tokens in an HttpOnly, SameSite=Strict
 * cookie (only their SHA-256 is stored); every write needs the session's CSRF
 * token in `X-CSRF-Token` and a same-origin request; pages forbid framing.
 */
import { Hono, type Next } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { ChatMessage, Id, text } from '@shopfront/core/schemas.js';
import { broadcastStatus, chatStatus, type Deps } from '../deps.js';
import { HttpError, parseInput, readJson, respond, numeric, type AppContext, type AppEnv } from '../http.js';
import { messageForResponse, postMessage } from '../routes/chat.js';
import { awardReviewPoints, reviewForResponse } from '../routes/reviews.js';
import { setPageHeaders } from '../security.js';
import { eventStream } from '../sse.js';
import type { AgentRecord, ModerationReview, Shop } from '../storage.js';
import { inboxBundle } from './bundle.js';
import { INBOX_CSS, inboxShell, loginPage } from './pages.js';
import { verifyPassword } from './passwords.js';

const SESSION_COOKIE = 'sf_inbox';
const LOGIN_COOKIE = 'sf_login';

/** The agent the session middleware found; only routes under /inbox/api call this. */
function agentOf(c: AppContext): AgentRecord {
  const agent = c.get('agent');
  if (!agent) throw new HttpError(401, 'Sign in first.', 'session');
  return agent;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const token = () => randomBytes(32).toString('base64url');

function sameToken(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A write must come from this origin: the Origin header (when sent) and Fetch Metadata (when sent) must say so. */
function isSameOrigin(c: AppContext): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== c.get('baseUrl') && origin !== new URL(c.req.url).origin) return false;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

const Availability = z.object({ availability: z.enum(['auto', 'available', 'away']) });
const Reply = z.object({ clientId: z.uuid(), body: text(4000, 1) });
const Read = z.object({ seq: z.int().check(z.gte(0)) });
const Typing = z.object({ active: z.boolean() });
const StatusChange = z.object({ status: z.enum(['open', 'closed']) });
const ReviewDecision = z.object({ status: z.enum(['published', 'rejected']) });
const ReviewReply = z.object({ body: text(5000, 1) });
const ListStatus = z.optional(z.enum(['open', 'closed', 'all']));
const ReviewStatus = z.optional(z.enum(['pending', 'published', 'rejected']));

export function inboxRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const secure = (c: AppContext) => c.get('baseUrl').startsWith('https:');

  async function currentSession(c: AppContext) {
    const value = getCookie(c, SESSION_COOKIE);
    if (!value) return undefined;
    const tokenHash = sha256(value);
    const session = await deps.storage.session(tokenHash);
    if (!session) return undefined;
    const agent = await deps.storage.agentById(session.agentId);
    return agent ? { agent, csrf: session.csrfToken, tokenHash } : undefined;
  }

  const shopOf = async (c: AppContext): Promise<Shop> => {
    const shop = await deps.storage.shopById(agentOf(c).shopId);
    if (!shop) throw new HttpError(404, 'The shop no longer exists.');
    return shop;
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
    let csrf = getCookie(c, LOGIN_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
      csrf = token();
      setCookie(c, LOGIN_COOKIE, csrf, { httpOnly: true, sameSite: 'Strict', path: '/inbox', secure: secure(c), maxAge: 3600 });
    }
    setPageHeaders(c);
    return c.html(loginPage(csrf, c.req.query('error')));
  });

  app.post('/inbox/login', async (c) => {
    const { loginsPerIp, loginWindowMs } = deps.config.rateLimits;
    const ipDecision = deps.limiter.take(`login:ip:${c.get('ip')}`, loginsPerIp, loginWindowMs);
    const failed = (error: string, status: 401 | 403 | 429, headers: Record<string, string> = {}) => {
      setPageHeaders(c);
      const csrf = getCookie(c, LOGIN_COOKIE) ?? '';
      return c.html(loginPage(csrf, error), status, headers);
    };
    if (!ipDecision.ok) return failed('rate', 429, { 'Retry-After': String(ipDecision.retryAfter) });
    if (!isSameOrigin(c)) return failed('expired', 403);
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new HttpError(400, 'The form could not be read.', 'body');
    }
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
    if (!sameToken(typeof form.csrf === 'string' ? form.csrf : undefined, getCookie(c, LOGIN_COOKIE))) return failed('expired', 403);
    const emailDecision = deps.limiter.take(`login:email:${email.toLowerCase()}`, loginsPerIp, loginWindowMs);
    if (!emailDecision.ok) return failed('rate', 429, { 'Retry-After': String(emailDecision.retryAfter) });
    const agent = email ? await deps.storage.agentByEmail(email) : undefined;
    if (!(await verifyPassword(password, agent?.passwordHash)) || !agent) return failed('invalid', 401);
    const sessionToken = token();
    await deps.storage.createSession(sha256(sessionToken), {
      agentId: agent.id,
      csrfToken: token(),
      expiresAt: new Date(Date.now() + deps.config.sessionHours * 3600_000).toISOString(),
    });
    setCookie(c, SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/inbox',
      secure: secure(c),
      maxAge: deps.config.sessionHours * 3600,
    });
    deleteCookie(c, LOGIN_COOKIE, { path: '/inbox' });
    return c.redirect('/inbox', 303);
  });

  app.get('/inbox/', (c) => c.redirect('/inbox', 301));

  app.get('/inbox', async (c) => {
    const session = await currentSession(c);
    if (!session) return c.redirect('/inbox/login', 303);
    const shop = await deps.storage.shopById(session.agent.shopId);
    setPageHeaders(c);
    return c.html(
      inboxShell({ csrf: session.csrf, agent: { name: session.agent.name, email: session.agent.email }, shop: { name: shop?.name ?? '' } }),
    );
  });

  // Everything under /inbox/api needs a session; writes need its CSRF token and a same-origin request.
  app.use('/inbox/api/*', async (c, next: Next) => {
    const session = await currentSession(c);
    if (!session) throw new HttpError(401, 'Sign in first.', 'session');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!isSameOrigin(c)) throw new HttpError(403, 'Cross-site request refused.', 'origin');
      if (!sameToken(c.req.header('x-csrf-token'), session.csrf)) throw new HttpError(403, 'The CSRF token is missing or wrong.', 'csrf');
    }
    c.set('agent', session.agent);
    c.set('session', { csrf: session.csrf, tokenHash: session.tokenHash });
    await next();
  });

  app.post('/inbox/api/logout', async (c) => {
    await deps.storage.deleteSession(c.get('session')!.tokenHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/inbox' });
    return c.json({ ok: true });
  });

  app.get('/inbox/api/me', async (c) => {
    const shop = await shopOf(c);
    const agent = (await deps.storage.agentById(agentOf(c).id))!;
    return c.json({
      agent: { id: agent.id, name: agent.name, email: agent.email, availability: agent.availability },
      shop: { name: shop.name, key: shop.key },
      status: await chatStatus(deps, shop),
    });
  });

  app.put('/inbox/api/me/availability', async (c) => {
    const { availability } = parseInput(Availability, await readJson(c));
    await deps.storage.setAvailability(agentOf(c).id, availability);
    await broadcastStatus(deps, await shopOf(c));
    return c.json({ availability });
  });

  const conversationOf = async (c: AppContext) => {
    const id = parseInput(Id, c.req.param('conversationId'), { prefix: 'conversationId' });
    const conversation = await deps.storage.conversation(agentOf(c).shopId, id);
    if (!conversation) throw new HttpError(404, 'No such conversation.', 'conversationId');
    return conversation;
  };

  app.get('/inbox/api/conversations', async (c) => {
    const status = parseInput(ListStatus, c.req.query('status'), { prefix: 'status' }) ?? 'open';
    const conversations = await deps.storage.conversations(agentOf(c).shopId, status, 200);
    return c.json({ conversations });
  });

  app.get('/inbox/api/conversations/:conversationId/messages', async (c) => {
    const conversation = await conversationOf(c);
    const after = parseInput(z.int().check(z.gte(0)), numeric(c.req.query('after') ?? '0'), { prefix: 'after' });
    const messages = await deps.storage.messagesAfter(conversation.id, after, 1000);
    return c.json({ conversation, messages: messages.map((message) => messageForResponse(message, c.get('baseUrl'))) });
  });

  app.post('/inbox/api/conversations/:conversationId/messages', async (c) => {
    const conversation = await conversationOf(c);
    const reply = parseInput(Reply, await readJson(c));
    const agent = agentOf(c);
    const { message, created } = await postMessage(deps, conversation, {
      clientId: reply.clientId,
      body: reply.body,
      author: 'agent',
      authorName: agent.name,
    });
    await deps.storage.markRead(agent.shopId, conversation.id, message.seq);
    return respond(c, ChatMessage, messageForResponse(message, c.get('baseUrl')), created ? 201 : 200);
  });

  app.post('/inbox/api/conversations/:conversationId/read', async (c) => {
    const conversation = await conversationOf(c);
    const { seq } = parseInput(Read, await readJson(c));
    await deps.storage.markRead(conversation.shopId, conversation.id, seq);
    deps.hub.publish(conversation.id, { type: 'read', seq: Math.min(seq, conversation.lastSeq) });
    return c.json({ ok: true });
  });

  app.post('/inbox/api/conversations/:conversationId/typing', async (c) => {
    const conversation = await conversationOf(c);
    const { active } = parseInput(Typing, await readJson(c));
    deps.hub.publish(conversation.id, { type: 'typing', active, authorName: agentOf(c).name });
    return c.json({ ok: true });
  });

  app.post('/inbox/api/conversations/:conversationId/status', async (c) => {
    const conversation = await conversationOf(c);
    const { status } = parseInput(StatusChange, await readJson(c));
    const updated = await deps.storage.setConversationStatus(conversation.shopId, conversation.id, status);
    if (updated) deps.hub.publishInbox(updated.shopId, { type: 'conversation', conversation: updated });
    return c.json({ conversation: updated });
  });

  app.get('/inbox/api/emails', async (c) => c.json({ emails: await deps.storage.emails(agentOf(c).shopId, 200) }));

  const moderationForResponse = (c: AppContext, review: ModerationReview) => ({
    ...review,
    ...reviewForResponse(review, c.get('baseUrl')),
  });

  app.get('/inbox/api/reviews', async (c) => {
    const status = parseInput(ReviewStatus, c.req.query('status'), { prefix: 'status' }) ?? 'pending';
    const reviews = await deps.storage.reviewsForModeration(agentOf(c).shopId, status, 200);
    return c.json({ reviews: reviews.map((review) => moderationForResponse(c, review)) });
  });

  app.post('/inbox/api/reviews/:reviewId/status', async (c) => {
    const shop = await shopOf(c);
    const reviewId = parseInput(Id, c.req.param('reviewId'), { prefix: 'reviewId' });
    const { status } = parseInput(ReviewDecision, await readJson(c));
    const before = await deps.storage.moderationReview(shop.id, reviewId);
    if (!before) throw new HttpError(404, 'No such review.', 'reviewId');
    const review = (await deps.storage.setReviewStatus(shop.id, reviewId, status))!;
    if (status === 'published' && before.status !== 'published') await awardReviewPoints(deps, shop, review.customerId);
    return c.json({ review: moderationForResponse(c, review) });
  });

  app.post('/inbox/api/reviews/:reviewId/reply', async (c) => {
    const shop = await shopOf(c);
    const reviewId = parseInput(Id, c.req.param('reviewId'), { prefix: 'reviewId' });
    const { body } = parseInput(ReviewReply, await readJson(c));
    const review = await deps.storage.replyToReview(shop.id, reviewId, {
      body,
      authorName: shop.name,
      createdAt: new Date().toISOString(),
    });
    if (!review) throw new HttpError(404, 'No such review.', 'reviewId');
    return c.json({ review: moderationForResponse(c, review) });
  });

  // The inbox's live connection: while it is open the agent counts as present.
  app.get('/inbox/api/events', async (c) => {
    const agent = agentOf(c);
    const shop = await shopOf(c);
    return eventStream(c, { hub: deps.hub, heartbeatMs: deps.config.heartbeatMs, retryMs: deps.config.sseRetryMs }, async (send) => {
      const unsubscribe = deps.hub.subscribeInbox(shop.id, (event) => send({ data: event }));
      const disconnect = deps.hub.agentConnected(agent.id);
      await broadcastStatus(deps, shop);
      send({ data: { type: 'status', status: await chatStatus(deps, shop) } });
      return () => {
        unsubscribe();
        disconnect();
        void broadcastStatus(deps, shop).catch(() => undefined);
      };
    });
  });

  return app;
}
