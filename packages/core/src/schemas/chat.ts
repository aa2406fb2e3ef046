import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { Count, Email, HttpUrl, Id, MAX_LENGTH, Timestamp, text } from './common.js';

export const OpeningHours = /* @__PURE__ */ lazy(() =>
  z.object({
    /** 0 is Sunday, as `Date#getDay`. */
    day: z.int().check(z.gte(0), z.lte(6)),
    /** 24-hour local times "HH:MM" in the shop's time zone. */
    opens: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    closes: z.string().check(z.regex(/^([01]\d|2[0-4]):[0-5]\d$/)),
  }),
);
export type OpeningHours = z.infer<typeof OpeningHours>;

export const BusinessHours = /* @__PURE__ */ lazy(() =>
  z.object({
    timeZone: text(64, 1),
    hours: z.array(OpeningHours).check(z.maxLength(21)),
  }),
);
export type BusinessHours = z.infer<typeof BusinessHours>;

export const Agent = /* @__PURE__ */ lazy(() =>
  z.object({
    name: text(MAX_LENGTH.name, 1),
    avatarUrl: z.optional(HttpUrl),
  }),
);
export type Agent = z.infer<typeof Agent>;

export const ChatStatus = /* @__PURE__ */ lazy(() =>
  z.object({
    state: z.enum(['online', 'away']),
    /** Why nobody is there: honest away mode says which. */
    reason: z.optional(z.enum(['no-agents', 'outside-hours'])),
    agents: z.optional(z.array(Agent).check(z.maxLength(20))),
    businessHours: z.optional(BusinessHours),
    nextOpenAt: z.optional(z.nullable(Timestamp)),
    /** Typical time to first reply, in minutes. */
    replyMinutes: z.optional(Count),
  }),
);
export type ChatStatus = z.infer<typeof ChatStatus>;

export const Visitor = /* @__PURE__ */ lazy(() =>
  z.object({
    name: z.optional(text(MAX_LENGTH.name)),
    email: z.optional(Email),
    customerId: z.optional(Id),
  }),
);
export type Visitor = z.infer<typeof Visitor>;

/**
 * What a conversation starts with: the visitor, the page it starts from and, only with the
 * shopper's consent, the ids of the products they viewed. A type only (the server checks it):
 * nothing more for the widgets to carry.
 */
export type ChatStart = Visitor & { page?: string; viewed?: string[] };

export const Conversation = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    status: z.enum(['open', 'closed']),
    createdAt: Timestamp,
  }),
);
export type Conversation = z.infer<typeof Conversation>;

export const CHAT_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const CHAT_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ChatAttachment = /* @__PURE__ */ lazy(() =>
  z.object({
    url: HttpUrl,
    name: text(200),
    type: z.enum(CHAT_ATTACHMENT_TYPES as [string, ...string[]]),
    size: z.int().check(z.gte(0), z.lte(CHAT_ATTACHMENT_MAX_BYTES)),
  }),
);
export type ChatAttachment = z.infer<typeof ChatAttachment>;

export const ChatMessage = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    /** Made by the sender's client; a resend with the same id is stored once. */
    clientId: Id,
    conversationId: Id,
    /** The server's order: clients sort by it, never by clock. */
    seq: z.int().check(z.gte(1)),
    author: z.enum(['visitor', 'agent', 'system']),
    authorName: z.optional(text(MAX_LENGTH.name)),
    avatarUrl: z.optional(HttpUrl),
    body: text(MAX_LENGTH.chatMessage),
    attachment: z.optional(ChatAttachment),
    createdAt: Timestamp,
  }),
);
export type ChatMessage = z.infer<typeof ChatMessage>;

export const OutgoingMessage = /* @__PURE__ */ lazy(() =>
  z.object({
    // crypto.randomUUID() in practice; the server needs it unique per conversation, not a UUID.
    clientId: Id,
    body: text(MAX_LENGTH.chatMessage),
    attachment: z.optional(z.file().check(z.maxSize(CHAT_ATTACHMENT_MAX_BYTES), z.mime(CHAT_ATTACHMENT_TYPES))),
  }),
);
export type OutgoingMessage = z.infer<typeof OutgoingMessage>;

/** A message as sent, with the page the shopper is on (the inbox shows it beside the conversation). */
export type ChatSend = OutgoingMessage & { page?: string };

export const ChatHistory = /* @__PURE__ */ lazy(() =>
  z.object({
    messages: z.array(ChatMessage).check(z.maxLength(1000)),
  }),
);
export type ChatHistory = z.infer<typeof ChatHistory>;

/** What the conversation stream delivers. Only messages are stored and sequenced. */
export const ChatEvent = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('message'), message: ChatMessage }),
    z.object({ type: z.literal('typing'), active: z.boolean(), authorName: z.optional(text(MAX_LENGTH.name)) }),
    z.object({ type: z.literal('status'), status: ChatStatus }),
    z.object({ type: z.literal('read'), seq: z.int().check(z.gte(0)) }),
    /** An agent resolved the conversation: the widget asks the shopper how it went. */
    z.object({ type: z.literal('resolved') }),
  ]),
);
export type ChatEvent = z.infer<typeof ChatEvent>;

/** How it went, from the shopper, once an agent resolved the conversation: 1 to 5, and a comment if they like. */
export const ChatRating = /* @__PURE__ */ lazy(() =>
  z.object({
    rating: z.int().check(z.gte(1), z.lte(5)),
    comment: z.optional(text(1000)),
  }),
);
export type ChatRating = z.infer<typeof ChatRating>;

export const EmailRequest = /* @__PURE__ */ lazy(() =>
  z.object({
    email: Email,
    message: z.optional(text(MAX_LENGTH.chatMessage)),
    conversationId: z.optional(Id),
  }),
);
export type EmailRequest = z.infer<typeof EmailRequest>;

/** What the shop answers when there is nothing to give back: it heard. */
export const Acknowledgement = /* @__PURE__ */ lazy(() => z.object({ ok: z.literal(true) }));
export type Acknowledgement = z.infer<typeof Acknowledgement>;
/** An email left for a reply was kept. */
export const EmailReceipt = Acknowledgement;
export type EmailReceipt = Acknowledgement;
