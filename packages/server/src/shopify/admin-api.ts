/**
 * A small client for Shopify's Admin GraphQL API, pinned to one API version:
 * the two mutations Shopfront needs (one-use discount codes for one customer,
 * and each product's rating metafields), with retries where Shopify says to
 * retry (HTTP 429, GraphQL `THROTTLED` with the cost it reports, 5xx) and
 * `userErrors` turned into errors that say which input was wrong.
 */
import { isShopDomain } from './oauth.js';

/**
 * The API version every call uses. Shopify supports a version for a year;
 * moving on is a reviewed change (DiscountCodeBasicInput's `context`, used here,
 * exists from 2025-10 on).
 */
export const ADMIN_API_VERSION = '2025-10';

export type AdminApiErrorKind = 'network' | 'http' | 'unauthorized' | 'throttled' | 'graphql' | 'user' | 'invalid-response';

export interface UserError {
  field: string[] | null;
  code?: string | null;
  message: string;
}

export class AdminApiError extends Error {
  constructor(
    readonly kind: AdminApiErrorKind,
    message: string,
    readonly details: { status?: number; userErrors?: UserError[]; codes?: string[] } = {},
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export interface AdminClientOptions {
  /** `example.myshopify.com`. */
  shop: string;
  /** The shop's offline access token; sent as `X-Shopify-Access-Token`, never logged. */
  accessToken: string;
  fetch?: typeof fetch;
  /** Attempts after the first, for throttled or failed calls (default 4). */
  retries?: number;
  /** First backoff in milliseconds, doubled per attempt (default 500). */
  retryDelay?: number;
  /** Longest single wait (default 30 000 ms); a longer `Retry-After` fails the call instead. */
  maxWait?: number;
  /** How to wait; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable?: number; restoreRate?: number } } };
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Milliseconds until the bucket holds what the query costs, from the cost Shopify reports. */
export function throttleWait(body: GraphqlBody<unknown>, fallback: number): number {
  const cost = body.extensions?.cost;
  const available = cost?.throttleStatus?.currentlyAvailable;
  const rate = cost?.throttleStatus?.restoreRate;
  if (cost?.requestedQueryCost === undefined || available === undefined || !rate) return fallback;
  return Math.max(fallback, Math.ceil(((cost.requestedQueryCost - available) / rate) * 1000));
}

/** `gid://shopify/Product/123` from `123` or the gid itself; anything else is a programming error. */
export function toGid(type: 'Product' | 'Customer', id: string): string {
  if (/^\d{1,20}$/.test(id)) return `gid://shopify/${type}/${id}`;
  if (new RegExp(`^gid://shopify/${type}/\\d{1,20}$`).test(id)) return id;
  throw new AdminApiError('user', `"${id}" is not a Shopify ${type.toLowerCase()} id.`);
}

export function userErrorMessage(operation: string, errors: UserError[]): string {
  return `${operation}: ${errors.map((error) => (error.field?.length ? `${error.field.join('.')}: ${error.message}` : error.message)).join('; ')}`;
}

export class AdminClient {
  readonly #options: Required<Omit<AdminClientOptions, 'fetch'>> & { fetch: typeof fetch };

  constructor(options: AdminClientOptions) {
    if (!isShopDomain(options.shop)) throw new AdminApiError('user', 'The shop is not a *.myshopify.com domain.');
    if (!options.accessToken) throw new AdminApiError('unauthorized', 'No access token for this shop.');
    this.#options = {
      retries: 4,
      retryDelay: 500,
      maxWait: 30_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
      fetch: options.fetch ?? fetch,
    };
  }

  get endpoint(): string {
    return `https://${this.#options.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`;
  }

  /** One GraphQL operation, retried while Shopify throttles it or fails on its side. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { retries, retryDelay, maxWait, sleep } = this.#options;
    for (let attempt = 0; ; attempt++) {
      const backoff = retryDelay * 2 ** attempt;
      const outcome = await this.#attempt<T>(query, variables, backoff);
      if ('data' in outcome) return outcome.data;
      const { error, wait } = outcome;
      if (wait === undefined || attempt >= retries) throw error;
      if (wait > maxWait)
        throw new AdminApiError(error.kind, `${error.message} Shopify asks to wait ${Math.ceil(wait / 1000)} s.`, error.details);
      await sleep(wait);
    }
  }

  async #attempt<T>(
    query: string,
    variables: Record<string, unknown>,
    backoff: number,
  ): Promise<{ data: T } | { error: AdminApiError; wait?: number }> {
    let response: Response;
    try {
      response = await this.#options.fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.#options.accessToken },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      return { error: new AdminApiError('network', `Shopify could not be reached: ${(error as Error).message}`), wait: backoff };
    }
    if (response.status === 401 || response.status === 403) {
      return {
        error: new AdminApiError('unauthorized', `Shopify refused the access token (HTTP ${response.status}); reinstall the app.`, {
          status: response.status,
        }),
      };
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const kind = response.status === 429 ? 'throttled' : 'http';
      const error = new AdminApiError(kind, `Shopify answered HTTP ${response.status}.`, { status: response.status });
      if (!RETRYABLE_STATUS.has(response.status)) return { error };
      return { error, wait: retryAfter > 0 ? Math.ceil(retryAfter * 1000) : backoff };
    }
    let body: GraphqlBody<T>;
    try {
      body = (await response.json()) as GraphqlBody<T>;
    } catch {
      return { error: new AdminApiError('invalid-response', 'Shopify answered with something that is not JSON.'), wait: backoff };
    }
    const errors = body.errors ?? [];
    const codes = errors.map((error) => error.extensions?.code ?? '').filter(Boolean);
    if (codes.includes('THROTTLED')) {
      return { error: new AdminApiError('throttled', 'Shopify throttled the call.', { codes }), wait: throttleWait(body, backoff) };
    }
    if (errors.length) {
      const kind = codes.includes('ACCESS_DENIED') ? 'unauthorized' : 'graphql';
      const error = new AdminApiError(kind, errors.map((e) => e.message ?? 'GraphQL error').join('; '), { codes });
      return codes.includes('INTERNAL_SERVER_ERROR') ? { error, wait: backoff } : { error };
    }
    if (!body.data) return { error: new AdminApiError('invalid-response', 'Shopify answered without data.') };
    return { data: body.data };
  }
}
