/** The shop's catalogue: its products (for recently viewed and the demo pages) and its FAQ. */
import type { FaqEntry, Product } from '@shopfront/core/schemas.js';

/** A product as stored: `url` and `image.url` may be paths on this server. */
export type StoredProduct = Product & { handle: string; description?: string };

export interface Faq {
  /** Changes whenever the entries do: the FAQ's ETag. */
  version: string;
  entries: FaqEntry[];
}

export interface CatalogueStorage {
  /** Replaces every product of the shop; their order is kept. */
  replaceProducts(shopId: number, products: StoredProduct[]): Promise<void>;
  /** The products with these ids, in the order asked for; unknown ids are left out. */
  products(shopId: number, ids: readonly string[]): Promise<StoredProduct[]>;
  allProducts(shopId: number): Promise<StoredProduct[]>;
  productByHandle(shopId: number, handle: string): Promise<StoredProduct | undefined>;
  /** Replaces every FAQ entry of the shop, in order, and gives the FAQ a new version. */
  replaceFaq(shopId: number, entries: FaqEntry[]): Promise<void>;
  faq(shopId: number): Promise<Faq>;
}
