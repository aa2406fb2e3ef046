import type {
  Acknowledgement,
  ActivityList,
  Birthday,
  ChatEvent,
  ChatHistory,
  ChatRating,
  ChatStatus,
  Conversation,
  EmailReceipt,
  EmailRequest,
  FaqEntries,
  FaqSearchResult,
  LoyaltyMember,
  LoyaltyProgram,
  ChatSend,
  ChatStart,
  ProductList,
  Redemption,
  ReviewDraft,
  ReviewPage,
  ReviewQuery,
  ReviewSubmission,
  ReviewSummaries,
  ReviewSummary,
  ReviewVote,
  RewardList,
  ChatMessage,
} from './schemas/index.js';

/** Every adapter method takes one; adapters pass `signal` on to `fetch`. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface ReviewsCapability {
  summary(productId: string, options?: CallOptions): Promise<ReviewSummary>;
  /**
   * The summaries of many products in one request (a grid of product cards), in the
   * order given; a product nobody reviewed has zeros. Optional: without it, callers
   * ask `summary` once per product.
   */
  summaries?(productIds: readonly string[], options?: CallOptions): Promise<ReviewSummaries>;
  list(productId: string, query: ReviewQuery, options?: CallOptions): Promise<ReviewPage>;
  submit(draft: ReviewDraft, options?: CallOptions): Promise<ReviewSubmission>;
  vote(reviewId: string, helpful: boolean, options?: CallOptions): Promise<ReviewVote>;
}

export interface LoyaltyCapability {
  program(options?: CallOptions): Promise<LoyaltyProgram>;
  member(options?: CallOptions): Promise<LoyaltyMember>;
  rewards(options?: CallOptions): Promise<RewardList>;
  redeem(rewardId: string, options?: CallOptions): Promise<Redemption>;
  activity(options?: CallOptions): Promise<ActivityList>;
  /** Keeps the signed-in member's birthday (set once; the same date again is fine): the member with it, and any points it gave. */
  setBirthday?(birthday: Birthday, options?: CallOptions): Promise<LoyaltyMember>;
}

export type StreamState = 'connecting' | 'open' | 'closed';

export interface SubscribeOptions extends CallOptions {
  /** Resume after this sequence number: the server replays what came later. */
  lastEventId?: number;
  /** Connection changes; after each `open` that follows a drop, sync history. */
  onState?: (state: StreamState) => void;
}

export interface ChatCapability {
  status(options?: CallOptions): Promise<ChatStatus>;
  start(visitor: ChatStart, options?: CallOptions): Promise<Conversation>;
  history(conversationId: string, query: { after?: number }, options?: CallOptions): Promise<ChatHistory>;
  /** Idempotent by `message.clientId`: a resend returns the stored message. */
  send(conversationId: string, message: ChatSend, options?: CallOptions): Promise<ChatMessage>;
  /** Events as they happen; returns the unsubscribe. `onEvent` gets raw payloads to validate. */
  subscribe(conversationId: string, options: SubscribeOptions, onEvent: (event: ChatEvent) => void): () => void;
  /** Leave an email for a reply while nobody is online. */
  leaveEmail(request: EmailRequest, options?: CallOptions): Promise<EmailReceipt>;
  /** Tell the shop's agents the shopper is typing (`true`, every few seconds while they are) or stopped. */
  typing?(conversationId: string, active: boolean, options?: CallOptions): Promise<Acknowledgement>;
  /** Rate a conversation an agent resolved (once). */
  rate?(conversationId: string, rating: ChatRating, options?: CallOptions): Promise<Acknowledgement>;
}

export interface FaqCapability {
  /** All entries, for the local index. */
  entries(options?: CallOptions): Promise<FaqEntries>;
  /** Server-side search, when a backend has a better one than the local index. */
  search?(query: string, options?: CallOptions): Promise<FaqSearchResult>;
}

export interface ProductsCapability {
  get(ids: readonly string[], options?: CallOptions): Promise<ProductList>;
}

/**
 * What a widget needs from a backend, split by capability: an adapter implements
 * the ones its backend has, and a widget whose capability is missing renders
 * nothing and logs one warning.
 */
export interface BackendAdapter {
  reviews?: ReviewsCapability;
  loyalty?: LoyaltyCapability;
  chat?: ChatCapability;
  faq?: FaqCapability;
  products?: ProductsCapability;
}

export type Capability = keyof BackendAdapter;
