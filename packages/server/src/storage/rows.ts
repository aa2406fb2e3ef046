/**
 * Rows to records, for every implementation: the schemas use the same column
 * names, and only the column types differ (SQLite hands back text and 0/1,
 * Postgres `Date`s, booleans, parsed JSON and int8 as strings), which the
 * helpers below absorb so a field is mapped in one place.
 */
import type { ChatMessage, LoyaltyActivity, Review, ReviewPhoto } from '@shopfront/core/schemas.js';
import type { AgentRecord, Availability, InviteRecord, Role, SavedReply } from './agents.js';
import type { ConversationRecord, LeftEmail } from './chat.js';
import type { DiscountRecord } from './discounts.js';
import type { EmailJob, EmailKind, EmailStatus } from './email.js';
import type { LedgerEntry, MemberRecord } from './loyalty.js';
import type { OrderLine, OrderRecord, OrderStatus, RefundInput } from './orders.js';
import type { ModerationReview, ReviewStatus } from './reviews.js';
import type { ShopifyInstallation } from './shopify.js';
import type { Shop } from './shops.js';

export type Row = Record<string, unknown>;

/** A nullable column as an optional field. */
export const optional = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

/** A timestamp as the ISO string the API speaks: SQLite stores that string, Postgres returns a `Date`. */
export const time = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** A JSON column: text in SQLite, already parsed from `jsonb` in Postgres. */
export const json = <T = unknown>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function toShop(row: Row | undefined): Shop | undefined {
  if (!row) return undefined;
  return { id: Number(row.id), key: String(row.key), secret: String(row.secret), name: String(row.name), settings: json(row.settings) };
}

export function toSavedReply(row: Row): SavedReply {
  return {
    id: String(row.id),
    title: String(row.title),
    body: String(row.body),
    authorId: optional(row.author_id),
    updatedAt: time(row.updated_at),
  };
}

export function toAgent(row: Row | undefined): AgentRecord | undefined {
  if (!row) return undefined;
  return {
    id: String(row.id),
    shopId: Number(row.shop_id),
    email: String(row.email),
    name: String(row.name),
    passwordHash: String(row.password_hash),
    availability: row.availability as Availability,
    role: row.role as Role,
  };
}

