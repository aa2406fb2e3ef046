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
import { now, type Db, type Row } from './database.js';

export class SqliteOrders implements OrderStorage {
  constructor(private readonly db: Db) {}

  async merge(shopId: number, order: OrderRecord): Promise<OrderRecord> {
    return this.db
      .transaction(() => {
        const merged = mergeOrder(
          toOrder(this.db.prepare('SELECT * FROM orders WHERE shop_id = ? AND id = ?').get(shopId, order.id) as Row),
          order,
        );
        this.db
          .prepare(
            `INSERT OR REPLACE INTO orders (${ORDER_COLUMNS}) VALUES (${ORDER_COLUMNS.split(',')
              .map(() => '?')
              .join(', ')})`,
          )
          .run(...orderColumns(shopId, merged));
        return merged;
      })
      .immediate();
  }

  async byId(shopId: number, orderId: string): Promise<OrderRecord | undefined> {
    return toOrder(this.db.prepare('SELECT * FROM orders WHERE shop_id = ? AND id = ?').get(shopId, orderId) as Row);
  }

  async addRefund(shopId: number, orderId: string, refund: RefundInput): Promise<{ order: OrderRecord; added: boolean } | undefined> {
    return this.db
      .transaction(() => {
        const stored = toOrder(this.db.prepare('SELECT * FROM orders WHERE shop_id = ? AND id = ?').get(shopId, orderId) as Row);
        if (!stored) return undefined;
        const added = this.db
          .prepare('INSERT INTO order_refunds (shop_id, order_id, id, amount, refunded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
          .run(shopId, orderId, refund.id, refund.amount, refund.at);
        if (added.changes === 0) return { order: stored, added: false };
        this.db
          .prepare('UPDATE orders SET refunded = MIN(refunded + ?, total), updated_at = MAX(updated_at, ?) WHERE shop_id = ? AND id = ?')
          .run(refund.amount, refund.at, shopId, orderId);
        return {
          order: toOrder(this.db.prepare('SELECT * FROM orders WHERE shop_id = ? AND id = ?').get(shopId, orderId) as Row)!,
          added: true,
        };
      })
      .immediate();
  }

  async hasBought(shopId: number, buyer: Buyer, productId: string): Promise<boolean> {
    const [column, value] = buyer.customerId ? ['customer_id', buyer.customerId] : ['email', buyer.email?.toLowerCase()];
    if (!value) return false;
    const found = this.db
      .prepare(
        `SELECT 1 FROM orders WHERE shop_id = ? AND ${column} = ? AND status IN ('paid', 'fulfilled')
           AND EXISTS (SELECT 1 FROM json_each(orders.lines) WHERE json_extract(value, '$.productId') = ?)`,
      )
      .get(shopId, value, productId);
    return found !== undefined;
  }

  async firstOrderOf(shopId: number, buyer: Buyer): Promise<string | undefined> {
    const [column, value] = buyer.customerId ? ['customer_id', buyer.customerId] : ['email', buyer.email?.toLowerCase()];
    if (!value) return undefined;
    return this.db
      .prepare(`SELECT id FROM orders WHERE shop_id = ? AND ${column} = ? ORDER BY placed_at, id LIMIT 1`)
      .pluck()
      .get(shopId, value) as string | undefined;
  }

  async customerUsedEmail(shopId: number, customerId: string, email: string): Promise<boolean> {
    const found = this.db
      .prepare('SELECT 1 FROM orders WHERE shop_id = ? AND customer_id = ? AND email = ? LIMIT 1')
      .get(shopId, customerId, email.toLowerCase());
    return found !== undefined;
  }

  async markDelivery(shopId: number, deliveryId: string): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO webhook_deliveries (shop_id, id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(shopId, deliveryId, now());
    return result.changes === 1;
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<CustomerOrder[]> {
    return this.db.transaction(() => {
      const found = this.db
        .prepare(`SELECT * FROM orders WHERE shop_id = ? AND ${SUBJECT_ORDERS} ORDER BY placed_at, id`)
        .all(shopId, ...subjectKeys(subject)) as Row[];
      const refunds = this.db.prepare('SELECT * FROM order_refunds WHERE shop_id = ? AND order_id = ? ORDER BY refunded_at, id');
      return found.map((row) => ({ ...toOrder(row)!, refunds: (refunds.all(shopId, row.id) as Row[]).map(toRefund) }));
    })();
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<{ orders: number; refunds: number }> {
    return this.db
      .transaction(() => {
        const keys = subjectKeys(subject);
        // Counted before the orders go: their refunds follow them by the foreign key's cascade.
        const refunds = this.db
          .prepare(
            `SELECT COUNT(*) FROM order_refunds r WHERE r.shop_id = ?
               AND EXISTS (SELECT 1 FROM orders WHERE shop_id = r.shop_id AND id = r.order_id AND ${SUBJECT_ORDERS})`,
          )
          .pluck()
          .get(shopId, ...keys) as number;
        const orders = this.db.prepare(`DELETE FROM orders WHERE shop_id = ? AND ${SUBJECT_ORDERS}`).run(shopId, ...keys).changes;
        return { orders, refunds };
      })
      .immediate();
  }
}

/** The subject's orders, given their customer id and email (`subjectKeys`); emails are stored lower-cased. */
const SUBJECT_ORDERS = '(customer_id = ? OR email = ?)';
