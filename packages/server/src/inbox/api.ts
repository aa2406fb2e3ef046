/**
 * `/inbox/api/*`: what the inbox page calls for a signed-in agent —
 * conversations, replies, availability, emails, review moderation and a live
 * event stream. Public API in the sense that it is documented and stable for
 * pages this server serves (the cookie is SameSite=Strict and scoped to
 * `/inbox`, every write needs the CSRF token from the same origin); a shop's
 * backend uses the admin API instead.
 */
import { deleteCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { ChatMessage, Id } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import { SESSION_COOKIE } from '../api/security.js';
import type { Deps } from '../deps.js';
import { HttpError, type AppContext } from '../http.js';
import { inboxEventForResponse, messageForResponse, moderationReviewForResponse, summaryForResponse } from '../responses.js';
import { setAvailability, signOut } from '../services/agents.js';
import {
  HISTORY_LIMIT,
  INBOX_LIST_LIMIT,
  broadcastStatus,
  chatStatus,
  markRead,
  replyAsAgent,
  setConversationStatus,
} from '../services/chat.js';
import { emailAgentReply } from '../services/email.js';
import { moderateReview, replyToReview } from '../services/reviews.js';
import { eventStream } from '../sse.js';
import { conversationIdParam, inboxLookups } from './lookups.js';
import {
  AgentReply,
  AvailabilityBody,
  ConversationChange,
  ConversationHistory,
  ConversationList,
  Done,
  EmailList,
  InboxEvent,
  InboxMe,
  Outbox,
  ReadMark,
  ReviewChange,
  ReviewDecision,
  ReviewList,
  ListAssignee,
  ListStatus,
  ReviewReply,
  StatusChange,
  Typing,
} from './wire.js';

const conversationId = conversationIdParam;
/** An invite's text in an agent's outbox: its link lets whoever has it join, so only admins (who could invite anyone) see it. */
const INVITE_TEXT_HIDDEN = 'An invitation to join the inbox. Its set-password link is shown to admins only.';
const reviewId = { reviewId: { schema: Id, description: "The review's id" } };
const done = { 200: { description: 'Done', schema: Done } } as const;

/** A snooze's end as an ISO time (the stored form), refused unless it is a time to come; undefined for any other change. */
function snoozeUntil(change: StatusChange): string | undefined {
  if (change.status !== 'snoozed') return undefined;
  if (!change.until) throw new HttpError(400, 'until: required to snooze.', 'until');
  const until = new Date(change.until);
  if (!(until.getTime() > Date.now())) throw new HttpError(400, 'until: must be a time to come.', 'until');
  return until.toISOString();
}

export function inboxApi(deps: Deps) {
  const { shopOf, conversationOf } = inboxLookups(deps);
  const baseUrlOf = (c: AppContext) => c.get('baseUrl');
  const base = { tags: ['Inbox'], security: 'inbox' } as const;

  return [
    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/logout',
      operationId: 'inboxSignOut',
      summary: 'Sign out',
      description: `Ends the session and clears the \`${SESSION_COOKIE}\` cookie.`,
      responses: done,
      handler: async ({ session }, c) => {
        await signOut(deps, session);
        deleteCookie(c, SESSION_COOKIE, { path: '/inbox' });
        return { status: 200, body: { ok: true } };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/me',
      operationId: 'inboxMe',
      summary: 'The signed-in agent, their shop and the chat status',
      responses: { 200: { description: 'The agent', schema: InboxMe } },
      handler: async ({ agent }) => {
        const shop = await shopOf(agent);
        const current = (await deps.storage.agents.byId(agent.id)) ?? agent;
        return {
          status: 200,
          body: {
            agent: { id: current.id, name: current.name, email: current.email, availability: current.availability, role: current.role },
            shop: { name: shop.name, key: shop.key },
            status: await chatStatus(deps, shop),
          },
        };
      },
    }),

    defineRoute({
      ...base,
      method: 'put',
      path: '/inbox/api/me/availability',
      operationId: 'inboxSetAvailability',
      summary: "Set the agent's availability",
      description: '`auto`: online while the inbox page is open; `available`: always online; `away`.',
      body: { json: AvailabilityBody },
      responses: { 200: { description: 'The availability now', schema: AvailabilityBody } },
      handler: async ({ agent, body }) => {
        await setAvailability(deps, agent, body.availability);
        return { status: 200, body: { availability: body.availability } };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/conversations',
      operationId: 'inboxListConversations',
      summary: 'Conversations, most recently updated first',
      description:
        '`open` leaves out the snoozed ones until their time; `resolved` (or `closed`) lists those ended. ' +
        '`assignee`: `me` (the signed-in agent), `unassigned`, or `all`.',
      query: {
        status: { schema: z.optional(ListStatus), description: 'Which; default `open`' },
        assignee: { schema: z.optional(ListAssignee), description: 'Whose; default `all`' },
      },
      responses: { 200: { description: 'The conversations', schema: ConversationList } },
      handler: async ({ agent, query }, c) => {
        const status = query.status ?? 'open';
        const assignee = { me: agent.id, unassigned: null, all: undefined }[query.assignee ?? 'all'];
        const filter = { status: status === 'resolved' ? 'closed' : status, assignee, now: new Date().toISOString() } as const;
        const conversations = await deps.storage.chat.conversations(agent.shopId, filter, INBOX_LIST_LIMIT);
        return { status: 200, body: { conversations: conversations.map((summary) => summaryForResponse(summary, baseUrlOf(c))) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/conversations/{conversationId}/messages',
      operationId: 'inboxConversationHistory',
      summary: 'A conversation and its messages after a sequence number',
      params: conversationId,
      query: { after: { schema: z.optional(z.int().check(z.gte(0))), description: 'A sequence number; default 0' } },
      responses: { 200: { description: 'The conversation and messages', schema: ConversationHistory } },
      errors: { 404: 'No such conversation' },
      handler: async ({ agent, params, query }, c) => {
        const conversation = await conversationOf(agent, params.conversationId);
        const messages = await deps.storage.chat.messagesAfter(conversation.id, query.after ?? 0, HISTORY_LIMIT);
        return { status: 200, body: { conversation, messages: messages.map((message) => messageForResponse(message, baseUrlOf(c))) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/conversations/{conversationId}/messages',
      operationId: 'inboxReply',
      summary: 'Reply as the agent',
      description: 'Idempotent by `clientId`, as the shopper’s sends are.',
      params: conversationId,
      body: { json: AgentReply },
      responses: {
        201: { description: 'Stored', schema: ChatMessage },
        200: { description: 'Already stored', schema: ChatMessage },
      },
      errors: { 404: 'No such conversation' },
      handler: async ({ agent, params, body }, c) => {
        const conversation = await conversationOf(agent, params.conversationId);
        const { message, created } = await replyAsAgent(deps, conversation, agent, body);
        // A shopper who left an email while away gets the answer there too (once: the email's key is the message).
        if (created) await emailAgentReply(deps, await shopOf(agent), conversation, message, baseUrlOf(c));
        const sent = messageForResponse(message, baseUrlOf(c));
        return created ? { status: 201, body: sent } : { status: 200, body: sent };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/conversations/{conversationId}/read',
      operationId: 'inboxMarkRead',
      summary: 'Mark messages read up to a sequence number',
      description: 'The shopper sees a `read` event.',
      params: conversationId,
      body: { json: ReadMark },
      responses: done,
      errors: { 404: 'No such conversation' },
      handler: async ({ agent, params, body }) => {
        await markRead(deps, await conversationOf(agent, params.conversationId), body.seq);
        return { status: 200, body: { ok: true } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/conversations/{conversationId}/typing',
      operationId: 'inboxTyping',
      summary: 'Tell the shopper the agent is typing (or stopped)',
      params: conversationId,
      body: { json: Typing },
      responses: done,
      errors: { 404: 'No such conversation' },
      handler: async ({ agent, params, body }) => {
        const conversation = await conversationOf(agent, params.conversationId);
        deps.hub.publish(conversation.id, { type: 'typing', active: body.active, authorName: agent.name });
        return { status: 200, body: { ok: true } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/conversations/{conversationId}/status',
      operationId: 'inboxSetConversationStatus',
      summary: 'Reopen, snooze or resolve a conversation',
      description:
        '`snoozed` keeps it out of the open list until `until` (a time to come), or until the shopper writes. ' +
        '`resolved` ends it (`closed`, the name the shopper sees, is the same). Every other change ends a snooze.',
      params: conversationId,
      body: { json: StatusChange },
      responses: { 200: { description: 'The conversation now', schema: ConversationChange } },
      errors: { 400: '`until` missing, or not a time to come, for a snooze', 404: 'No such conversation' },
      handler: async ({ agent, params, body }) => {
        const conversation = await conversationOf(agent, params.conversationId);
        const until = snoozeUntil(body);
        const status = body.status === 'resolved' || body.status === 'closed' ? 'closed' : 'open';
        return { status: 200, body: { conversation: await setConversationStatus(deps, conversation, status, until) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/emails',
      operationId: 'inboxListEmails',
      summary: 'Emails shoppers left while the shop was away, newest first',
      responses: { 200: { description: 'The emails', schema: EmailList } },
      handler: async ({ agent }) => ({ status: 200, body: { emails: await deps.storage.chat.emails(agent.shopId, INBOX_LIST_LIMIT) } }),
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/outbox',
      operationId: 'inboxListOutbox',
      summary: 'Emails the server sent or will send, newest first',
      description:
        'Review requests, answers to shoppers who left an email, transcripts, invites: each with its status, attempts and last error. ' +
        '`sending: false` when the server has no `SHOPFRONT_SMTP_URL` and only keeps them here. An invite’s text holds its ' +
        'set-password link, so only admins see it.',
      responses: { 200: { description: 'The outbox', schema: Outbox } },
      handler: async ({ agent }) => {
        const jobs = await deps.storage.email.list(agent.shopId, INBOX_LIST_LIMIT);
        return {
          status: 200,
          body: {
            sending: deps.email.transport !== undefined,
            emails: jobs.map(({ id, kind, to, subject, text, status, attempts, nextAttemptAt, sentAt, lastError, createdAt }) => ({
              id,
              kind,
              to,
              subject,
              text: kind === 'invite' && agent.role !== 'admin' ? INVITE_TEXT_HIDDEN : text,
              status,
              attempts,
              nextAttemptAt,
              createdAt,
              ...(sentAt ? { sentAt } : {}),
              ...(lastError ? { lastError } : {}),
            })),
          },
        };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/reviews',
      operationId: 'inboxListReviews',
      summary: 'Reviews to moderate (or already moderated), newest first',
      query: { status: { schema: z.optional(z.enum(['pending', 'published', 'rejected'])), description: 'Which; default `pending`' } },
      responses: { 200: { description: 'The reviews', schema: ReviewList } },
      handler: async ({ agent, query }, c) => {
        const reviews = await deps.storage.reviews.forModeration(agent.shopId, query.status ?? 'pending', INBOX_LIST_LIMIT);
        return { status: 200, body: { reviews: reviews.map((review) => moderationReviewForResponse(review, baseUrlOf(c))) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/reviews/{reviewId}/status',
      operationId: 'inboxModerateReview',
      summary: 'Publish or reject a review',
      params: reviewId,
      body: { json: ReviewDecision },
      responses: { 200: { description: 'The review now', schema: ReviewChange } },
      errors: { 404: 'No such review' },
      handler: async ({ agent, params, body }, c) => {
        const review = await moderateReview(deps, await shopOf(agent), params.reviewId, body.status);
        if (!review) throw new HttpError(404, 'No such review.', 'reviewId');
        return { status: 200, body: { review: moderationReviewForResponse(review, baseUrlOf(c)) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/reviews/{reviewId}/reply',
      operationId: 'inboxReplyToReview',
      summary: 'Reply to a review as the shop',
      params: reviewId,
      body: { json: ReviewReply },
      responses: { 200: { description: 'The review now', schema: ReviewChange } },
      errors: { 404: 'No such review' },
      handler: async ({ agent, params, body }, c) => {
        const review = await replyToReview(deps, await shopOf(agent), params.reviewId, body.body);
        if (!review) throw new HttpError(404, 'No such review.', 'reviewId');
        return { status: 200, body: { review: moderationReviewForResponse(review, baseUrlOf(c)) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/events',
      operationId: 'inboxEvents',
      summary: "The inbox's live events (Server-Sent Events)",
      description: 'While it is open the agent counts as present (for `auto` availability). Opens with the chat status.',
      responses: { 200: { description: 'The event stream.', events: InboxEvent } },
      handler: async ({ agent }, c) => {
        const shop = await shopOf(agent);
        return eventStream(
          c,
          { hub: deps.hub, heartbeatMs: deps.config.heartbeatMs, retryMs: deps.config.sseRetryMs },
          async (send, end) => {
            // Absolute URLs as in every answer; a held review's photos from the inbox's own paths (moderationReviewForResponse).
            const unsubscribe = deps.hub.subscribeInbox(shop.id, (event) => {
              send({ data: inboxEventForResponse(event, baseUrlOf(c)) });
              // A removed agent hears no more: told why, then the stream ends (reconnecting finds no session).
              if (event.type === 'team' && event.removed === agent.id) end();
            });
            const disconnect = deps.hub.agentConnected(agent.id);
            await broadcastStatus(deps, shop);
            send({ data: { type: 'status', status: await chatStatus(deps, shop) } });
            return () => {
              unsubscribe();
              disconnect();
              void broadcastStatus(deps, shop).catch(() => undefined);
            };
          },
        );
      },
    }),
  ];
}