export function toInvite(row: Row): InviteRecord {
  return {
    id: String(row.id),
    shopId: Number(row.shop_id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as Role,
    invitedBy: optional(row.invited_by),
    createdAt: time(row.created_at),
    expiresAt: time(row.expires_at),
  };
}

export function toConversation(row: Row): ConversationRecord {
  return {
    id: String(row.id),
    status: row.status as ConversationRecord['status'],
    createdAt: time(row.created_at),
    shopId: Number(row.shop_id),
    visitorId: optional(row.visitor_id),
    visitorName: optional(row.visitor_name),
    visitorEmail: optional(row.visitor_email),
    customerId: optional(row.customer_id),
    startPage: optional(row.start_page),
    currentPage: optional(row.current_page ?? row.start_page),
    viewedProductIds: row.viewed_products === null || row.viewed_products === undefined ? undefined : json<string[]>(row.viewed_products),
    snoozedUntil: row.snoozed_until === null || row.snoozed_until === undefined ? undefined : time(row.snoozed_until),
    assigneeId: optional(row.assignee_id),
    lastSeq: Number(row.last_seq),
    agentReadSeq: Number(row.agent_read_seq),
    updatedAt: time(row.updated_at),
    // Only once rated: a conversation without a rating has none of these keys.
    ...(row.rating !== null && row.rating !== undefined && { rating: Number(row.rating), ratedAt: time(row.rated_at) }),
    ...(typeof row.rating_comment === 'string' && { ratingComment: row.rating_comment }),
  };
}

export function toMessage(row: Row): ChatMessage {
  const message: ChatMessage = {
    id: String(row.id),
    clientId: String(row.client_id),
    conversationId: String(row.conversation_id),
    seq: Number(row.seq),
    author: row.author as ChatMessage['author'],
    body: String(row.body),
    createdAt: time(row.created_at),
  };
  if (row.author_name) message.authorName = String(row.author_name);
  if (row.avatar_url) message.avatarUrl = String(row.avatar_url);
  if (row.attachment) message.attachment = json(row.attachment);
  return message;
}

export function toEmail(row: Row): LeftEmail {
  const email: LeftEmail = { id: String(row.id), email: String(row.email), createdAt: time(row.created_at) };
  if (row.message) email.message = String(row.message);
  if (row.conversation_id) email.conversationId = String(row.conversation_id);
  if (row.locale) email.locale = String(row.locale);
  return email;
}

export function toMember(row: Row | undefined): MemberRecord | undefined {
  if (!row) return undefined;
  return {
    customerId: String(row.customer_id),
    firstName: optional(row.first_name),
    points: Number(row.points),
    lifetimePoints: Number(row.lifetime_points),
    referralCode: String(row.referral_code),
    ...(row.birth_month === null || row.birth_month === undefined
      ? {}
      : { birthday: { month: Number(row.birth_month), day: Number(row.birth_day) } }),
  };
}

export function toActivity(row: Row): LoyaltyActivity {
  return {
    id: String(row.id),
    kind: row.kind as LoyaltyActivity['kind'],
    points: Number(row.points),
    label: String(row.label),
    createdAt: time(row.created_at),
  };
}

export function toReview(row: Row): Review {
  const review: Review = {
    id: String(row.id),
    productId: String(row.product_id),
    rating: Number(row.rating),
    title: String(row.title),
    body: String(row.body),
    authorName: String(row.author_name),
    verifiedBuyer: Boolean(row.verified_buyer),
    createdAt: time(row.created_at),
    helpfulCount: Number(row.helpful_count),
    photos: json(row.photos),
    reply: row.reply_body
      ? {
          body: String(row.reply_body),
          createdAt: time(row.reply_at),
          ...(row.reply_author ? { authorName: String(row.reply_author) } : {}),
        }
      : null,
  };
  if (row.language) review.language = String(row.language);
  return review;
}

/** A review with what moderation sees; `productTitle` is the title of its product, when the catalogue has it. */
export function toModerationReview(row: Row, productTitle: string | undefined): ModerationReview {
  const review: ModerationReview = { ...toReview(row), status: row.status as ReviewStatus };
  if (row.email) review.email = String(row.email);
  if (row.customer_id) review.customerId = String(row.customer_id);
  if (productTitle) review.productTitle = productTitle;
  return review;
}

export function toOrder(row: Row | undefined): OrderRecord | undefined {
  if (!row) return undefined;
  const order: OrderRecord = {
    id: String(row.id),
    status: row.status as OrderStatus,
    currency: String(row.currency),
    total: Number(row.total),
    refunded: Number(row.refunded),
    lines: json<OrderLine[]>(row.lines),
    placedAt: time(row.placed_at),
    updatedAt: time(row.updated_at),
  };
  for (const [field, column] of [
    ['customerId', 'customer_id'],
    ['email', 'email'],
    ['referralCode', 'referral_code'],
    ['locale', 'locale'],
  ] as const) {
    const value = optional(row[column]);
    if (value !== undefined) order[field] = value;
  }
  return order;
}

/** An order's columns, in the order both databases' statements name them. */
export const orderColumns = (shopId: number, order: OrderRecord) => [
  shopId,
  order.id,
  order.customerId ?? null,
  order.email ?? null,
  order.status,
  order.currency,
  order.total,
  order.refunded,
  JSON.stringify(order.lines),
  order.referralCode ?? null,
  order.locale ?? null,
  order.placedAt,
  order.updatedAt,
];
export const ORDER_COLUMNS =
  'shop_id, id, customer_id, email, status, currency, total, refunded, lines, referral_code, locale, placed_at, updated_at';

export function toEmailJob(row: Row): EmailJob {
  const job: EmailJob = {
    id: String(row.id),
    shopId: Number(row.shop_id),
    key: String(row.key),
    kind: row.kind as EmailKind,
    to: String(row.recipient),
    from: String(row.sender),
    subject: String(row.subject),
    text: String(row.text_body),
    html: String(row.html_body),
    headers: json(row.headers),
    messageId: String(row.message_id),
    status: row.status as EmailStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: time(row.next_attempt_at),
    createdAt: time(row.created_at),
  };
  if (row.lease_until) job.leaseUntil = time(row.lease_until);
  if (row.last_error) job.lastError = String(row.last_error);
  if (row.sent_at) job.sentAt = time(row.sent_at);
  return job;
}

export function toDiscount(row: Row): DiscountRecord {
  const discount: DiscountRecord = {
    id: String(row.id),
    code: String(row.code),
    customerId: String(row.customer_id),
    rewardId: String(row.reward_id),
    cost: Number(row.cost),
    createdAt: time(row.created_at),
  };
  if (row.expires_at) discount.expiresAt = time(row.expires_at);
  if (row.used_at) discount.usedAt = time(row.used_at);
  return discount;
}

export function toInstallation(row: Row): ShopifyInstallation {
  return {
    shopId: Number(row.shop_id),
    domain: String(row.domain),
    accessToken: String(row.access_token),
    scopes: String(row.scopes).split(',').filter(Boolean),
    installedAt: time(row.installed_at),
  };
}

export function toRefund(row: Row): RefundInput {
  return { id: String(row.id), amount: Number(row.amount), at: time(row.refunded_at) };
}

export function toLedgerEntry(row: Row): LedgerEntry {
  return { key: String(row.key), net: Number(row.net), shortfall: Number(row.shortfall), updatedAt: time(row.updated_at) };
}

/** The server paths of review photos and their thumbnails. */
export const photoPaths = (photos: readonly ReviewPhoto[]) =>
  photos.flatMap((photo) => [photo.url, photo.thumbnailUrl]).filter((path): path is string => typeof path === 'string');
