/**
 * What `/inbox/api` sends and the inbox page reads, as zod schemas: the routes
 * declare them (so they are checked on the way out and documented), and the
 * client (`client/`) imports the inferred types, so both sides agree by
 * construction. The storage records they describe are pinned by `Same<…>`.
 */
import * as z from 'zod/mini';
import {
  Acknowledgement,
  ChatMessage,
  ChatStatus,
  Conversation,
  Id,
  MAX_LENGTH,
  Product,
  Review,
  Timestamp,
  text,
} from '@shopfront/core/schemas.js';
import type { InboxEvent as HubEvent } from '../chat-hub.js';
import type {
  AgentRecord,
  EmailKind,
  ConversationRecord as StoredConversation,
  ConversationSummary as StoredSummary,
  LeftEmail as StoredEmail,
} from '../storage/index.js';
import type { ModerationReview as StoredReview, SavedReply as StoredSavedReply } from '../storage/index.js';

export const Availability = z.enum(['auto', 'available', 'away']);
export type Availability = z.infer<typeof Availability>;
/** `admin`: also invites people, changes roles and removes agents; `agent`: answers. */
export const Role = z.enum(['admin', 'agent']);
export type Role = z.infer<typeof Role>;

export const ConversationRecord = z.extend(Conversation, {
  shopId: z.int(),
  visitorId: z.optional(z.string()),
  visitorName: z.optional(z.string()),
  visitorEmail: z.optional(z.string()),
  customerId: z.optional(z.string()),
  /** The page the chat was started from. */
  startPage: z.optional(z.string()),
  /** The page of the shopper's latest message (else the start page). */
  currentPage: z.optional(z.string()),
  /** Product ids the shopper viewed, newest first, sent with their consent; absent without it. */
  viewedProductIds: z.optional(z.array(z.string())),
  /** Snoozed by an agent until then: out of the open list meanwhile, unless the shopper writes. */
  snoozedUntil: z.optional(Timestamp),
  /** The agent answering it; absent while unassigned. */
  assigneeId: z.optional(z.string()),
  /** The sequence number of the conversation's last message (0 before the first). */
  lastSeq: z.int().check(z.gte(0)),
  agentReadSeq: z.int().check(z.gte(0)),
  updatedAt: Timestamp,
  /** The shopper's rating once an agent resolved it (1–5), their comment, and when. */
  rating: z.optional(z.int().check(z.gte(1), z.lte(5))),
  ratingComment: z.optional(z.string()),
  ratedAt: z.optional(Timestamp),
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;

export const ConversationSummary = z.extend(ConversationRecord, { lastMessage: z.optional(ChatMessage) });
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const LeftEmail = z.object({
  id: Id,
  email: z.string(),
  message: z.optional(z.string()),
  conversationId: z.optional(Id),
  locale: z.optional(z.string()),
  createdAt: Timestamp,
});
export type LeftEmail = z.infer<typeof LeftEmail>;

export const ModerationReview = z.extend(Review, {
  status: z.enum(['pending', 'published', 'rejected']),
  email: z.optional(z.string()),
  customerId: z.optional(z.string()),
  productTitle: z.optional(z.string()),
});
export type ModerationReview = z.infer<typeof ModerationReview>;

/** What the inbox's live stream delivers. */
export const InboxEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation'), conversation: ConversationSummary }),
  z.object({ type: z.literal('message'), message: ChatMessage }),
  z.object({ type: z.literal('email'), email: LeftEmail }),
  z.object({ type: z.literal('review'), review: ModerationReview }),
  z.object({ type: z.literal('status'), status: ChatStatus }),
  z.object({ type: z.literal('typing'), conversationId: Id, active: z.boolean() }),
  z.object({ type: z.literal('team'), removed: z.optional(Id) }),
]);
export type InboxEvent = z.infer<typeof InboxEvent>;

export const InboxMe = z.object({
  agent: z.object({ id: Id, name: z.string(), email: z.string(), availability: Availability, role: Role }),
  shop: z.object({ name: z.string(), key: z.string() }),
  status: ChatStatus,
});
export type InboxMe = z.infer<typeof InboxMe>;

