/**
 * `/api/v1/chat`: status, conversations, history after a sequence number,
 * idempotent sends (by client id), the SSE stream with `Last-Event-ID` replay,
 * and email capture while away. A conversation id is a random UUID: knowing it
 * is what lets a browser read the conversation.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  CHAT_ATTACHMENT_TYPES,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Conversation,
  EmailReceipt,
  EmailRequest,
  Id,
  OutgoingMessage,
  Visitor,
  type ChatAttachment,
  type ChatEvent,
} from '@shopfront/core/schemas.js';
import { chatStatus, limitWrite, type Deps } from '../deps.js';
import { customerFrom } from '../identity.js';
import { HttpError, absolute, numeric, parseInput, readJson, respond, type AppContext, type AppEnv } from '../http.js';
import { eventStream } from '../sse.js';
import type { ConversationRecord, NewMessage } from '../storage.js';

const Sequence = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export function messageForResponse(message: ChatMessage, baseUrl: string): ChatMessage {
  const result = { ...message };
  if (result.avatarUrl) result.avatarUrl = absolute(result.avatarUrl, baseUrl);
  if (result.attachment) result.attachment = { ...result.attachment, url: absolute(result.attachment.url, baseUrl) };
  return result;
}

function conversationForResponse(conversation: ConversationRecord): Conversation {
  return { id: conversation.id, status: conversation.status, createdAt: conversation.createdAt };
}

/** The message a request sends: JSON `{ clientId, body }`, or multipart with an `attachment` image. */
export async function readOutgoing(c: AppContext, deps: Deps): Promise<Omit<NewMessage, 'author'>> {
  let raw: unknown;
  if (/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    let form: Record<string, string | File>;
    try {
      form = (await c.req.parseBody()) as typeof form;
    } catch {
      throw new HttpError(400, 'The form data could not be read.', 'body');
    }
    const attachment = form.attachment instanceof File && form.attachment.size > 0 ? form.attachment : undefined;
    raw = { clientId: form.clientId, body: typeof form.body === 'string' ? form.body : '', ...(attachment ? { attachment } : {}) };
  } else {
    raw = await readJson(c);
  }
  const outgoing = parseInput(OutgoingMessage, raw);
  if (!outgoing.body.trim() && !outgoing.attachment) throw new HttpError(400, 'A message needs text or an attachment.', 'body');
  let attachment: ChatAttachment | undefined;
  if (outgoing.attachment) {
    const stored = await deps.media.saveImage(outgoing.attachment, CHAT_ATTACHMENT_TYPES);
    if (!stored) throw new HttpError(400, 'The attachment is not a JPEG, PNG, WebP or GIF image.', 'attachment');
    attachment = { url: stored.path, name: outgoing.attachment.name.slice(0, 200), type: stored.type, size: stored.size };
  }
  return { clientId: outgoing.clientId, body: outgoing.body, ...(attachment ? { attachment } : {}) };
}

/** Stores a message once and, the first time only, tells the conversation's streams and the inbox. */
export async function postMessage(deps: Deps, conversation: ConversationRecord, message: NewMessage) {
  const result = await deps.storage.appendMessage(conversation.id, message);
  if (result.created) {
    deps.hub.publish(conversation.id, { type: 'message', message: result.message });
    deps.hub.publishInbox(conversation.shopId, { type: 'message', message: result.message });
    const updated = await deps.storage.conversation(conversation.shopId, conversation.id);
    if (updated)
      deps.hub.publishInbox(conversation.shopId, { type: 'conversation', conversation: { ...updated, lastMessage: result.message } });
  }
  return result;
}

