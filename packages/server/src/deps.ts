/** What the routes and services are built from, and the write limit every route group applies. */
import type { ChatHub } from './chat-hub.js';
import type { ServerConfig } from './config.js';
import type { EmailQueue } from './email/queue.js';
import { HttpError, type AppContext } from './http.js';
import type { HotReads } from './hot-reads.js';
import type { MediaStore } from './media.js';
import type { ReadCache } from './read-cache.js';
import type { RatingsSync } from './services/shopify-ratings.js';
import type { ShopCache } from './shop-cache.js';
import type { Storage } from './storage/index.js';

export interface Deps {
  config: ServerConfig;
  storage: Storage;
  hub: ChatHub;
  media: MediaStore;
  /** Serialised answers of the busiest reads, until a write changes them. */
  reads: ReadCache;
  /** Those answers again, for identical requests, before the router (./hot-reads.ts). */
  hot: HotReads;
  /** Shops by key, for the gate in front of the API (./shop-cache.ts). */
  shops: ShopCache;
  /** Sends queued emails (./email/queue.ts); has no transport without `SHOPFRONT_SMTP_URL`. */
  email: EmailQueue;
  /** Keeps installed Shopify stores' rating metafields current (./services/shopify-ratings.ts). */
  ratings: RatingsSync;
}

/**
 * Counts a write against the visitor's and the IP address's budgets; 429 with `Retry-After` past either.
 * The counters live in storage (`storage.limits`), so every instance on the database spends the same budget.
 */
export async function limitWrite(deps: Deps, c: AppContext): Promise<void> {
  const { windowMs, writesPerIp, writesPerVisitor } = deps.config.rateLimits;
  const checks: Array<[string, number]> = [[`write:ip:${c.get('ip')}`, writesPerIp]];
  const visitor = c.get('visitorId');
  if (visitor) checks.unshift([`write:visitor:${c.get('shop').id}:${visitor}`, writesPerVisitor]);
  for (const [key, limit] of checks) {
    const decision = await deps.storage.limits.take(key, limit, windowMs);
    if (!decision.ok) {
      throw new HttpError(429, 'Too many requests. Try again in a moment.', undefined, { 'Retry-After': String(decision.retryAfter) });
    }
  }
}