export const AvailabilityBody = z.object({ availability: Availability });
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

export const ConversationList = z.object({ conversations: z.array(ConversationSummary) });
export type ConversationList = z.infer<typeof ConversationList>;

export const ConversationHistory = z.object({ conversation: ConversationRecord, messages: z.array(ChatMessage) });
export type ConversationHistory = z.infer<typeof ConversationHistory>;

export const ConversationChange = z.object({ conversation: z.optional(ConversationRecord) });
export type ConversationChange = z.infer<typeof ConversationChange>;

export const EmailList = z.object({ emails: z.array(LeftEmail) });
export type EmailList = z.infer<typeof EmailList>;

/** An email the server sent or will send, as the outbox lists it. */
export const OutboxEmail = z.object({
  id: Id,
  kind: z.enum(['review-request', 'away-reply', 'transcript', 'data-request', 'invite']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']),
  attempts: z.int(),
  nextAttemptAt: Timestamp,
  sentAt: z.optional(Timestamp),
  lastError: z.optional(z.string()),
  createdAt: Timestamp,
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

export const Outbox = z.object({
  /** Whether this server sends email (`SHOPFRONT_SMTP_URL`); without it the outbox only keeps them. */
  sending: z.boolean(),
  emails: z.array(OutboxEmail),
});
export type Outbox = z.infer<typeof Outbox>;

export const ReviewList = z.object({ reviews: z.array(ModerationReview) });
export type ReviewList = z.infer<typeof ReviewList>;

export const ReviewChange = z.object({ review: ModerationReview });
export type ReviewChange = z.infer<typeof ReviewChange>;

/** An order as the sidebar lists it: amounts in major units, as the order webhook sends them. */
export const ShopperOrder = z.object({
  id: z.string(),
  status: z.enum(['paid', 'fulfilled', 'refunded', 'cancelled']),
  currency: z.string(),
  total: z.number(),
  refunded: z.number(),
  placedAt: Timestamp,
  items: z.array(z.object({ productId: z.string(), title: z.optional(z.string()), quantity: z.int(), price: z.number() })),
});
export type ShopperOrder = z.infer<typeof ShopperOrder>;

/** Everything the shop knows about the shopper of one conversation, for the sidebar beside it. */
export const ShopperContext = z.object({
  shopper: z.object({
    /** `customer`: signed in at the shop (the id is proven by the shop's signature); `guest` otherwise. */
    kind: z.enum(['customer', 'guest']),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    customerId: z.optional(z.string()),
  }),
  /**
   * How the records below were found: `customer` by the signed customer id (or their email), `email` by
   * an address a guest typed and nobody verified, `none` when the guest gave nothing to look up.
   */
  matchedBy: z.enum(['customer', 'email', 'none']),
  pages: z.object({ start: z.optional(z.string()), current: z.optional(z.string()) }),
  /** `shared: false`: the shopper did not consent to sharing what they viewed, so nothing was sent. */
  viewed: z.object({ shared: z.boolean(), products: z.array(Product) }),
  /** Signed customers only: guests have no loyalty account. */
  loyalty: z.optional(z.object({ member: z.boolean(), tier: z.nullable(z.string()), points: z.int(), lifetimePoints: z.int() })),
  orders: z.array(ShopperOrder),
  /** Their other conversations, most recently updated first. */
  conversations: z.array(ConversationRecord),
  reviews: z.array(ModerationReview),
});
export type ShopperContext = z.infer<typeof ShopperContext>;

/** Done: the shop's acknowledgement, the same one the shop API answers with. */
export const Done = Acknowledgement;

/** The periods the team report covers, in days. */
export const REPORT_PERIODS = [7, 30, 90] as const;
/** How it went over a period: conversations started, those answered, the median first answer, and the shoppers' ratings. */
export const TeamReport = z.object({
  from: Timestamp,
  to: Timestamp,
  conversations: z.int().check(z.gte(0)),
  answered: z.int().check(z.gte(0)),
  medianFirstResponseSeconds: z.optional(z.int().check(z.gte(0))),
  ratings: z.int().check(z.gte(0)),
  averageRating: z.optional(z.number().check(z.gte(1), z.lte(5))),
});
export type TeamReport = z.infer<typeof TeamReport>;
export type Done = Acknowledgement;

/** Request bodies. */
export const AgentReply = z.object({ clientId: z.uuid(), body: text(MAX_LENGTH.chatMessage, 1) });
export const ReadMark = z.object({ seq: z.int().check(z.gte(0)) });
export const Typing = z.object({ active: z.boolean() });
/** `resolved` (also `closed`, its name for the shopper) ends it; `snoozed` needs `until`, a time to come. */
export const StatusChange = z.object({ status: z.enum(['open', 'snoozed', 'resolved', 'closed']), until: z.optional(Timestamp) });
export type StatusChange = z.infer<typeof StatusChange>;
export const Assignment = z.object({ agentId: z.nullable(Id) });
export type Assignment = z.infer<typeof Assignment>;

/** Which conversations a list shows: by status (`resolved` and `closed` are one) and by whose they are. */
export const ListStatus = z.enum(['open', 'snoozed', 'resolved', 'closed', 'all']);
export type ListStatus = z.infer<typeof ListStatus>;
export const ListAssignee = z.enum(['me', 'unassigned', 'all']);
export type ListAssignee = z.infer<typeof ListAssignee>;

export const SavedReply = z.object({ id: Id, title: z.string(), body: z.string(), authorId: z.optional(z.string()), updatedAt: Timestamp });
export type SavedReply = z.infer<typeof SavedReply>;
export const SavedReplyList = z.object({ replies: z.array(SavedReply) });
export type SavedReplyList = z.infer<typeof SavedReplyList>;
/** A saved reply as the shop's people write it; its placeholders must be ones the inbox knows. */
export const SavedReplyInput = z.object({ title: text(120, 1), body: text(MAX_LENGTH.chatMessage, 1) });
export type SavedReplyInput = z.infer<typeof SavedReplyInput>;

export const AgentList = z.object({ agents: z.array(z.object({ id: Id, name: z.string() })) });
export type AgentList = z.infer<typeof AgentList>;

export const TeamMember = z.object({ id: Id, name: z.string(), email: z.string(), role: Role });
export type TeamMember = z.infer<typeof TeamMember>;
/** An invite not taken up yet, as admins see it (never its link: that went to the invited address only). */
export const PendingInvite = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  expired: z.boolean(),
});
export type PendingInvite = z.infer<typeof PendingInvite>;
/** The team; `invites` only for admins. */
export const Team = z.object({ agents: z.array(TeamMember), invites: z.optional(z.array(PendingInvite)) });
export type Team = z.infer<typeof Team>;
export const InviteRequest = z.object({ email: z.email(), name: text(MAX_LENGTH.name, 1), role: Role });
export type InviteRequest = z.infer<typeof InviteRequest>;
export const InviteCreated = z.object({ invite: PendingInvite });
export type InviteCreated = z.infer<typeof InviteCreated>;
export const RoleChange = z.object({ role: Role });
export type RoleChange = z.infer<typeof RoleChange>;
export const MemberChange = z.object({ agent: TeamMember });
export type MemberChange = z.infer<typeof MemberChange>;
export const ReviewDecision = z.object({ status: z.enum(['published', 'rejected']) });
export const ReviewReply = z.object({ body: text(MAX_LENGTH.reviewBody, 1) });

/** Written into the inbox page as JSON for its script. */
export interface InboxSettings {
  csrf: string;
  agent: { name: string; email: string; role: Role };
  shop: { name: string };
}

/** Fails to compile when a schema and the record it describes drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type WireMatchesStorage = [
  Holds<Same<ConversationRecord, StoredConversation>>,
  Holds<Same<ConversationSummary, StoredSummary>>,
  Holds<Same<LeftEmail, StoredEmail>>,
  Holds<Same<ModerationReview, StoredReview>>,
  Holds<Same<InboxEvent, HubEvent>>,
  Holds<Same<Availability, AgentRecord['availability']>>,
  Holds<Same<Role, AgentRecord['role']>>,
  Holds<Same<OutboxEmail['kind'], EmailKind>>,
  Holds<Same<SavedReply, StoredSavedReply>>,
];
