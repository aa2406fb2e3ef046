/**
 * The shop's orders, as its platform reports them (a signed webhook): only what
 * verified badges and earned points need. Amounts are whole minor units (cents).
 */
import type { DataSubject } from './subject.js';

export type OrderStatus = 'paid' | 'fulfilled' | 'refunded' | 'cancelled';

export interface OrderLine {
  productId: string;
  quantity: number;
  /** Per unit, in minor units. */
  price: number;
}

export interface OrderRecord {
  /** The platform's id, as a string. */
  id: string;
  customerId?: string;
  /** Lower-cased. */
  email?: string;
  status: OrderStatus;
  currency: string;
  total: number;
  /** How much of the total has been refunded so far. */
  refunded: number;
  lines: OrderLine[];
  referralCode?: string;
  locale?: string;
  placedAt: string;
  updatedAt: string;
}

export interface RefundInput {
  /** The shop's id for the refund: the same refund delivered twice counts once. */
  id: string;
  /** In minor units. */
  amount: number;
  at: string;
}

/** An order with the refunds received for it, for a customer's data export. */
export interface CustomerOrder extends OrderRecord {
  refunds: RefundInput[];
}

/** Who wrote a review or placed an order: the signed customer id, else the email. */
export interface Buyer {
  customerId?: string;
  email?: string;
}

const RANK: Record<OrderStatus, number> = { paid: 0, fulfilled: 1, refunded: 2, cancelled: 2 };

/**
 * An order as it stands after `incoming`, whatever arrived before: a status only
 * moves forward (paid, fulfilled, then refunded or cancelled) and the refunded
 * amount only grows. Deliveries in any order, or twice, leave the same order.
 */
export function mergeOrder(stored: OrderRecord | undefined, incoming: OrderRecord): OrderRecord {
  if (!stored) return incoming;
  const forward = RANK[incoming.status] >= RANK[stored.status];
  return {
    ...stored,
    ...incoming,
    status: forward ? incoming.status : stored.status,
    refunded: Math.min(Math.max(stored.refunded, incoming.refunded), incoming.total),
    placedAt: stored.placedAt,
    updatedAt: incoming.updatedAt > stored.updatedAt ? incoming.updatedAt : stored.updatedAt,
  };
}

export interface OrderStorage {
  /** Stores the order merged with the one stored before (`mergeOrder`), as one step; the order as it now stands. */
  merge(shopId: number, order: OrderRecord): Promise<OrderRecord>;
  byId(shopId: number, orderId: string): Promise<OrderRecord | undefined>;
  /**
   * Adds one refund to the order's refunded amount (never past its total), once per refund id,
   * as one step: the order as it now stands and whether this refund was new, or undefined for
   * an order never received.
   */
  addRefund(shopId: number, orderId: string, refund: RefundInput): Promise<{ order: OrderRecord; added: boolean } | undefined>;
  /** Whether the buyer has a paid or fulfilled order (not refunded or cancelled) with the product. */
  hasBought(shopId: number, buyer: Buyer, productId: string): Promise<boolean>;
  /** The buyer's first order (by when it was placed, then id), whatever became of it. */
  firstOrderOf(shopId: number, buyer: Buyer): Promise<string | undefined>;
  /** Whether any order of the customer was placed with this email (a referral to oneself). */
  customerUsedEmail(shopId: number, customerId: string, email: string): Promise<boolean>;
  /** Remembers a webhook delivery id; false if it was remembered before. */
  markDelivery(shopId: number, deliveryId: string): Promise<boolean>;
  /** The orders placed by the subject's customer id or with their email, with their refunds, oldest first; one snapshot. */
  exportCustomer(shopId: number, subject: DataSubject): Promise<CustomerOrder[]>;
  /**
   * Deletes those orders and their refunds as one step; how many of each. Webhook delivery ids
   * stay: they name no one, and keep a replayed delivery from counting twice.
   */
  eraseCustomer(shopId: number, subject: DataSubject): Promise<{ orders: number; refunds: number }>;
}
