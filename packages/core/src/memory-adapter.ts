import type {
  BackendAdapter,
  CallOptions,
  ChatCapability,
  FaqCapability,
  LoyaltyCapability,
  ProductsCapability,
  ReviewsCapability,
  StreamState,
} from './adapter.js';
import { AdapterError } from './adapter-error.js';
import { sleep } from './sleep.js';
import type {
  Agent,
  ChatEvent,
  ChatMessage,
  ChatStatus,
  FaqEntry,
  LoyaltyActivity,
  LoyaltyMember,
  LoyaltyProgram,
  Product,
  Review,
  ReviewQuery,
  ReviewSummary,
  Reward,
} from './schemas/index.js';

/** Plain data a `MemoryAdapter` starts from. A capability is present only when seeded. */
export interface MemorySeed {
  /** Published reviews. */
  reviews?: Review[];
  loyalty?: {
    program: LoyaltyProgram;
    member: LoyaltyMember;
    rewards: Reward[];
    activity?: LoyaltyActivity[];
  };
  chat?: {
    status: ChatStatus;
    agent?: Agent;
    /** Agent replies, one per visitor message in turn, or made from the message. */
    replies?: string[] | ((message: ChatMessage) => string | undefined);
    /** Milliseconds before the scripted agent starts typing and then answers. */
    replyDelay?: number;
  };
  faq?: { entries: FaqEntry[]; version?: string };
  products?: Product[];
}

export interface MemoryAdapterOptions {
  /** Milliseconds every call waits, as a network would. */
  latency?: number;
  /** Submitted reviews at or above this rating are published at once; others wait for moderation. */
  autoPublishAt?: number;
}

/** `capability.method`, e.g. `reviews.summary`. */
export type MemoryMethod = `${'reviews' | 'loyalty' | 'chat' | 'faq' | 'products'}.${string}`;

type Injection = { kind: 'error'; error: unknown } | { kind: 'data'; data: unknown };

interface Subscriber {
  conversationId: string;
  onEvent: (event: ChatEvent) => void;
  onState?: (state: StreamState) => void;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * A complete backend in memory, for Storybook, tests and demos: every capability,
 * seeded from plain data, with latency, failure and bad-data injection, and a
 * scripted agent that answers chat messages.
 */
export class MemoryAdapter implements BackendAdapter {
  /** Every call made, in order: what a test asserts on. */
  readonly calls: Array<{ method: MemoryMethod; args: unknown[] }> = [];
  /** When true every call fails as a dropped connection would. */
  offline = false;
  latency: number;

  readonly reviews?: ReviewsCapability;
  readonly loyalty?: LoyaltyCapability;
  readonly chat?: ChatCapability;
  readonly faq?: FaqCapability;
  readonly products?: ProductsCapability;

  readonly #injections = new Map<string, Injection[]>();
  #paused?: { promise: Promise<void>; release: () => void };
  readonly #reviews: Review[];
  readonly #pendingReviews: Review[] = [];
  readonly #votes = new Set<string>();
  readonly #messages = new Map<string, ChatMessage[]>();
  readonly #subscribers = new Set<Subscriber>();
  readonly emails: Array<{ email: string; message?: string }> = [];
  #nextId = 1;

