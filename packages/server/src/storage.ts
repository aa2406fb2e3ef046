/**
 * Everything the server keeps, behind one interface. Routes speak only to this:
 * SQL lives in the module that implements it (`sqlite-storage.ts` today; a
 * Postgres module would be a new file implementing the same interface). Every
 * method is async so a networked database fits without touching the routes.
 *
 * URLs of things this server serves itself (product pages, uploaded photos) are
 * stored as paths starting with `/`; the routes make them absolute for the
 * request's origin.
 */
import type {
  BusinessHours,
  ChatAttachment,
  ChatMessage,
  Conversation,
  FaqEntry,
  LoyaltyActivity,
  MerchantReply,
  Product,
  Redemption,
  Review,
  ReviewPhoto,
  ReviewSort,
  ReviewSummary,
  Reward,
  Tier,
  WayToEarn,
} from '@shopfront/core/schemas.js';

export interface ShopSettings {
  /** Origins (`https://shop.example.com`) allowed to call the API from a browser. */
  origins: string[];
  currency: string;
  /** Reviews rated at or above this are published at once; `null` holds every review for moderation. */
  autoPublishAt: number | null;
  businessHours?: BusinessHours;
  /** Typical minutes to a first reply, shown by the chat. */
  replyMinutes?: number;
  program?: { name: string; pointsName?: string; signupUrl?: string; loginUrl?: string };
}

export interface Shop {
  id: number;
  /** The public key named by the script tag (`data-shop`). */
  key: string;
  /** Signs customer ids (HMAC-SHA256) and authenticates the shop's own backend. Never sent to browsers. */
  secret: string;
  name: string;
  settings: ShopSettings;
}

export interface ShopInput {
  key: string;
  secret: string;
  name: string;
  settings: ShopSettings;
}

/** A product as stored: `url` and `image.url` may be paths on this server. */
export type StoredProduct = Product & { handle: string; description?: string };

export interface LoyaltySetup {
  tiers: Tier[];
  waysToEarn: WayToEarn[];
  rewards: Reward[];
}

export type ReviewStatus = 'pending' | 'published' | 'rejected';

export interface NewReview {
  productId: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email?: string;
  customerId?: string;
  visitorId?: string;
  verifiedBuyer?: boolean;
  language?: string;
  photos: ReviewPhoto[];
  status: ReviewStatus;
  /** Seeding sets these; live submissions take now and 0. */
  createdAt?: string;
  helpfulCount?: number;
  reply?: MerchantReply | null;
  id?: string;
}

/** A position in a sorted review list: the sort and the last row's keys. */
export interface ReviewCursor {
  sort: ReviewSort;
  keys: Array<string | number>;
}

export interface ReviewListQuery {
  sort: ReviewSort;
  rating?: number;
  withMedia?: boolean;
  after?: ReviewCursor;
  limit: number;
}

export interface ReviewListResult {
  reviews: Review[];
  /** Where the next page starts, or null on the last page. */
  next: ReviewCursor | null;
}

export type ModerationReview = Review & { status: ReviewStatus; email?: string; customerId?: string; productTitle?: string };

export interface MemberRecord {
  customerId: string;
  firstName?: string;
  points: number;
  lifetimePoints: number;
  referralCode: string;
}

export type RedeemResult = { ok: true; redemption: Redemption } | { ok: false; reason: 'unknown-reward' | 'insufficient-points' };

export interface NewMessage {
  clientId: string;
  author: ChatMessage['author'];
  authorName?: string;
  avatarUrl?: string;
  body: string;
  attachment?: ChatAttachment;
}

export interface ConversationRecord extends Conversation {
  shopId: number;
  visitorId?: string;
  visitorName?: string;
  visitorEmail?: string;
  customerId?: string;
  lastSeq: number;
  agentReadSeq: number;
  updatedAt: string;
}

export interface ConversationSummary extends ConversationRecord {
  lastMessage?: ChatMessage;
}

export interface LeftEmail {
  id: string;
  email: string;
  message?: string;
  conversationId?: string;
  createdAt: string;
}

export type Availability = 'auto' | 'available' | 'away';

export interface AgentRecord {
  id: string;
  shopId: number;
  email: string;
  name: string;
  passwordHash: string;
  availability: Availability;
}

