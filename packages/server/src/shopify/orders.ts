/**
 * Shopify's order and refund webhooks as the commerce loop's orders
 * (../storage/orders.ts). Shopify's ids can exceed `Number.MAX_SAFE_INTEGER`, so
 * the raw body's id fields are read as strings before JSON parsing rounds them;
 * amounts are decimal strings in the shop's currency, kept as minor units. The
 * referral code the storefront kept (`sf_ref`) arrives as a cart attribute,
 * which Shopify copies into the order's `note_attributes`.
 */
import type { OrderRecord, OrderStatus, RefundInput } from '../storage/index.js';

/** The topics that feed the commerce loop, and the status each one reports. */
export const ORDER_TOPICS: Record<string, OrderStatus | undefined> = {
  'orders/paid': 'paid',
  'orders/fulfilled': 'fulfilled',
  'orders/cancelled': 'cancelled',
  // An update says what the order is now; its financial and fulfilment status decide.
  'orders/updated': undefined,
};

export class ShopifyPayloadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** JSON with every `…id` number kept as the digits Shopify sent (`"id": 5678901234567890123` → `"5678901234567890123"`). */
export function parseWithStringIds(raw: string): unknown {
  return JSON.parse(raw.replace(/("(?:[a-z_]+_)?id"\s*:\s*)(-?\d+)(?=\s*[,}\]])/g, '$1"$2"'));
}

export type Json = Record<string, unknown>;

export const object = (value: unknown, field: string): Json => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShopifyPayloadError(field, `${field}: must be an object.`);
  return value as Json;
};
export const id = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) throw new ShopifyPayloadError(field, `${field}: must be a Shopify id.`);
  return value;
};
/** `"49.90"` → 4990. */
const minor = (value: unknown, field: string): number => {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,12}(\.\d{1,2})?$/.test(text))
    throw new ShopifyPayloadError(field, `${field}: must be an amount.`);
  return Math.round(Number(text) * 100);
};
const timestamp = (value: unknown, field: string): string => {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ShopifyPayloadError(field, `${field}: must be a timestamp.`);
  return new Date(time).toISOString();
};

/** What the order is, by the topic that reported it, else by its own statuses. */
function statusOf(order: Json, topic: string): OrderStatus {
  if (order.cancelled_at) return 'cancelled';
  if (order.financial_status === 'refunded') return 'refunded';
  const told = ORDER_TOPICS[topic];
  if (told) return told;
  if (order.fulfillment_status === 'fulfilled') return 'fulfilled';
  return 'paid';
}

/** A Shopify order (`orders/paid`, `orders/fulfilled`, `orders/cancelled`, `orders/updated`) as the commerce loop keeps it. */
export function orderFromShopify(payload: unknown, topic: string): OrderRecord {
  const order = object(payload, 'order');
  if (!Array.isArray(order.line_items) || order.line_items.length === 0)
    throw new ShopifyPayloadError('line_items', 'line_items: must list what was bought.');
  const lines = order.line_items
    // A line without a product (a custom item, a tip) has nothing to review.
    .filter((line) => object(line, 'line_items').product_id !== null && (line as Json).product_id !== undefined)
    .map((line, index) => ({
      productId: id((line as Json).product_id, `line_items.${index}.product_id`),
      quantity: Math.max(1, Math.floor(Number((line as Json).quantity) || 1)),
      price: minor((line as Json).price, `line_items.${index}.price`),
    }));
  const record: OrderRecord = {
    id: id(order.id, 'id'),
    status: statusOf(order, topic),
    currency: typeof order.currency === 'string' && /^[A-Z]{3}$/.test(order.currency) ? order.currency : 'USD',
    total: minor(order.total_price, 'total_price'),
    refunded: 0,
    lines,
    placedAt: timestamp(order.created_at, 'created_at'),
    updatedAt: timestamp(order.updated_at ?? order.created_at, 'updated_at'),
  };
  const customer = order.customer && typeof order.customer === 'object' ? (order.customer as Json) : undefined;
  if (customer?.id !== undefined && customer.id !== null) record.customerId = id(customer.id, 'customer.id');
  const email = order.email ?? order.contact_email;
  if (typeof email === 'string' && email.includes('@')) record.email = email.toLowerCase();
  const attributes = Array.isArray(order.note_attributes) ? (order.note_attributes as Json[]) : [];
  const referral = attributes.find((attribute) => attribute?.name === 'sf_ref')?.value;
  if (typeof referral === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(referral)) record.referralCode = referral;
  const locale = order.customer_locale;
  if (typeof locale === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) record.locale = locale;
  if (record.status === 'refunded') record.refunded = record.total;
  return record;
}

/** A `refunds/create` delivery: the order it belongs to, and what was paid back (its successful refund transactions). */
export function refundFromShopify(payload: unknown): { orderId: string; refund: RefundInput } {
  const refund = object(payload, 'refund');
  const transactions = Array.isArray(refund.transactions) ? (refund.transactions as Json[]) : [];
  const amount = transactions
    .filter((transaction) => transaction?.kind === 'refund' && transaction.status === 'success')
    .reduce((sum, transaction, index) => sum + minor(transaction.amount, `transactions.${index}.amount`), 0);
  return {
    orderId: id(refund.order_id, 'order_id'),
    refund: { id: `shopify:${id(refund.id, 'id')}`, amount, at: timestamp(refund.created_at, 'created_at') },
  };
}
