import {
  ActivityList,
  AdapterError,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Conversation,
  Acknowledgement,
  EmailReceipt,
  FaqEntries,
  FaqSearchResult,
  IssuedVisitor,
  LoyaltyMember,
  LoyaltyProgram,
  ProductList,
  Redemption,
  ReviewPage,
  ReviewSubmission,
  ReviewSummaries,
  ReviewSummary,
  ReviewVote,
  RewardList,
  parseOrThrow,
  sleep,
  store,
  toAdapterError,
  warnOnce,
  type BackendAdapter,
  type CallOptions,
  type ChatCapability,
  type ChatEvent,
  type Customer,
  type FaqCapability,
  type LoyaltyCapability,
  type ProductsCapability,
  type ReviewsCapability,
  type StreamState,
} from '@shopfront/core';
import type * as z from 'zod/mini';

export interface RestAdapterOptions {
  /** The API root, e.g. `https://shop.example.com/api/v1`. */
  endpoint: string;
  /** The shop's public key, sent as the `shop` query parameter. */
  shop: string;
  /** The signed-in shopper; only a `signature`d id is sent (and trusted by the server). */
  customer?: Customer | null;
  /** The per-browser visitor id sent with writes; defaults to one the server issues (`POST /visitors`), kept by core's store. */
  visitorId?: () => Promise<string>;
  /** Milliseconds one attempt may take (default 10 000). */
  timeout?: number;
  /** Extra attempts for idempotent requests: GETs and chat sends (default 2). */
  retries?: number;
  /** Base backoff in milliseconds, doubled per attempt, with jitter (default 400). */
  retryDelay?: number;
  /** Milliseconds between history polls when the event stream is blocked (default 5000). */
  pollInterval?: number;
  /** Milliseconds the event stream may take to open before polling takes over (default 10 000). */
  streamTimeout?: number;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  /** GETs are; a POST is only when the server dedupes it (chat sends carry their client id). */
  idempotent?: boolean;
  /** Sent without the visitor id: asking for one. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

/** Longest `Retry-After` worth waiting for inside one call, in seconds. */
const MAX_RETRY_AFTER = 10;

/** Product ids one `GET /reviews/summaries` may carry (the server refuses more). */
const MAX_SUMMARIES = 50;

/** `items` in runs of at most `size`: one request each, for endpoints that cap how many ids they take. */
function split<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** `Retry-After` as seconds (a number of seconds, or an HTTP date). */
function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

async function httpError(response: Response): Promise<AdapterError> {
  let message = `The server answered ${response.status}.`;
  let field: string | undefined;
  try {
    const body = (await response.json()) as { error?: { message?: unknown; field?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.field === 'string') field = body.error.field;
  } catch {
    // Not our JSON error: the status says enough.
  }
  return new AdapterError('http', message, { status: response.status, field, retryAfter: retryAfterOf(response) });
}

/**
 * A `BackendAdapter` over Shopfront's HTTP contract (the reference server's
 * `/api/v1`): `fetch` with a timeout per attempt, retries with backoff and jitter
 * for idempotent requests only, every response parsed with core's schemas, every
 * failure an `AdapterError`, and chat events over `EventSource` that resume
 * after the last event and fall back to polling when the stream is blocked.
 */
export class RestAdapter implements BackendAdapter {
  readonly reviews: ReviewsCapability;
  readonly loyalty: LoyaltyCapability;
  readonly chat: ChatCapability;
  readonly faq: FaqCapability;
  readonly products: ProductsCapability;

  readonly #endpoint: string;
  readonly #options: RestAdapterOptions;

  constructor(options: RestAdapterOptions) {
    this.#options = options;
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    const get = <S extends z.ZodMiniType>(schema: S, path: string, o?: CallOptions, query?: Call['query']) =>
      this.#request(schema, { path, query, signal: o?.signal });
    const post = <S extends z.ZodMiniType>(schema: S, path: string, o?: CallOptions, body: Partial<Call> = {}) =>
      this.#request(schema, { method: 'POST', path, signal: o?.signal, ...body });
    const id = encodeURIComponent;

    this.reviews = {
      summary: (productId, o) => get(ReviewSummary, `/products/${id(productId)}/reviews/summary`, o),
      // The server takes at most 50 ids a request: larger asks are split, and answered in order.
      summaries: async (productIds, o) => {
        const chunks = split([...new Set(productIds)], MAX_SUMMARIES);
        const pages = await Promise.all(chunks.map((chunk) => get(ReviewSummaries, '/reviews/summaries', o, { ids: chunk.join(',') })));
        return { summaries: pages.flatMap((page) => page.summaries) };
      },
      list: (productId, query, o) =>
        get(ReviewPage, `/products/${id(productId)}/reviews`, o, {
          sort: query.sort,
          rating: query.rating,
          with_media: query.withMedia,
          cursor: query.cursor,
          limit: query.limit,
        }),
      submit: (draft, o) => {
        const form = new FormData();
        const fields = { productId: draft.productId, rating: String(draft.rating), title: draft.title, body: draft.body, name: draft.name };
        for (const [key, value] of Object.entries(fields)) form.set(key, value);
        if (draft.email) form.set('email', draft.email);
        if (draft.invitation) form.set('invitation', draft.invitation);
        for (const photo of draft.photos ?? []) form.append('photos', photo);
        return post(ReviewSubmission, '/reviews', o, { form });
      },
      vote: (reviewId, helpful, o) => post(ReviewVote, `/reviews/${id(reviewId)}/votes`, o, { json: { helpful } }),
    };

    this.loyalty = {
      program: (o) => get(LoyaltyProgram, '/loyalty/program', o),
      member: (o) => get(LoyaltyMember, '/loyalty/member', o),
      rewards: (o) => get(RewardList, '/loyalty/rewards', o),
      redeem: (rewardId, o) => post(Redemption, `/loyalty/rewards/${id(rewardId)}/redeem`, o),
      activity: (o) => get(ActivityList, '/loyalty/activity', o),
      // A PUT: the same birthday again changes nothing, so a retry is safe.
      setBirthday: (birthday, o) =>
        this.#request(LoyaltyMember, { method: 'PUT', path: '/loyalty/member/birthday', json: birthday, signal: o?.signal }),
    };

    this.chat = {
      status: (o) => get(ChatStatus, '/chat/status', o),
      start: (visitor, o) => post(Conversation, '/chat/conversations', o, { json: visitor }),
      history: (conversationId, query, o) =>
        get(ChatHistory, `/chat/conversations/${id(conversationId)}/messages`, o, { after: query.after }),
      send: (conversationId, message, o) => {
        const { clientId, body: text, page, attachment } = message;
        let body: Partial<Call> = { json: { clientId, body: text, page } };
        if (attachment) {
          const form = new FormData();
          form.set('clientId', clientId);
          form.set('body', text);
          if (page) form.set('page', page);
          form.set('attachment', attachment);
          body = { form };
        }
        // Safe to resend: the server stores one message per client id.
        return post(ChatMessage, `/chat/conversations/${id(conversationId)}/messages`, o, { ...body, idempotent: true });
      },
      subscribe: (conversationId, options, onEvent) => this.#subscribe(conversationId, options, onEvent),
      leaveEmail: (request, o) => post(EmailReceipt, '/chat/email', o, { json: request }),
      // A POST, so never retried: best effort, and soon stale anyway.
      rate: (conversationId, rating, o) => post(Acknowledgement, `/chat/conversations/${id(conversationId)}/rating`, o, { json: rating }),
      typing: (conversationId, active, o) =>
        post(Acknowledgement, `/chat/conversations/${id(conversationId)}/typing`, o, { json: { active } }),
    };

    this.faq = {
      // The browser revalidates with the ETag (If-None-Match → 304) on its own.
      entries: (o) => get(FaqEntries, '/faq', o),
      search: (query, o) => get(FaqSearchResult, '/faq/search', o, { q: query }),
    };

    this.products = {
      get: async (ids, o) => {
        const chunks = split(ids, 250);
        const pages = await Promise.all(chunks.map((chunk) => get(ProductList, '/products', o, { ids: chunk.join(',') })));
        return { products: pages.flatMap((page) => page.products) };
      },
    };
  }

  /** The visitor id the server signed for this browser: asked for once, then kept (and shared with other tabs) by the store. */
  #visitorId(): Promise<string> {
    return store.visitorId({
      issue: async () => (await this.#request(IssuedVisitor, { method: 'POST', path: '/visitors', anonymous: true })).visitorId,
      // The server checks the signature; an id it made starts so (ones browsers made are UUIDs).
      accepts: (id) => id.startsWith('sv_'),
    });
  }

  #url(path: string, query: Call['query'] = {}): string {
    const url = new URL(this.#endpoint + path);
    url.searchParams.set('shop', this.#options.shop);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.href;
  }

  /**
   * GETs send no custom header unless they need the customer: they stay simple
   * CORS requests, without a preflight per URL.
   */
  async #headers(call: Call): Promise<Headers> {
    const headers = new Headers({ accept: 'application/json' });
    const customer = this.#options.customer;
    if (customer?.id && customer.signature) {
      headers.set('x-shopfront-customer', customer.id);
      headers.set('x-shopfront-customer-signature', customer.signature);
    }
    if (call.method && call.method !== 'GET' && !call.anonymous) {
      headers.set('x-shopfront-visitor', await (this.#options.visitorId ?? (() => this.#visitorId()))());
      if (call.json !== undefined) headers.set('content-type', 'application/json');
    }
    return headers;
  }

  async #request<S extends z.ZodMiniType>(schema: S, call: Call): Promise<z.output<S>> {
    const { retries = 2, retryDelay = 400 } = this.#options;
    const attempts = call.method !== 'POST' || call.idempotent ? 1 + retries : 1;
    const url = this.#url(call.path, call.query);
    const headers = await this.#headers(call);
    for (let attempt = 1; ; attempt++) {
      try {
        return parseOrThrow(schema, await this.#attempt(url, headers, call));
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        const failure = toAdapterError(error);
        const waitFor = failure.retryAfter;
        if (attempt >= attempts || !failure.retryable || (waitFor ?? 0) > MAX_RETRY_AFTER) throw failure;
        const backoff = retryDelay * 2 ** (attempt - 1);
        // Equal jitter: half the backoff, plus up to the other half at random.
        await sleep(waitFor !== undefined ? waitFor * 1000 : backoff / 2 + (Math.random() * backoff) / 2, call.signal);
      }
    }
  }

  /** One try: the response's JSON, or an `AdapterError`. */
  async #attempt(url: string, headers: Headers, call: Call): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.#options.timeout ?? 10_000);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const response = await (this.#options.fetch ?? fetch)(url, {
        method: call.method ?? 'GET',
        headers,
        body: call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
        credentials: 'omit',
        signal,
      });
      if (!response.ok) throw await httpError(response);
      const text = await response.text();
      try {
        return JSON.parse(text);
      } catch {
        throw new AdapterError('invalid-response', 'The shop answered with something that is not JSON.', { status: response.status });
      }
    } catch (error) {
      if (timeout.aborted && !call.signal?.aborted) throw new AdapterError('timeout', 'The request took too long.', { cause: error });
      throw error;
    }
  }