export interface SessionRecord {
  agentId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface Storage {
  // Shops
  shopByKey(key: string): Promise<Shop | undefined>;
  shopById(id: number): Promise<Shop | undefined>;
  /** Creates the shop or updates its name, secret and settings; `created` says which. */
  upsertShop(input: ShopInput): Promise<{ shop: Shop; created: boolean }>;
  replaceProducts(shopId: number, products: StoredProduct[]): Promise<void>;
  replaceFaq(shopId: number, entries: FaqEntry[]): Promise<void>;
  replaceLoyalty(shopId: number, setup: LoyaltySetup): Promise<void>;

  // Products
  products(shopId: number, ids: readonly string[]): Promise<StoredProduct[]>;
  allProducts(shopId: number): Promise<StoredProduct[]>;
  productByHandle(shopId: number, handle: string): Promise<StoredProduct | undefined>;

  // Reviews
  reviewSummary(shopId: number, productId: string): Promise<ReviewSummary>;
  listReviews(shopId: number, productId: string, query: ReviewListQuery): Promise<ReviewListResult>;
  insertReviews(shopId: number, reviews: NewReview[]): Promise<Review[]>;
  /** Once per visitor: a repeat leaves the count as it was. `undefined` for no published review. */
  vote(shopId: number, reviewId: string, visitorId: string, helpful: boolean): Promise<number | undefined>;
  reviewsForModeration(shopId: number, status: ReviewStatus, limit: number): Promise<ModerationReview[]>;
  moderationReview(shopId: number, reviewId: string): Promise<ModerationReview | undefined>;
  /** Publishes or rejects; returns the review as it is now, or undefined. */
  setReviewStatus(shopId: number, reviewId: string, status: ReviewStatus): Promise<ModerationReview | undefined>;
  replyToReview(shopId: number, reviewId: string, reply: MerchantReply): Promise<ModerationReview | undefined>;

  // Loyalty
  loyaltySetup(shopId: number): Promise<LoyaltySetup>;
  member(shopId: number, customerId: string): Promise<MemberRecord | undefined>;
  /** Adds (or with a negative number, removes, never below zero) points, creating the member. */
  adjustPoints(
    shopId: number,
    customerId: string,
    change: { points: number; label: string; kind: LoyaltyActivity['kind']; firstName?: string },
  ): Promise<MemberRecord>;
  /** In one transaction: never a negative balance, never two redemptions paid by the same points. */
  redeem(shopId: number, customerId: string, rewardId: string, code: string): Promise<RedeemResult>;
  activity(shopId: number, customerId: string, limit: number): Promise<LoyaltyActivity[]>;
  /** Marks a discount code used; false when unknown or already used. */
  useCode(shopId: number, code: string): Promise<'used' | 'unknown' | 'already-used'>;

  // Chat
  createConversation(
    shopId: number,
    visitor: { visitorId?: string; name?: string; email?: string; customerId?: string },
  ): Promise<ConversationRecord>;
  conversation(shopId: number, conversationId: string): Promise<ConversationRecord | undefined>;
  /** Stores once per (conversation, clientId); `created` is false for a resend, which returns the stored row. */
  appendMessage(conversationId: string, message: NewMessage): Promise<{ message: ChatMessage; created: boolean }>;
  messagesAfter(conversationId: string, after: number, limit: number): Promise<ChatMessage[]>;
  conversations(shopId: number, status: Conversation['status'] | 'all', limit: number): Promise<ConversationSummary[]>;
  setConversationStatus(shopId: number, conversationId: string, status: Conversation['status']): Promise<ConversationRecord | undefined>;
  markRead(shopId: number, conversationId: string, seq: number): Promise<void>;
  leaveEmail(shopId: number, email: Omit<LeftEmail, 'id' | 'createdAt'> & { visitorId?: string }): Promise<LeftEmail>;
  emails(shopId: number, limit: number): Promise<LeftEmail[]>;

  // FAQ
  faq(shopId: number): Promise<{ version: string; entries: FaqEntry[] }>;

  // Agents and sessions
  agentByEmail(email: string): Promise<AgentRecord | undefined>;
  agentById(id: string): Promise<AgentRecord | undefined>;
  agents(shopId: number): Promise<AgentRecord[]>;
  upsertAgent(agent: Omit<AgentRecord, 'id' | 'availability'>): Promise<AgentRecord>;
  setAvailability(agentId: string, availability: Availability): Promise<void>;
  createSession(tokenHash: string, session: SessionRecord): Promise<void>;
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  close(): Promise<void>;
}

/** Input the storage cannot use (a cursor from another sort, say): the routes answer 400 naming `field`. */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
