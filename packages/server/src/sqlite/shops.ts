import type { Shop, ShopInput, ShopStorage } from '../storage/index.js';
import { toShop } from '../storage/rows.js';
import { now, type Db, type Row } from './database.js';

export class SqliteShops implements ShopStorage {
  constructor(private readonly db: Db) {}

  async byKey(key: string): Promise<Shop | undefined> {
    return toShop(this.db.prepare('SELECT * FROM shops WHERE key = ?').get(key) as Row | undefined);
  }

  async byId(id: number): Promise<Shop | undefined> {
    return toShop(this.db.prepare('SELECT * FROM shops WHERE id = ?').get(id) as Row | undefined);
  }

  async upsert(input: ShopInput): Promise<{ shop: Shop; created: boolean }> {
    const settings = JSON.stringify(input.settings);
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM shops WHERE key = ?').get(input.key) as Row | undefined;
      if (existing) {
        this.db
          .prepare('UPDATE shops SET secret = ?, name = ?, settings = ? WHERE id = ?')
          .run(input.secret, input.name, settings, existing.id);
      } else {
        this.db
          .prepare('INSERT INTO shops (key, secret, name, settings, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(input.key, input.secret, input.name, settings, now());
      }
      const shop = toShop(this.db.prepare('SELECT * FROM shops WHERE key = ?').get(input.key) as Row)!;
      return { shop, created: !existing };
    })();
  }
}
