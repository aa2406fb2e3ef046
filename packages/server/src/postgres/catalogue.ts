import type pg from 'pg';
import type { FaqEntry } from '@shopfront/core/schemas.js';
import type { CatalogueStorage, Faq, StoredProduct } from '../storage/index.js';
import { row, rows, transaction, type Queryable } from './database.js';

/**
 * Locks the shop's row for the rest of the transaction: replacing a shop's list is a
 * delete then an insert, and two replacements interleaving would insert twice.
 */
export async function lockShop(client: Queryable, shopId: number): Promise<void> {
  await client.query('SELECT 1 FROM shops WHERE id = $1 FOR UPDATE', [shopId]);
}

export class PostgresCatalogue implements CatalogueStorage {
  constructor(private readonly pool: pg.Pool) {}

  async replaceProducts(shopId: number, products: StoredProduct[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      await lockShop(client, shopId);
      await client.query('DELETE FROM products WHERE shop_id = $1', [shopId]);
      // Every product in one statement: the lists travel as array parameters, unnested in order.
      await client.query(
        `INSERT INTO products (shop_id, id, handle, data, position)
         SELECT $1, id, handle, data, position - 1
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS p(id, handle, data, position)`,
        [shopId, products.map((p) => p.id), products.map((p) => p.handle), products.map((p) => JSON.stringify(p))],
      );
    });
  }

  async products(shopId: number, ids: readonly string[]): Promise<StoredProduct[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ data: StoredProduct }>(this.pool, 'SELECT data FROM products WHERE shop_id = $1 AND id = ANY($2::text[])', [
      shopId,
      [...ids],
    ]);
    const byId = new Map(found.map(({ data }) => [data.id, data]));
    // In the order asked for: recently viewed lists are newest first.
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async allProducts(shopId: number): Promise<StoredProduct[]> {
    const found = await rows<{ data: StoredProduct }>(this.pool, 'SELECT data FROM products WHERE shop_id = $1 ORDER BY position', [
      shopId,
    ]);
    return found.map(({ data }) => data);
  }

  async productByHandle(shopId: number, handle: string): Promise<StoredProduct | undefined> {
    return (await row<{ data: StoredProduct }>(this.pool, 'SELECT data FROM products WHERE shop_id = $1 AND handle = $2', [shopId, handle]))
      ?.data;
  }

  async replaceFaq(shopId: number, entries: FaqEntry[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      // The version bump comes first: it locks the shop's row, so replacements run one after the other.
      await client.query('UPDATE shops SET faq_version = faq_version + 1 WHERE id = $1', [shopId]);
      await client.query('DELETE FROM faq_entries WHERE shop_id = $1', [shopId]);
      await client.query(
        `INSERT INTO faq_entries (shop_id, id, data, position)
         SELECT $1, id, data, position - 1 FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS e(id, data, position)`,
        [shopId, entries.map((e) => e.id), entries.map((e) => JSON.stringify(e))],
      );
    });
  }

  async faq(shopId: number): Promise<Faq> {
    // One statement, one snapshot: the version always matches the entries it comes with.
    const found = await row<{ version: number | null; entries: FaqEntry[] }>(
      this.pool,
      `SELECT (SELECT faq_version FROM shops WHERE id = $1) AS version,
              COALESCE((SELECT jsonb_agg(data ORDER BY position) FROM faq_entries WHERE shop_id = $1), '[]'::jsonb) AS entries`,
      [shopId],
    );
    // An unknown shop's version reads `<id>.undefined`, as on SQLite.
    return { version: `${shopId}.${found?.version ?? undefined}`, entries: found?.entries ?? [] };
  }
}
