import type pg from 'pg';
import type { ReviewPhoto } from '@shopfront/core/schemas.js';
import type { ErasedShopFiles, Shop, ShopInput, ShopStorage } from '../storage/index.js';
import { toShop } from '../storage/rows.js';
import { now, row, rows, transaction } from './database.js';
import { photoPaths } from '../storage/rows.js';

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

  async erase(id: number): Promise<ErasedShopFiles | undefined> {
    return transaction(this.pool, async (client) => {
      // The shop's row locked first: a concurrent write to it waits, then finds it gone.
      if (!(await row(client, 'SELECT id FROM shops WHERE id = $1 FOR UPDATE', [id]))) return undefined;
      const photos = (await rows(client, 'SELECT photos FROM reviews WHERE shop_id = $1', [id])).flatMap(
        (review) => review.photos as ReviewPhoto[],
      );
      const attachments = await rows(
        client,
        `SELECT messages.attachment->>'url' AS url FROM messages JOIN conversations ON conversations.id = messages.conversation_id
         WHERE conversations.shop_id = $1 AND messages.attachment IS NOT NULL`,
        [id],
      );
      // Every other table goes with the shop (ON DELETE CASCADE).
      await client.query('DELETE FROM shops WHERE id = $1', [id]);
      return { reviewPhotos: photoPaths(photos), attachments: attachments.map((attachment) => String(attachment.url)) };
    });
  }
}
