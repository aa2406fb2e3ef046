/**
 * `/api/v1/chat`: status, conversations, history after a sequence number,
 * idempotent sends (by client id), the SSE stream with `Last-Event-ID` replay,
 * and email capture while away. A conversation id is a random UUID: knowing it
 * is what lets a browser read the conversation.
 */
import * as z from 'zod/mini';
import {
  CHAT_ATTACHMENT_TYPES,
  ChatEvent,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Acknowledgement,
  ChatRating,
  Conversation,
  EmailReceipt,
  EmailRequest,
  Id,
  type ChatAttachment,
} from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { conversationForResponse, messageForResponse } from '../responses.js';
import { ConversationStart, OutgoingMessageForm, OutgoingMessageJson, TranscriptRequest } from '../api/schemas.js';
import { emailTranscript } from '../services/email.js';
import { HISTORY_LIMIT, chatStatus, leaveEmail, postMessage, rateConversation } from '../services/chat.js';
import { eventStream, sharedFrame } from '../sse.js';
import type { Shop } from '../storage/index.js';

const Sequence = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

/** The first language an `Accept-Language` header names (`de-AT,de;q=0.9` → `de-AT`), when it is a plain tag. */
const browserLocale = (header: string | undefined) => {
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(first) ? first : undefined;
};

const conversationId = { conversationId: { schema: Id, description: "The conversation's id (a random UUID)" } };

/** Tell the agents a shopper is typing at most this often per conversation: the widget's refreshes need no more. */
const TYPING_EVERY_MS = 2000;