export function chatRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const conversationOf = async (c: AppContext) => {
    const id = parseInput(Id, c.req.param('conversationId'), { prefix: 'conversationId' });
    const conversation = await deps.storage.conversation(c.get('shop').id, id);
    if (!conversation) throw new HttpError(404, 'No such conversation.', 'conversationId');
    return conversation;
  };

  app.get('/chat/status', async (c) => respond(c, ChatStatus, await chatStatus(deps, c.get('shop'))));

  app.post('/chat/conversations', async (c) => {
    const shop = c.get('shop');
    limitWrite(deps, c);
    const visitor = parseInput(Visitor, await readJson(c));
    // Only a customer id the request proves is kept.
    const customerId = customerFrom(c, shop);
    const conversation = await deps.storage.createConversation(shop.id, {
      visitorId: c.get('visitorId'),
      name: visitor.name,
      email: visitor.email,
      customerId: customerId && visitor.customerId === customerId ? customerId : undefined,
    });
    return respond(c, Conversation, conversationForResponse(conversation), 201);
  });

  app.get('/chat/conversations/:conversationId/messages', async (c) => {
    const conversation = await conversationOf(c);
    const after = parseInput(Sequence, numeric(c.req.query('after') ?? '0'), { prefix: 'after' });
    const messages = await deps.storage.messagesAfter(conversation.id, after, 1000);
    const baseUrl = c.get('baseUrl');
    return respond(c, ChatHistory, { messages: messages.map((message) => messageForResponse(message, baseUrl)) });
  });

  app.post('/chat/conversations/:conversationId/messages', async (c) => {
    const conversation = await conversationOf(c);
    limitWrite(deps, c);
    const outgoing = await readOutgoing(c, deps);
    const { message, created } = await postMessage(deps, conversation, { ...outgoing, author: 'visitor' });
    return respond(c, ChatMessage, messageForResponse(message, c.get('baseUrl')), created ? 201 : 200);
  });

  app.get('/chat/conversations/:conversationId/events', async (c) => {
    const shop = c.get('shop');
    const conversation = await conversationOf(c);
    const given = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const lastEventId = given === undefined || given === '' ? undefined : parseInput(Sequence, numeric(given), { prefix: 'lastEventId' });
    const baseUrl = c.get('baseUrl');
    return eventStream(c, { hub: deps.hub, heartbeatMs: deps.config.heartbeatMs, retryMs: deps.config.sseRetryMs }, async (send) => {
      // Listen first and hold live events while the replay is read, so none falls between the two.
      let live = false;
      const held: ChatEvent[] = [];
      const unsubscribe = deps.hub.subscribe(shop.id, conversation.id, (event) => (live ? deliver(event) : held.push(event)));
      // Without a last event id the stream starts from now: what is already stored is history, not news.
      let lastSent = lastEventId ?? (await deps.storage.conversation(shop.id, conversation.id))?.lastSeq ?? 0;
      function deliver(event: ChatEvent) {
        if (event.type !== 'message') return send({ data: event });
        if (event.message.seq <= lastSent) return;
        lastSent = event.message.seq;
        send({ id: event.message.seq, data: { type: 'message', message: messageForResponse(event.message, baseUrl) } });
      }
      if (lastEventId !== undefined) {
        let after = lastEventId;
        for (;;) {
          const batch = await deps.storage.messagesAfter(conversation.id, after, 500);
          for (const message of batch) deliver({ type: 'message', message });
          if (batch.length < 500) break;
          after = batch.at(-1)!.seq;
        }
      }
      live = true;
      for (const event of held.splice(0)) deliver(event);
      // The opening status carries the last sequence number the stream covers as its id, so a
      // reconnecting EventSource resumes from there even if no message came before the drop.
      send({ id: lastSent, data: { type: 'status', status: await chatStatus(deps, shop) } });
      return unsubscribe;
    });
  });

  app.post('/chat/email', async (c) => {
    const shop = c.get('shop');
    limitWrite(deps, c);
    const request = parseInput(EmailRequest, await readJson(c));
    if (request.conversationId && !(await deps.storage.conversation(shop.id, request.conversationId))) {
      throw new HttpError(404, 'No such conversation.', 'conversationId');
    }
    const email = await deps.storage.leaveEmail(shop.id, {
      email: request.email,
      message: request.message,
      conversationId: request.conversationId,
      visitorId: c.get('visitorId'),
    });
    deps.hub.publishInbox(shop.id, { type: 'email', email });
    return respond(c, EmailReceipt, { ok: true }, 201);
  });

  return app;
}