  constructor(seed: MemorySeed = {}, options: MemoryAdapterOptions = {}) {
    this.latency = options.latency ?? 0;
    this.#reviews = clone(seed.reviews ?? []);
    if (seed.reviews) this.reviews = this.#reviewsCapability(options.autoPublishAt ?? 6);
    if (seed.loyalty) this.loyalty = this.#loyaltyCapability(clone(seed.loyalty));
    if (seed.chat) this.chat = this.#chatCapability(seed.chat);
    if (seed.faq) {
      const faq = clone(seed.faq);
      this.faq = { entries: (o) => this.#call('faq.entries', [], o, () => ({ version: faq.version ?? '1', entries: faq.entries })) };
    }
    if (seed.products) {
      const products = clone(seed.products);
      this.products = {
        get: (ids, o) => this.#call('products.get', [ids], o, () => ({ products: products.filter((p) => ids.includes(p.id)) })),
      };
    }
  }

  /** The next call(s) to `method` reject with `error` (an `AdapterError`, or anything an adapter might throw). */
  failNext(method: MemoryMethod, error: unknown = new AdapterError('http', 'Injected failure', { status: 500 }), times = 1): void {
    this.#inject(method, { kind: 'error', error }, times);
  }

  /** The next call(s) to `method` resolve with `data` as-is: bad payloads for the error state. */
  respondNext(method: MemoryMethod, data: unknown, times = 1): void {
    this.#inject(method, { kind: 'data', data }, times);
  }

  /** Holds every call until `resume()`: tests and stories see the loading state for as long as they need. */
  pause(): void {
    if (this.#paused) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.#paused = { promise, release };
  }

  resume(): void {
    this.#paused?.release();
    this.#paused = undefined;
  }

  /** Reviews that wait for moderation. */
  get pendingReviews(): readonly Review[] {
    return this.#pendingReviews;
  }

  /** An agent writes into a conversation (stories and tests). */
  agentSays(conversationId: string, body: string, agent: Agent = { name: 'Sam' }): ChatMessage {
    return this.#append(conversationId, {
      author: 'agent',
      body,
      authorName: agent.name,
      avatarUrl: agent.avatarUrl,
      clientId: `agent-${this.#nextId}`,
    });
  }

  /** An agent resolves the conversation: its streams hear of it, and the widget asks how it went. */
  resolve(conversationId: string): void {
    this.#emit(conversationId, { type: 'resolved' });
  }

  /** Drops every open stream, as a network failure would. Subscribers must resubscribe. */
  dropStreams(): void {
    for (const subscriber of this.#subscribers) subscriber.onState?.('closed');
    this.#subscribers.clear();
  }

  #inject(method: string, injection: Injection, times: number): void {
    const queue = this.#injections.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(injection);
    this.#injections.set(method, queue);
  }

  async #call<T>(method: MemoryMethod, args: unknown[], options: CallOptions | undefined, run: () => T): Promise<T> {
    this.calls.push({ method, args });
    await this.#wait(options?.signal);
    while (this.#paused) await this.#paused.promise;
    options?.signal?.throwIfAborted();
    if (this.offline) throw new TypeError('Failed to fetch');
    const injection = this.#injections.get(method)?.shift();
    if (injection?.kind === 'error') throw injection.error;
    if (injection?.kind === 'data') return injection.data as T;
    return clone(run());
  }

  #wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return this.latency > 0 ? sleep(this.latency, signal) : Promise.resolve();
  }