export function chatRoutes(deps: Deps) {
  /** When each conversation's typing was last told, so a browser sending faster cannot flood the inboxes. */
  const typingToldAt = new Map<string, number>();
  const conversationOf = async (shop: Shop, id: string) => {
    const conversation = await deps.storage.chat.conversation(shop.id, id);
    if (!conversation) throw new HttpError(404, 'No such conversation.', 'conversationId');
    return conversation;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/chat/status',
      operationId: 'getChatStatus',
      summary: 'Online or away, and why',
      description:
        '`online` within business hours with an agent present; `away` says why (`no-agents`, `outside-hours` with `nextOpenAt`).',
      tags: ['Chat'],
      security: 'shop',
      responses: { 200: { description: 'The status', schema: ChatStatus } },
      handler: async ({ shop }) => ({ status: 200, body: await chatStatus(deps, shop) }),
    }),

    defineRoute({
      method: 'post',
      path: '/chat/conversations',
      operationId: 'startConversation',
      summary: 'Start a conversation',
      description:
        'A `customerId` is kept only when the request also proves it with the customer signature. `page` is where the chat starts; ' +
        '`viewed` (product ids) is sent only with the shopper’s consent, and the inbox shows the products beside the conversation.',
      tags: ['Chat'],
      security: 'customer',
      visitor: 'optional',
      rateLimited: true,
      body: { json: ConversationStart },
      responses: { 201: { description: 'The new conversation', schema: Conversation } },
      handler: async ({ shop, customerId, visitorId, body: visitor }) => {
        const conversation = await deps.storage.chat.createConversation(shop.id, {
          visitorId,
          name: visitor.name,
          email: visitor.email,
          customerId: customerId && visitor.customerId === customerId ? customerId : undefined,
          page: visitor.page,
          viewed: visitor.viewed,
        });
        return { status: 201, body: conversationForResponse(conversation) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/chat/conversations/{conversationId}/messages',
      operationId: 'getChatHistory',
      summary: 'Messages after a sequence number',
      description: `In order, at most ${HISTORY_LIMIT} at a time: ask again after the last one's \`seq\` for more.`,
      tags: ['Chat'],
      security: 'shop',
      params: conversationId,
      query: { after: { schema: z.optional(Sequence), description: 'A sequence number; default 0 (from the start)' } },
      responses: { 200: { description: 'The messages', schema: ChatHistory } },
      errors: { 404: 'No such conversation' },
      handler: async ({ shop, params, query }, c) => {
        const conversation = await conversationOf(shop, params.conversationId);
        const messages = await deps.storage.chat.messagesAfter(conversation.id, query.after ?? 0, HISTORY_LIMIT);
        const baseUrl = c.get('baseUrl');
        return { status: 200, body: { messages: messages.map((message) => messageForResponse(message, baseUrl)) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/chat/conversations/{conversationId}/messages',
      operationId: 'sendChatMessage',
      summary: 'Send a message',
      description:
        'Idempotent by `clientId`: a resend returns the stored message with 200. JSON `{ clientId, body }`, or `multipart/form-data` with an `attachment` image (JPEG, PNG, WebP or GIF, at most 5 MB).',
      tags: ['Chat'],
      security: 'shop',
      visitor: 'optional',
      rateLimited: true,
      params: conversationId,
      body: { json: OutgoingMessageJson, multipart: OutgoingMessageForm },
      responses: {
        201: { description: 'Stored, with its sequence number', schema: ChatMessage },
        200: { description: 'Already stored: this `clientId` was sent before', schema: ChatMessage },
      },
      errors: { 400: 'Neither text nor an attachment, or the attachment is not an accepted image', 404: 'No such conversation' },
      handler: async ({ shop, params, body }, c) => {
        const conversation = await conversationOf(shop, params.conversationId);
        const file = 'attachment' in body ? body.attachment : undefined;
        if (!body.body.trim() && !file) throw new HttpError(400, 'body: a message needs text or an attachment.', 'body');
        let attachment: ChatAttachment | undefined;
        if (file) {
          const stored = await deps.media.saveImage(file, CHAT_ATTACHMENT_TYPES);
          if (!stored) throw new HttpError(400, 'attachment: not a JPEG, PNG, WebP or GIF image.', 'attachment');
          attachment = { url: stored.path, name: file.name.slice(0, 200), type: stored.type, size: stored.size };
        }
        const { message, created } = await postMessage(deps, conversation, {
          clientId: body.clientId,
          body: body.body,
          author: 'visitor',
          page: body.page,
          ...(attachment ? { attachment } : {}),
        });
        const reply = messageForResponse(message, c.get('baseUrl'));
        return created ? { status: 201, body: reply } : { status: 200, body: reply };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/chat/conversations/{conversationId}/rating',
      operationId: 'rateChatConversation',
      summary: 'Rate a resolved conversation',
      description: 'Once an agent resolved it (the stream sends `resolved`): 1 to 5, and a comment. The first rating stands.',
      tags: ['Chat'],
      security: 'shop',
      visitor: 'optional',
      rateLimited: true,
      params: conversationId,
      body: { json: ChatRating },
      responses: { 201: { description: 'Kept', schema: Acknowledgement } },
      errors: { 404: 'No such conversation', 409: 'Not resolved yet, or rated already' },
      handler: async ({ shop, params, body }) => {
        const result = await rateConversation(deps, await conversationOf(shop, params.conversationId), body.rating, body.comment);
        if (result === 'unresolved') throw new HttpError(409, 'conversationId: the conversation is not resolved yet.', 'conversationId');
        if (result === 'rated') throw new HttpError(409, 'rating: this conversation was rated already.', 'rating');
        return { status: 201, body: { ok: true } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/chat/conversations/{conversationId}/typing',
      operationId: 'sendChatTyping',
      summary: 'Tell the agents the shopper is typing, or stopped',
      description:
        'The widget says `true` every few seconds while the shopper types and `false` when they stop; the inbox shows it with the thread. ' +
        'Not counted against the write limits, and passed on at most every 2 seconds per conversation (a stop always).',
      tags: ['Chat'],
      security: 'shop',
      params: conversationId,
      body: { json: z.object({ active: z.boolean() }) },
      responses: { 202: { description: 'Passed on (or too soon after the last time)', schema: Acknowledgement } },
      errors: { 404: 'No such conversation' },
      handler: async ({ shop, params, body }) => {
        const conversation = await conversationOf(shop, params.conversationId);
        const now = Date.now();
        if (!body.active || now - (typingToldAt.get(conversation.id) ?? 0) >= TYPING_EVERY_MS) {
          if (typingToldAt.size >= 10_000) typingToldAt.clear(); // a bound: forgetting only lets one more through
          if (body.active) typingToldAt.set(conversation.id, now);
          else typingToldAt.delete(conversation.id);
          deps.hub.publishInbox(shop.id, { type: 'typing', conversationId: conversation.id, active: body.active });
        }
        return { status: 202, body: { ok: true } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/chat/conversations/{conversationId}/events',
      operationId: 'streamChatEvents',
      summary: 'The conversation’s live events (Server-Sent Events)',
      description:
        'Sends `retry:` first, then every message after `Last-Event-ID` (or `lastEventId` on a first connection), then live events. ' +
        'Message events carry their sequence number as the SSE `id`; the opening `status` event carries the last number the stream covers. ' +
        'Comment lines (`: heartbeat`) keep proxies from closing an idle stream.',
      tags: ['Chat'],
      security: 'shop',
      params: conversationId,
      query: {
        lastEventId: { schema: z.optional(Sequence), description: 'Replay messages after this sequence number (for a first connection)' },
      },
      headers: {
        'Last-Event-ID': {
          schema: z.optional(Sequence),
          description: 'Replay messages after this sequence number (sent by EventSource when it reconnects)',
        },
      },
      responses: { 200: { description: 'The event stream.', events: ChatEvent } },
      errors: { 404: 'No such conversation' },
      handler: async ({ shop, params, query, headers }, c) => {
        const conversation = await conversationOf(shop, params.conversationId);
        const lastEventId = headers['Last-Event-ID'] ?? query.lastEventId;
        const baseUrl = c.get('baseUrl');
        return eventStream(c, { hub: deps.hub, heartbeatMs: deps.config.heartbeatMs, retryMs: deps.config.sseRetryMs }, async (send) => {
          // Listen first and hold live events while the replay is read, so none falls between the two.
          let live = false;
          const held: ChatEvent[] = [];
          const unsubscribe = deps.hub.subscribe(shop.id, conversation.id, (event) => (live ? deliver(event) : held.push(event)));
          // Without a last event id the stream starts from now: what is already stored is history, not news.
          let lastSent = lastEventId ?? (await deps.storage.chat.conversation(shop.id, conversation.id))?.lastSeq ?? 0;
          function deliver(event: ChatEvent) {
            if (event.type !== 'message') return send({ data: event });
            if (event.message.seq <= lastSent) return;
            lastSent = event.message.seq;
            const { message } = event;
            send(
              sharedFrame(message, baseUrl, () => ({
                id: message.seq,
                data: { type: 'message', message: messageForResponse(message, baseUrl) },
              })),
            );
          }
          if (lastEventId !== undefined) {
            let after = lastEventId;
            for (;;) {
              const batch = await deps.storage.chat.messagesAfter(conversation.id, after, HISTORY_LIMIT);
              for (const message of batch) deliver({ type: 'message', message });
              if (batch.length < HISTORY_LIMIT) break;
              after = batch.at(-1)!.seq;
            }
          }
          const status = await chatStatus(deps, shop);
          // From here to the status frame nothing awaits, so no live message can slip in between.
          live = true;
          for (const event of held.splice(0)) deliver(event);
          // The opening status carries the last sequence number the stream covers as its id, so a
          // reconnecting EventSource resumes from there even if no message came before the drop.
          // Read after the held messages went out: an id read earlier could be older than theirs.
          send({ id: lastSent, data: { type: 'status', status } });
          return unsubscribe;
        });
      },
    }),

    defineRoute({
      method: 'post',
      path: '/chat/email',
      operationId: 'leaveChatEmail',
      summary: 'Leave an email for a reply',
      description: 'While the shop is away; the inbox shows it to the agents.',
      tags: ['Chat'],
      security: 'shop',
      visitor: 'optional',
      rateLimited: true,
      body: { json: EmailRequest },
      responses: { 201: { description: 'Kept', schema: EmailReceipt } },
      errors: { 404: 'No such conversation' },
      handler: async ({ shop, visitorId, body: request }, c) => {
        if (request.conversationId && !(await deps.storage.chat.conversation(shop.id, request.conversationId))) {
          throw new HttpError(404, 'No such conversation.', 'conversationId');
        }
        await leaveEmail(deps, shop, {
          email: request.email,
          message: request.message,
          conversationId: request.conversationId,
          visitorId,
          locale: browserLocale(c.req.header('Accept-Language')),
        });
        return { status: 201, body: { ok: true } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/chat/conversations/{conversationId}/transcript',
      operationId: 'emailChatTranscript',
      summary: 'Email the conversation to the shopper',
      description:
        'Queues the conversation so far, to the address given, in `locale` (else the browser’s language). Asked again with no new ' +
        'message, it is the same email. Nothing is sent to an address that unsubscribed from the shop’s emails.',
      tags: ['Chat'],
      security: 'shop',
      visitor: 'optional',
      rateLimited: true,
      params: conversationId,
      body: { json: TranscriptRequest },
      responses: { 202: { description: 'Queued (or queued before)', schema: EmailReceipt } },
      errors: { 404: 'No such conversation' },
      handler: async ({ shop, params, body }, c) => {
        const conversation = await conversationOf(shop, params.conversationId);
        const locale = body.locale ?? browserLocale(c.req.header('Accept-Language'));
        await emailTranscript(deps, shop, conversation, { email: body.email, locale }, c.get('baseUrl'));
        return { status: 202, body: { ok: true } };
      },
    }),
  ];
}
