/**
 * Shops by key, kept in memory. Every API request names its shop, and a shop
 * changes only when a config is applied (at an instance's start), so asking
 * the database each time would cost a query per request for nothing; on
 * PostgreSQL, a round trip before even a cached read. Applying a config
 * invalidates `SHOPS_TAG` through the hub, here and on every other instance.
 *
 * An unknown key is not remembered: anyone can send one, and the next applied
 * config may create it.
 */
import type { Shop, ShopStorage } from './storage/index.js';

export const SHOPS_TAG = 'shops';

export class ShopCache {
  readonly #shops = new Map<string, Shop>();
  /** Bumped by each invalidation, so a lookup that raced one does not keep what it read before. */
  #version = 0;

  constructor(
    private readonly storage: ShopStorage,
    readonly maxShops = 10_000,
  ) {}

  async byKey(key: string): Promise<Shop | undefined> {
    const kept = this.#shops.get(key);
    if (kept) return kept;
    const version = this.#version;
    const shop = await this.storage.byKey(key);
    if (!shop || version !== this.#version) return shop;
    this.#shops.set(key, shop);
    // Past the limit the shop kept longest goes (Maps iterate in insertion order).
    if (this.#shops.size > this.maxShops) this.#shops.delete(this.#shops.keys().next().value!);
    return shop;
  }

  invalidate(): void {
    this.#version++;
    this.#shops.clear();
  }
}
