import type { ReviewPhoto } from '@shopfront/core/schemas.js';
import type { ErasedShopFiles, Shop, ShopInput, ShopStorage } from '../storage/index.js';
import { photoPaths, toShop } from '../storage/rows.js';
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

  async erase(id: number): Promise<ErasedShopFiles | undefined> {
    return this.db.transaction(() => {
      const photos = (this.db.prepare('SELECT photos FROM reviews WHERE shop_id = ?').pluck().all(id) as string[]).flatMap(
        (json) => JSON.parse(json) as ReviewPhoto[],
      );
      const attachments = (
        this.db
          .prepare(
            `SELECT messages.attachment FROM messages JOIN conversations ON conversations.id = messages.conversation_id
             WHERE conversations.shop_id = ? AND messages.attachment IS NOT NULL`,
          )
          .pluck()
          .all(id) as string[]
      ).map((json) => (JSON.parse(json) as { url: string }).url);
      // Every other table goes with the shop (ON DELETE CASCADE).
      if (this.db.prepare('DELETE FROM shops WHERE id = ?').run(id).changes === 0) return undefined;
      return { reviewPhotos: photoPaths(photos), attachments };
    })();
  }
}
