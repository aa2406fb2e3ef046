import type pg from 'pg';
import {
  mergeOrder,
  subjectKeys,
  type Buyer,
  type CustomerOrder,
  type DataSubject,
  type OrderRecord,
  type OrderStorage,
  type RefundInput,
} from '../storage/index.js';
import { ORDER_COLUMNS, orderColumns, toOrder, toRefund } from '../storage/rows.js';
import { now, row, rows, snapshot, transaction } from './database.js';

const PLACEHOLDERS = ORDER_COLUMNS.split(',')
  .map((_, index) => `$${index + 1}`)
  .join(', ');
const UPDATES = ORDER_COLUMNS.split(',')
  .map((column) => column.trim())
  .filter((column) => column !== 'shop_id' && column !== 'id')
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

export class PostgresOrders implements OrderStorage {
  constructor(private readonly pool: pg.Pool) {}

  async merge(shopId: number, order: OrderRecord): Promise<OrderRecord> {
    return transaction(this.pool, async (client) => {
      // The row first (or the one a concurrent delivery made), then its lock: two deliveries merge one after the other.
      await client.query(
        `INSERT INTO orders (${ORDER_COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (shop_id, id) DO NOTHING`,
        orderColumns(shopId, order),
      );
      const stored = toOrder(await row(client, 'SELECT * FROM orders WHERE shop_id = $1 AND id = $2 FOR UPDATE', [shopId, order.id]));
      const merged = mergeOrder(stored, order);
      await client.query(
        `INSERT INTO orders (${ORDER_COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (shop_id, id) DO UPDATE SET ${UPDATES}`,
        orderColumns(shopId, merged),
      );
      return merged;
    });
  }

  async byId(shopId: number, orderId: string): Promise<OrderRecord | undefined> {
    return toOrder(await row(this.pool, 'SELECT * FROM orders WHERE shop_id = $1 AND id = $2', [shopId, orderId]));
  }

  async addRefund(shopId: number, orderId: string, refund: RefundInput): Promise<{ order: OrderRecord; added: boolean } | undefined> {
    return transaction(this.pool, async (client) => {
      // The order's lock first: refunds of one order add up one after the other.
      const stored = toOrder(await row(client, 'SELECT * FROM orders WHERE shop_id = $1 AND id = $2 FOR UPDATE', [shopId, orderId]));
      if (!stored) return undefined;
      const added = await client.query(
        'INSERT INTO order_refunds (shop_id, order_id, id, amount, refunded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [shopId, orderId, refund.id, refund.amount, refund.at],
      );
      if (added.rowCount === 0) return { order: stored, added: false };
      const order = toOrder(
        await row(
          client,
          `UPDATE orders SET refunded = LEAST(refunded + $3, total), updated_at = GREATEST(updated_at, $4)
           WHERE shop_id = $1 AND id = $2 RETURNING *`,
          [shopId, orderId, refund.amount, refund.at],
        ),
      )!;
      return { order, added: true };
    });
  }

  async hasBought(shopId: number, buyer: Buyer, productId: string): Promise<boolean> {
    const [column, value] = buyer.customerId ? ['customer_id', buyer.customerId] : ['email', buyer.email?.toLowerCase()];
    if (!value) return false;
    const found = await row(
      this.pool,
      `SELECT 1 FROM orders WHERE shop_id = $1 AND ${column} = $2 AND status IN ('paid', 'fulfilled')
         AND lines @> jsonb_build_array(jsonb_build_object('productId', $3::text))`,
      [shopId, value, productId],
    );
    return found !== undefined;
  }

  async firstOrderOf(shopId: number, buyer: Buyer): Promise<string | undefined> {
    const [column, value] = buyer.customerId ? ['customer_id', buyer.customerId] : ['email', buyer.email?.toLowerCase()];
    if (!value) return undefined;
    const found = await row(this.pool, `SELECT id FROM orders WHERE shop_id = $1 AND ${column} = $2 ORDER BY placed_at, id LIMIT 1`, [
      shopId,
      value,
    ]);
    return found ? String(found.id) : undefined;
  }

  async customerUsedEmail(shopId: number, customerId: string, email: string): Promise<boolean> {
    const found = await row(this.pool, 'SELECT 1 FROM orders WHERE shop_id = $1 AND customer_id = $2 AND email = $3 LIMIT 1', [
      shopId,
      customerId,
      email.toLowerCase(),
    ]);
    return found !== undefined;
  }

  async markDelivery(shopId: number, deliveryId: string): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO webhook_deliveries (shop_id, id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [shopId, deliveryId, now()],
    );
    return result.rowCount === 1;
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<CustomerOrder[]> {
    return snapshot(this.pool, async (client) => {
      const found = await rows(
        client,
        'SELECT * FROM orders WHERE shop_id = $1 AND (customer_id = $2 OR email = $3) ORDER BY placed_at, id',
        [shopId, ...subjectKeys(subject)],
      );
      const refunds = await rows(
        client,
        'SELECT * FROM order_refunds WHERE shop_id = $1 AND order_id = ANY($2::text[]) ORDER BY refunded_at, id',
        [shopId, found.map((order) => order.id)],
      );
      return found.map((order) => ({
        ...toOrder(order)!,
        refunds: refunds.filter((refund) => refund.order_id === order.id).map(toRefund),
      }));
    });
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<{ orders: number; refunds: number }> {
    return transaction(this.pool, async (client) => {
      // The orders' locks first: a refund arriving meanwhile waits, then finds no order.
      const ids = (
        await rows(client, 'SELECT id FROM orders WHERE shop_id = $1 AND (customer_id = $2 OR email = $3) FOR UPDATE', [
          shopId,
          ...subjectKeys(subject),
        ])
      ).map((order) => String(order.id));
      const refunds = await row(client, 'SELECT COUNT(*) AS n FROM order_refunds WHERE shop_id = $1 AND order_id = ANY($2::text[])', [
        shopId,
        ids,
      ]);
      // Their refunds follow by the foreign key's cascade.
      const deleted = await client.query('DELETE FROM orders WHERE shop_id = $1 AND id = ANY($2::text[])', [shopId, ids]);
      return { orders: deleted.rowCount ?? 0, refunds: Number(refunds?.n ?? 0) };
    });
  }
}
