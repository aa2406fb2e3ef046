import { randomUUID } from 'node:crypto';
import type { DiscountRecord, DiscountStorage } from '../storage/index.js';
import { toDiscount } from '../storage/rows.js';
import type { Db, Row } from './database.js';

export class SqliteDiscounts implements DiscountStorage {
  constructor(private readonly db: Db) {}

  async list(shopId: number, limit: number): Promise<DiscountRecord[]> {
    const found = this.db
      .prepare('SELECT * FROM redemptions WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(shopId, limit) as Row[];
    return found.map(toDiscount);
  }

  async revoke(shopId: number, redemptionId: string, label: string, at: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const removed = this.db
          .prepare('DELETE FROM redemptions WHERE shop_id = ? AND id = ? AND used_at IS NULL RETURNING customer_id, cost')
          .get(shopId, redemptionId) as { customer_id: string; cost: number } | undefined;
        if (!removed) return false;
        this.db
          .prepare('UPDATE members SET points = points + ? WHERE shop_id = ? AND customer_id = ?')
          .run(removed.cost, shopId, removed.customer_id);
        this.db
          .prepare('INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), shopId, removed.customer_id, 'adjust', removed.cost, label, at);
        return true;
      })
      .immediate();
  }
}
