import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DiscountRecord, DiscountStorage } from '../storage/index.js';
import { toDiscount } from '../storage/rows.js';
import { row, rows, transaction } from './database.js';

export class PostgresDiscounts implements DiscountStorage {
  constructor(private readonly pool: pg.Pool) {}

  async list(shopId: number, limit: number): Promise<DiscountRecord[]> {
    const found = await rows(this.pool, 'SELECT * FROM redemptions WHERE shop_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
      shopId,
      limit,
    ]);
    return found.map(toDiscount);
  }

  async revoke(shopId: number, redemptionId: string, label: string, at: string): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      // The DELETE is the check: of two revokes at once, one removes the row and the other finds none.
      const removed = await row<{ customer_id: string; cost: number }>(
        client,
        'DELETE FROM redemptions WHERE shop_id = $1 AND id = $2 AND used_at IS NULL RETURNING customer_id, cost',
        [shopId, redemptionId],
      );
      if (!removed) return false;
      await client.query('UPDATE members SET points = points + $3 WHERE shop_id = $1 AND customer_id = $2', [
        shopId,
        removed.customer_id,
        removed.cost,
      ]);
      await client.query(
        'INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [randomUUID(), shopId, removed.customer_id, 'adjust', Number(removed.cost), label, at],
      );
      return true;
    });
  }
}
