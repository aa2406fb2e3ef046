import type { FaqEntry } from '@shopfront/core/schemas.js';
import type { CatalogueStorage, Faq, StoredProduct } from '../storage/index.js';
import type { Db } from './database.js';

export class SqliteCatalogue implements CatalogueStorage {
  constructor(private readonly db: Db) {}

  async replaceProducts(shopId: number, products: StoredProduct[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM products WHERE shop_id = ?').run(shopId);
      const insert = this.db.prepare('INSERT INTO products (shop_id, id, handle, data, position) VALUES (?, ?, ?, ?, ?)');
      products.forEach((product, position) => insert.run(shopId, product.id, product.handle, JSON.stringify(product), position));
    })();
  }

  async products(shopId: number, ids: readonly string[]): Promise<StoredProduct[]> {
    if (ids.length === 0) return [];
    // One placeholder per id: the values still travel as parameters.
    const placeholders = ids.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT data FROM products WHERE shop_id = ? AND id IN (${placeholders})`)
      .pluck()
      .all(shopId, ...ids) as string[];
    const byId = new Map(rows.map((data) => JSON.parse(data) as StoredProduct).map((product) => [product.id, product]));
    // In the order asked for: recently viewed lists are newest first.
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async allProducts(shopId: number): Promise<StoredProduct[]> {
    const rows = this.db.prepare('SELECT data FROM products WHERE shop_id = ? ORDER BY position').pluck().all(shopId) as string[];
    return rows.map((data) => JSON.parse(data));
  }

  async productByHandle(shopId: number, handle: string): Promise<StoredProduct | undefined> {
    const data = this.db.prepare('SELECT data FROM products WHERE shop_id = ? AND handle = ?').pluck().get(shopId, handle) as
      string | undefined;
    return data === undefined ? undefined : JSON.parse(data);
  }

  async replaceFaq(shopId: number, entries: FaqEntry[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM faq_entries WHERE shop_id = ?').run(shopId);
      const insert = this.db.prepare('INSERT INTO faq_entries (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      entries.forEach((entry, position) => insert.run(shopId, entry.id, JSON.stringify(entry), position));
      this.db.prepare('UPDATE shops SET faq_version = faq_version + 1 WHERE id = ?').run(shopId);
    })();
  }

  async faq(shopId: number): Promise<Faq> {
    return this.db.transaction(() => {
      const version = this.db.prepare('SELECT faq_version FROM shops WHERE id = ?').pluck().get(shopId) as number;
      const entries = (
        this.db.prepare('SELECT data FROM faq_entries WHERE shop_id = ? ORDER BY position').pluck().all(shopId) as string[]
      ).map((data) => JSON.parse(data) as FaqEntry);
      return { version: `${shopId}.${version}`, entries };
    })();
  }
}
