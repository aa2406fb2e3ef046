/**
 * Wire schemas only the server has (core's are the widgets'): the error body
 * every 4xx and 5xx carries, the admin API's bodies, and the service routes'.
 */
import * as z from 'zod/mini';
import {
  Amount,
  Birthday,
  CurrencyCode,
  Email,
  HttpUrl,
  Id,
  MAX_LENGTH,
  OutgoingMessage,
  Timestamp,
  Visitor,
  text,
} from '@shopfront/core/schemas.js';

/** `{ error: { message, field } }`: `field` names the parameter or body field at fault (`rating`, `photos.2`, `shop`). */
export const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    field: z.optional(z.string()),
  }),
});

export const PointsChange = z.object({
  customerId: Id,
  /** Positive to award, negative to remove (never below zero). */
  points: z.int().check(z.gte(-1e9), z.lte(1e9)),
  label: text(200, 1),
  firstName: z.optional(text(MAX_LENGTH.name)),
});

export const PointsBalance = z.object({
  customerId: Id,
  points: z.int().check(z.gte(0)),
  lifetimePoints: z.int().check(z.gte(0)),
});

export const CodeUse = z.object({ code: text(64, 1), status: z.literal('used') });

/** `/healthz`: whether this instance can reach its database, for a load balancer's health check. */
export const Readiness = z.object({
  ok: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  schemaVersion: z.optional(z.number()),
});

/** The OpenAPI document itself: an object, described by the OpenAPI 3.1 specification rather than here. */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) });

/** Names the document gives the server's own schemas. */
/** At most two decimals: amounts are kept in minor units, and a third decimal would be rounded away unseen. */
const Money = Amount.check(z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'must have at most two decimals'));

export const OrderLineInput = z.object({
  productId: Id,
  quantity: z.int().check(z.gte(1), z.lte(100000)),
  /** Per unit, in the currency's major unit. */
  price: Money,
});

/** What the shop's backend sends when an order is paid, fulfilled, refunded (in part or whole) or cancelled. */
export const OrderWebhook = z
  .object({
    /** The shop's own order id, as a string. */
    id: text(64, 1),
    customerId: z.optional(Id),
    email: z.optional(Email),
    status: z.enum(['paid', 'fulfilled', 'refunded', 'cancelled']),
    currency: CurrencyCode,
    total: Money,
    /** How much has been refunded so far, in all: a partial refund takes back its share of the order's points. */
    refundedTotal: z.optional(Money),
    lines: z.array(OrderLineInput).check(z.minLength(1), z.maxLength(500)),
    createdAt: Timestamp,
    updatedAt: z.optional(Timestamp),
    /** The `sf_ref` code the shopper arrived with, which the checkout kept. */
    referralCode: z.optional(text(64, 1)),
    /** The shopper's language (`de`, `pt-BR`), for the emails that follow. */
    locale: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  })
  .check(z.refine((order) => (order.refundedTotal ?? 0) <= order.total, { message: 'must not exceed total', path: ['refundedTotal'] }));

/** One refund of an order received before, as the shop's platform reports it (Shopify's `refunds/create`). */
export const RefundWebhook = z.object({
  orderId: text(64, 1),
  /** The shop's id for this refund: delivered twice, it counts once. */
  id: text(128, 1),
  amount: Money.check(z.gt(0)),
  createdAt: Timestamp,
});

export const OrderReceipt = z.object({
  orderId: z.string(),
  status: z.enum(['paid', 'fulfilled', 'refunded', 'cancelled']),
  /** The points this order now gives its customer (after refunds); 0 for a guest. */
  points: z.int().check(z.gte(0)),
  /** Reviews this delivery marked verified. */
  verifiedReviews: z.int().check(z.gte(0)),
  /** True when this delivery id was received before: nothing was done again. */
  duplicate: z.boolean(),
});

/** Days in a month; February has 29 unless a year says otherwise. */
const daysIn = (month: number, year?: number) => new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();

/**
 * What a member sends to set their birthday: a day that exists (no 30 February).
 * `year` is optional and only decides whether 29 February exists; it is not stored.
 */
export const BirthdayInput = z
  .object({
    month: Birthday.shape.month,
    day: Birthday.shape.day,
    year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
  })
  .check(z.refine((date) => date.day <= daysIn(date.month, date.year), { message: 'no such day in that month', path: ['day'] }));
export type BirthdayInput = z.infer<typeof BirthdayInput>;

/** A language tag (`de`, `pt-BR`). */
export const LocaleTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** The most viewed products a conversation start may carry (the recently viewed widget keeps 13). */
export const VIEWED_LIMIT = 50;

/** The page the shopper is on as they write: where the inbox's sidebar says they are. */
const ShopperPage = z.optional(HttpUrl);

/**
 * A conversation start: the visitor, the page it starts from and, only when the shopper consented to
 * sharing it, the products they viewed (ids, newest first; an empty list is "consented, viewed nothing").
 */
export const ConversationStart = z.extend(Visitor, {
  page: ShopperPage,
  viewed: z.optional(z.array(Id).check(z.maxLength(VIEWED_LIMIT))),
});

/** A message as JSON (files cannot travel in it), with the page it was written on. */
export const OutgoingMessageJson = z.extend(z.omit(OutgoingMessage, { attachment: true }), { page: ShopperPage });
/** A message as `multipart/form-data`, with an optional image. */
export const OutgoingMessageForm = z.extend(OutgoingMessage, { page: ShopperPage });

/** A shopper asking for their conversation by email. */
export const TranscriptRequest = z.object({
  email: Email,
  /** The language the email is written in; the browser's otherwise. */
  locale: z.optional(LocaleTag),
});