  /**
   * Events over `EventSource`, resuming after the last message seen (the browser
   * sends `Last-Event-ID` when it reconnects; a new stream passes `lastEventId`).
   * A stream that never opens, or that the browser gives up on, is replaced by
   * polling history; after a few polls the stream is tried again.
   */
  #subscribe(
    conversationId: string,
    options: { lastEventId?: number; onState?: (state: StreamState) => void },
    onEvent: (event: ChatEvent) => void,
  ): () => void {
    const { pollInterval = 5000, streamTimeout = 10_000 } = this.#options;
    const EventSourceClass = this.#options.EventSource ?? globalThis.EventSource;
    const polling = new AbortController();
    let lastSeq = options.lastEventId;
    let state: StreamState | undefined;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    let stopped = false;

    const setState = (next: StreamState) => {
      if (next !== state && !stopped) options.onState?.((state = next));
    };
    const deliver = (event: ChatEvent) => {
      if (event.type === 'message') {
        const seq = (event.message as { seq?: unknown } | undefined)?.seq;
        if (typeof seq === 'number') {
          if (lastSeq !== undefined && seq <= lastSeq) return;
          lastSeq = seq;
        }
      }
      onEvent(event);
    };

    const openStream = () => {
      setState('connecting');
      const url = new URL(this.#url(`/chat/conversations/${encodeURIComponent(conversationId)}/events`));
      if (lastSeq !== undefined) url.searchParams.set('lastEventId', String(lastSeq));
      const stream = (source = new EventSourceClass(url.href));
      timer = setTimeout(fallBack, streamTimeout);
      stream.onopen = () => {
        clearTimeout(timer);
        setState('open');
      };
      stream.onmessage = (message: MessageEvent<string>) => {
        let event: ChatEvent;
        try {
          event = JSON.parse(message.data) as ChatEvent;
        } catch {
          // Not JSON (a proxy's error page…): nothing a widget could use, and nothing to validate.
          return warnOnce('ignored a chat event that is not JSON');
        }
        deliver(event);
        // Every id is a sequence number the stream has covered (the opening status carries one too).
        const covered = Number(message.lastEventId);
        if (message.lastEventId !== '' && Number.isInteger(covered)) lastSeq = Math.max(lastSeq ?? 0, covered);
      };
      stream.onerror = () => {
        // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up.
        if (stream.readyState === EventSourceClass.CLOSED) fallBack();
        else setState('connecting');
      };
    };

    const fallBack = () => {
      clearTimeout(timer);
      source?.close();
      source = undefined;
      void poll();
    };

    const poll = async () => {
      if (stopped) return;
      try {
        const { messages } = await this.chat.history(conversationId, { after: lastSeq ?? 0 }, { signal: polling.signal });
        setState('open');
        for (const message of messages) deliver({ type: 'message', message });
      } catch (error) {
        if (stopped) return;
        const failure = toAdapterError(error);
        // The conversation is gone or refused: polling will not change that.
        if (failure.kind === 'http' && failure.status! < 500 && failure.status !== 429) return setState('closed');
        setState('connecting');
      }
      if (stopped) return;
      // Every sixth poll, see whether the stream works again.
      timer = ++polls % 6 === 0 ? setTimeout(openStream, 0) : setTimeout(poll, pollInterval);
    };

    if (EventSourceClass) openStream();
    else void poll();

    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      polling.abort();
    };
  }
}
