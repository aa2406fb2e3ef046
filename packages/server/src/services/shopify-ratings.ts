/**
 * Shopify's copy of each product's rating. The theme extension's Liquid blocks
 * render the star summary and the JSON-LD from the product's `reviews.rating`
 * and `reviews.rating_count` metafields, before any script runs; so whenever a
 * product's published reviews change in an installed store, its metafields are
 * set again through the Admin API.
 *
 * A push runs after the request that made the change (a shopper never waits on
 * Shopify), one at a time per shop, and the products that changed meanwhile go
 * together into the next one. Each push reads the summaries when it starts, so
 * the last push carries the latest figures. A push that fails after the Admin
 * client's own retries keeps its products for a later push, a minute on and
 * doubling to an hour; a restart in between forgets them until the product's
 * next review.
 */
import type { Deps } from '../deps.js';
import { AdminClient } from '../shopify/admin-api.js';
import { setProductRatings } from '../shopify/admin-operations.js';
import type { Shop } from '../storage/index.js';

const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 3600_000;
/** Shopify's product ids are numbers; a product of a shop's own catalogue has no metafields to set. */
const SHOPIFY_PRODUCT_ID = /^\d{1,30}$/;

export class RatingsSync {
  readonly #waiting = new Map<number, Set<string>>();
  readonly #running = new Map<number, Promise<void>>();
  readonly #retryMs = new Map<number, number>();

  constructor(private readonly deps: Pick<Deps, 'storage' | 'config'>) {}

  /** Products of `shop` whose published reviews changed. */
  changed(shop: Shop, productIds: Iterable<string>): void {
    const waiting = this.#waiting.get(shop.id) ?? new Set();
    for (const id of productIds) if (SHOPIFY_PRODUCT_ID.test(id)) waiting.add(id);
    if (waiting.size === 0) return;
    this.#waiting.set(shop.id, waiting);
    if (!this.#running.has(shop.id)) this.#start(shop.id);
  }

  /** Resolves once no push is running or waiting to start (retries after a failure excepted). */
  async idle(): Promise<void> {
    while (this.#running.size) await Promise.all(this.#running.values());
  }

  #start(shopId: number): void {
    const run = this.#push(shopId).finally(() => {
      this.#running.delete(shopId);
      if (this.#waiting.has(shopId) && !this.#retryMs.has(shopId)) this.#start(shopId);
    });
    this.#running.set(shopId, run);
  }

  async #push(shopId: number): Promise<void> {
    const productIds = [...(this.#waiting.get(shopId) ?? [])];
    this.#waiting.delete(shopId);
    const installation = await this.deps.storage.shopify.installation(shopId);
    // Not (or no longer) installed: nothing in Shopify shows these figures.
    if (!installation || productIds.length === 0) return;
    try {
      const ratings = await Promise.all(
        productIds.map(async (productId) => {
          const { average, count } = await this.deps.storage.reviews.summary(shopId, productId);
          return { productId, average, count };
        }),
      );
      const client = new AdminClient({
        shop: installation.domain,
        accessToken: installation.accessToken,
        fetch: this.deps.config.shopifyFetch,
      });
      await setProductRatings(client, ratings);
      this.#retryMs.delete(shopId);
    } catch (error) {
      const delay = this.#retryMs.get(shopId) ?? RETRY_FIRST_MS;
      this.#retryMs.set(shopId, Math.min(delay * 2, RETRY_MAX_MS));
      const waiting = this.#waiting.get(shopId) ?? new Set();
      for (const id of productIds) waiting.add(id);
      this.#waiting.set(shopId, waiting);
      this.deps.config.log(
        `Shopify ratings for ${installation.domain}: ${(error as Error).message} (${productIds.length} products; trying again in ${delay / 1000} s)`,
      );
      setTimeout(() => {
        if (this.#retryMs.has(shopId) && !this.#running.has(shopId)) this.#start(shopId);
      }, delay).unref();
    }
  }
}