/** Who a privacy request is about: the signed customer id, their email (any case), or both; at least one. */
export const CustomerRequest = z.object({
  customerId: z.optional(Id),
  email: z.optional(Email),
});

const Stored = z.string();
const Photo = z.object({ url: z.string(), thumbnailUrl: z.optional(z.string()), alt: z.optional(z.string()) });

/**
 * Everything the server keeps about one person, for a data request. Text is sent as stored
 * (`z.string()`, not the input rules), amounts in the currency's major unit as the order
 * webhook sends them, and URLs of this server's files made absolute.
 */
export const CustomerExport = z.object({
  subject: CustomerRequest,
  exportedAt: Timestamp,
  orders: z.array(
    z.object({
      id: Stored,
      customerId: z.optional(Stored),
      email: z.optional(Stored),
      status: z.enum(['paid', 'fulfilled', 'refunded', 'cancelled']),
      currency: Stored,
      total: z.number(),
      refundedTotal: z.number(),
      lines: z.array(z.object({ productId: Stored, quantity: z.int(), price: z.number() })),
      referralCode: z.optional(Stored),
      locale: z.optional(Stored),
      placedAt: Timestamp,
      updatedAt: Timestamp,
      refunds: z.array(z.object({ id: Stored, amount: z.number(), createdAt: Timestamp })),
    }),
  ),
  reviews: z.array(
    z.object({
      id: Stored,
      productId: Stored,
      status: z.enum(['pending', 'published', 'rejected']),
      rating: z.int(),
      title: Stored,
      body: Stored,
      authorName: Stored,
      email: z.optional(Stored),
      customerId: z.optional(Stored),
      verifiedBuyer: z.boolean(),
      language: z.optional(Stored),
      helpfulCount: z.int(),
      photos: z.array(Photo),
      reply: z.nullable(z.object({ body: Stored, authorName: z.optional(Stored), createdAt: Timestamp })),
      createdAt: Timestamp,
    }),
  ),
  loyalty: z.object({
    member: z.nullable(
      z.object({
        customerId: Stored,
        firstName: z.optional(Stored),
        points: z.int(),
        lifetimePoints: z.int(),
        referralCode: Stored,
        birthday: z.optional(z.object({ month: z.int(), day: z.int() })),
      }),
    ),
    activity: z.array(z.object({ id: Stored, kind: Stored, points: z.int(), label: Stored, createdAt: Timestamp })),
    redemptions: z.array(
      z.object({
        id: Stored,
        rewardId: Stored,
        code: Stored,
        cost: z.int(),
        createdAt: Timestamp,
        expiresAt: z.optional(Timestamp),
        usedAt: z.optional(Timestamp),
      }),
    ),
    /** What each order, referral or yearly reward has given so far (`key`), and what could not be taken back. */
    ledger: z.array(z.object({ key: Stored, net: z.int(), shortfall: z.int(), updatedAt: Timestamp })),
  }),
  chat: z.object({
    conversations: z.array(
      z.object({
        id: Stored,
        status: z.enum(['open', 'closed']),
        visitorName: z.optional(Stored),
        visitorEmail: z.optional(Stored),
        customerId: z.optional(Stored),
        createdAt: Timestamp,
        updatedAt: Timestamp,
        messages: z.array(
          z.object({
            id: Stored,
            seq: z.int(),
            author: z.enum(['visitor', 'agent', 'system']),
            authorName: z.optional(Stored),
            body: Stored,
            attachment: z.optional(z.object({ url: Stored, name: Stored, type: Stored, size: z.int() })),
            createdAt: Timestamp,
          }),
        ),
      }),
    ),
    /** Emails left while the shop was away. */
    leftEmails: z.array(
      z.object({
        id: Stored,
        email: Stored,
        message: z.optional(Stored),
        conversationId: z.optional(Stored),
        locale: z.optional(Stored),
        createdAt: Timestamp,
      }),
    ),
  }),
  email: z.object({
    /** When the address unsubscribed from every email; absent if it never did. */
    unsubscribedAt: z.optional(Timestamp),
    jobs: z.array(
      z.object({
        id: Stored,
        kind: z.enum(['review-request', 'away-reply', 'transcript', 'data-request', 'invite']),
        to: Stored,
        subject: Stored,
        text: Stored,
        status: z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']),
        createdAt: Timestamp,
        sentAt: z.optional(Timestamp),
      }),
    ),
  }),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

const Erased = z.int().check(z.gte(0));

/** What an erasure removed, per area: all zeros when there was nothing (left). */
export const CustomerErasure = z.object({
  subject: CustomerRequest,
  orders: z.object({ orders: Erased, refunds: Erased }),
  reviews: z.object({ reviews: Erased, photoFiles: Erased }),
  loyalty: z.object({ members: Erased, activity: Erased, redemptions: Erased, ledger: Erased }),
  chat: z.object({ conversations: Erased, messages: Erased, leftEmails: Erased, attachmentFiles: Erased }),
  /** `unsubscribeKept`: the address's unsubscribe is kept, so it is never emailed again. */
  email: z.object({ jobs: Erased, unsubscribeKept: z.boolean() }),
});
export type CustomerErasure = z.infer<typeof CustomerErasure>;

export const SERVER_SCHEMAS = {
  Error: ErrorBody,
  // Core's names for what the chat widget sends, which the server extends with the shopper's page
  // (and viewed products): generated clients keep the names they had, with the new optional fields.
  Visitor: ConversationStart,
  OutgoingMessage: OutgoingMessageForm,
  OutgoingMessageJson,
  PointsChange,
  PointsBalance,
  CodeUse,
  OpenApiDocument,
  OrderWebhook,
  OrderReceipt,
  TranscriptRequest,
  BirthdayInput,
  CustomerRequest,
  CustomerExport,
  CustomerErasure,
};
