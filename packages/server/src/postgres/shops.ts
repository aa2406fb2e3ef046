import type pg from 'pg';
import type { Shop, ShopInput, ShopStorage } from '../storage/index.js';
import { toShop } from '../storage/rows.js';
import { now, row } from './database.js';

export class PostgresShops implements ShopStorage {
  constructor(private readonly pool: pg.Pool) {}

  async byKey(key: string): Promise<Shop | undefined> {
    return toShop(await row(this.pool, 'SELECT * FROM shops WHERE key = $1', [key]));
  }

  async byId(id: number): Promise<Shop | undefined> {
    return toShop(await row(this.pool, 'SELECT * FROM shops WHERE id = $1', [id]));
  }

  async upsert(input: ShopInput): Promise<{ shop: Shop; created: boolean }> {
    // One statement, so two instances seeding the same shop cannot both insert it. A row the
    // INSERT made has xmax 0; one the UPDATE branch rewrote carries this transaction's id there.
    const stored = await row(
      this.pool,
      `INSERT INTO shops (key, secret, name, settings, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET secret = EXCLUDED.secret, name = EXCLUDED.name, settings = EXCLUDED.settings
       RETURNING *, (xmax = 0) AS created`,
      [input.key, input.secret, input.name, JSON.stringify(input.settings), now()],
    );
    return { shop: toShop(stored)!, created: Boolean(stored!.created) };
  }
}