  #id(prefix: string): string {
    return `${prefix}-${this.#nextId++}`;
  }

  #reviewsCapability(autoPublishAt: number): ReviewsCapability {
    const forProduct = (productId: string) => this.#reviews.filter((r) => r.productId === productId);
    const summaryOf = (productId: string): ReviewSummary => {
      const reviews = forProduct(productId);
      const histogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      for (const review of reviews) histogram[review.rating as 1 | 2 | 3 | 4 | 5]++;
      const total = reviews.reduce((sum, r) => sum + r.rating, 0);
      const average = reviews.length ? Math.round((total / reviews.length) * 100) / 100 : 0;
      return { productId, average, count: reviews.length, histogram };
    };
    return {
      summary: (productId, o) => this.#call('reviews.summary', [productId], o, () => summaryOf(productId)),
      // As the server answers: in the order asked, each product once.
      summaries: (productIds, o) =>
        this.#call('reviews.summaries', [productIds], o, () => ({ summaries: [...new Set(productIds)].map(summaryOf) })),
      list: (productId, query, o) =>
        this.#call('reviews.list', [productId, query], o, () => {
          const matching = sortReviews(
            forProduct(productId).filter(
              (r) => (query.rating ? r.rating === query.rating : true) && (query.withMedia ? r.photos.length > 0 : true),
            ),
            query.sort ?? 'newest',
          );
          const offset = query.cursor ? Number(query.cursor) || 0 : 0;
          const limit = query.limit ?? 10;
          const end = offset + limit;
          return { reviews: matching.slice(offset, end), nextCursor: end < matching.length ? String(end) : null };
        }),
      submit: (draft, o) =>
        this.#call('reviews.submit', [draft], o, () => {
          const review: Review = {
            id: this.#id('review'),
            productId: draft.productId,
            rating: draft.rating,
            title: draft.title,
            body: draft.body,
            authorName: draft.name,
            // Only a server can check an invitation (`draft.invitation`, a review link's signed token) against orders.
            verifiedBuyer: false,
            createdAt: new Date().toISOString(),
            helpfulCount: 0,
            photos: [],
          };
          const published = draft.rating >= autoPublishAt;
          (published ? this.#reviews : this.#pendingReviews).unshift(review);
          return { review, status: published ? ('published' as const) : ('pending' as const) };
        }),
      vote: (reviewId, helpful, o) =>
        this.#call('reviews.vote', [reviewId, helpful], o, () => {
          const review = this.#reviews.find((r) => r.id === reviewId);
          if (!review) throw new AdapterError('http', 'No such review.', { status: 404 });
          // Once per visitor: a second vote returns the count unchanged.
          if (helpful && !this.#votes.has(reviewId)) review.helpfulCount++;
          this.#votes.add(reviewId);
          return { reviewId, helpfulCount: review.helpfulCount };
        }),
    };
  }

  #loyaltyCapability(state: NonNullable<MemorySeed['loyalty']>): LoyaltyCapability {
    const activity = state.activity ?? [];
    return {
      program: (o) => this.#call('loyalty.program', [], o, () => state.program),
      member: (o) => this.#call('loyalty.member', [], o, () => state.member),
      rewards: (o) => this.#call('loyalty.rewards', [], o, () => ({ rewards: state.rewards })),
      activity: (o) => this.#call('loyalty.activity', [], o, () => ({ activity })),
      setBirthday: (birthday, o) =>
        this.#call('loyalty.setBirthday', [birthday], o, () => {
          const member = state.member;
          if (member.status !== 'member') throw new AdapterError('http', 'Sign in to give your birthday.', { status: 401 });
          const kept = member.birthday;
          if (kept && (kept.month !== birthday.month || kept.day !== birthday.day))
            throw new AdapterError('http', 'Your birthday was already given.', { status: 409, field: 'birthday' });
          member.birthday = { month: birthday.month, day: birthday.day };
          return member;
        }),
      redeem: (rewardId, o) =>
        this.#call('loyalty.redeem', [rewardId], o, () => {
          const member = state.member;
          if (member.status !== 'member') throw new AdapterError('http', 'Sign in to redeem rewards.', { status: 401 });
          const reward = state.rewards.find((r) => r.id === rewardId);
          if (!reward) throw new AdapterError('http', 'No such reward.', { status: 404, field: 'rewardId' });
          if (member.points < reward.cost)
            throw new AdapterError('http', 'Not enough points for this reward.', { status: 409, field: 'points' });
          member.points -= reward.cost;
          const createdAt = new Date().toISOString();
          activity.unshift({ id: this.#id('activity'), kind: 'redeem', points: -reward.cost, label: reward.name, createdAt });
          const code = `SF-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
          return { id: this.#id('redemption'), rewardId, code, points: member.points, createdAt, expiresAt: null };
        }),
    };
  }

  #chatCapability(seed: NonNullable<MemorySeed['chat']>): ChatCapability {
    let replyIndex = 0;
    const scriptedReply = (message: ChatMessage): string | undefined => {
      const { replies } = seed;
      if (typeof replies === 'function') return replies(message);
      if (!replies?.length) return undefined;
      return replies[replyIndex++ % replies.length];
    };
    return {
      status: (o) => this.#call('chat.status', [], o, () => seed.status),
      start: (visitor, o) =>
        this.#call('chat.start', [visitor], o, () => {
          const id = this.#id('conversation');
          this.#messages.set(id, []);
          return { id, status: 'open' as const, createdAt: new Date().toISOString() };
        }),
      history: (conversationId, query, o) =>
        this.#call('chat.history', [conversationId, query], o, () => ({
          messages: this.#conversation(conversationId).filter((m) => m.seq > (query.after ?? 0)),
        })),
      send: (conversationId, message, o) =>
        this.#call('chat.send', [conversationId, message], o, () => {
          const existing = this.#conversation(conversationId).find((m) => m.clientId === message.clientId);
          if (existing) return existing; // a resend is harmless
          const stored = this.#append(conversationId, { author: 'visitor', body: message.body, clientId: message.clientId });
          const reply = scriptedReply(stored);
          if (reply !== undefined && seed.status.state === 'online') {
            const agent = seed.agent ?? { name: 'Sam' };
            const delay = seed.replyDelay ?? 400;
            setTimeout(() => this.#emit(conversationId, { type: 'typing', active: true, authorName: agent.name }), delay / 2);
            setTimeout(() => {
              this.#emit(conversationId, { type: 'typing', active: false, authorName: agent.name });
              this.agentSays(conversationId, reply, agent);
            }, delay);
          }
          return stored;
        }),
      subscribe: (conversationId, options, onEvent) => {
        const subscriber: Subscriber = { conversationId, onEvent, onState: options.onState };
        this.calls.push({ method: 'chat.subscribe', args: [conversationId, options.lastEventId] });
        options.onState?.('connecting');
        queueMicrotask(() => {
          if (this.offline) return options.onState?.('closed');
          this.#subscribers.add(subscriber);
          options.onState?.('open');
          for (const message of this.#conversation(conversationId)) {
            if (message.seq > (options.lastEventId ?? Infinity)) onEvent({ type: 'message', message: clone(message) });
          }
        });
        return () => this.#subscribers.delete(subscriber);
      },
      leaveEmail: (request, o) =>
        this.#call('chat.leaveEmail', [request], o, () => {
          this.emails.push({ email: request.email, message: request.message });
          return { ok: true as const };
        }),
      rate: (conversationId, rating, o) => this.#call('chat.rate', [conversationId, rating], o, () => ({ ok: true as const })),
      // Heard and dropped: `calls` shows what the shopper's typing told the shop.
      typing: (conversationId, active, o) => this.#call('chat.typing', [conversationId, active], o, () => ({ ok: true as const })),
    };
  }

  #conversation(conversationId: string): ChatMessage[] {
    const messages = this.#messages.get(conversationId);
    if (!messages) throw new AdapterError('http', 'No such conversation.', { status: 404, field: 'conversationId' });
    return messages;
  }

  #append(conversationId: string, fields: Pick<ChatMessage, 'author' | 'body' | 'clientId'> & Partial<ChatMessage>): ChatMessage {
    const messages = this.#conversation(conversationId);
    const message: ChatMessage = {
      id: this.#id('message'),
      conversationId,
      seq: messages.length + 1,
      createdAt: new Date().toISOString(),
      ...fields,
    };
    if (message.avatarUrl === undefined) delete message.avatarUrl;
    if (message.authorName === undefined) delete message.authorName;
    messages.push(message);
    this.#emit(conversationId, { type: 'message', message });
    return clone(message);
  }

  #emit(conversationId: string, event: ChatEvent): void {
    for (const subscriber of this.#subscribers) {
      if (subscriber.conversationId === conversationId) subscriber.onEvent(clone(event));
    }
  }
}

function sortReviews(reviews: Review[], sort: NonNullable<ReviewQuery['sort']>): Review[] {
  const newest = (a: Review, b: Review) => b.createdAt.localeCompare(a.createdAt);
  const comparators: Record<typeof sort, (a: Review, b: Review) => number> = {
    newest,
    highest: (a, b) => b.rating - a.rating || newest(a, b),
    lowest: (a, b) => a.rating - b.rating || newest(a, b),
    helpful: (a, b) => b.helpfulCount - a.helpfulCount || newest(a, b),
    'media-first': (a, b) => Number(b.photos.length > 0) - Number(a.photos.length > 0) || newest(a, b),
  };
  return [...reviews].sort(comparators[sort]);
}
