/**
 * Orders in, and what follows from them: the buyer's reviews of what they
 * bought become verified, and the order's points are settled by the shop's
 * earning rule (its `purchase` way to earn: points per currency unit spent),
 * taken back in proportion as the order is refunded, and all of them when it is
 * cancelled. Every step is idempotent, so a redelivery, a replay or two
 * deliveries at once change nothing more.
 */
import type { Deps } from '../deps.js';
import { reviewsTag } from '../read-cache.js';
import type { Buyer, OrderRecord, Shop } from '../storage/index.js';
import { referralCode } from './loyalty.js';

/** Statuses in which an order's goods count as bought. */
const BOUGHT = new Set<OrderRecord['status']>(['paid', 'fulfilled']);

export const buyerOf = (order: Pick<OrderRecord, 'customerId' | 'email'>): Buyer => ({ customerId: order.customerId, email: order.email });

/** The points an order gives by the shop's rule, after its refunds (amounts in minor units). */
export function orderPoints(order: OrderRecord, pointsPerUnit: number): number {
  if (!BOUGHT.has(order.status) || pointsPerUnit <= 0) return 0;
  return Math.floor((pointsPerUnit * (order.total - order.refunded)) / 100);
}

export interface OrderOutcome {
  order: OrderRecord;
  points: number;
  verifiedReviews: number;
}

export async function receiveOrder(deps: Deps, shop: Shop, delivered: OrderRecord): Promise<OrderOutcome> {
  const order = await deps.storage.orders.merge(shop.id, delivered);
  let verifiedReviews = 0;
  if (BOUGHT.has(order.status)) {
    const products = [...new Set(order.lines.map((line) => line.productId))];
    verifiedReviews = await deps.storage.reviews.markVerified(shop.id, buyerOf(order), products);
    if (verifiedReviews > 0) deps.hub.invalidate(reviewsTag(shop.id));
  }
  return { order, points: await settleOrderPoints(deps, shop, order), verifiedReviews };
}

async function settleOrderPoints(deps: Deps, shop: Shop, order: OrderRecord): Promise<number> {
  if (!order.customerId) return 0;
  const { waysToEarn } = await deps.storage.loyalty.setup(shop.id);
  const rate = waysToEarn.find((way) => way.kind === 'purchase')?.points ?? 0;
  const target = orderPoints(order, rate);
  // Nothing to give, and nothing given before: no member is made for it.
  if (target === 0 && !(await deps.storage.loyalty.member(shop.id, order.customerId))) return 0;
  const why = order.status === 'cancelled' ? 'cancelled' : 'refunded';
  await deps.storage.loyalty.settle(shop.id, order.customerId, `order:${order.id}`, target, {
    labels: { earn: `Order #${order.id}`, takeBack: `Order #${order.id} ${why}` },
    referralCode: referralCode(),
  });
  return target;
}
