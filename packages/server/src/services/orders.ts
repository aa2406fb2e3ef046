/**
 * Orders in, and what follows from them: the buyer's reviews of what they
 * bought become verified, and the order's points are settled by the shop's
 * earning rule (its `purchase` way to earn: points per currency unit spent),
 * taken back in proportion as the order is refunded, and all of them when it is
 * cancelled; and a friend's first order that carries an advocate's referral
 * code credits the advocate. Every step is idempotent, so a redelivery, a
 * replay or two deliveries at once change nothing more.
 */
import type { WayToEarn } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { reviewsTag } from '../read-cache.js';
import type { Buyer, OrderRecord, RefundInput, Shop } from '../storage/index.js';
import { referralCode } from './loyalty.js';

/** Amounts are stored in minor units; what the shop reads (an export, the inbox) speaks the order webhook's major units. */
export const majorUnits = (minor: number) => minor / 100;

/** Statuses in which an order's goods count as bought. */
const BOUGHT = new Set<OrderRecord['status']>(['paid', 'fulfilled']);

export const buyerOf = (order: Pick<OrderRecord, 'customerId' | 'email'>): Buyer => ({ customerId: order.customerId, email: order.email });

/** The points the programme's way to earn of this kind gives (0 when it has none). */
const pointsOf = (waysToEarn: WayToEarn[], kind: WayToEarn['kind']) => waysToEarn.find((way) => way.kind === kind)?.points ?? 0;

/** The points an order gives by the shop's `purchase` way to earn (points per currency unit), after its refunds. */
export function orderPoints(order: OrderRecord, waysToEarn: WayToEarn[]): number {
  const perUnit = pointsOf(waysToEarn, 'purchase');
  if (!BOUGHT.has(order.status) || perUnit <= 0) return 0;
  // Amounts are in minor units.
  return Math.floor((perUnit * (order.total - order.refunded)) / 100);
}

export interface OrderOutcome {
  order: OrderRecord;
  points: number;
  verifiedReviews: number;
}

export async function receiveOrder(deps: Deps, shop: Shop, delivered: OrderRecord): Promise<OrderOutcome> {
  return followOrder(deps, shop, await deps.storage.orders.merge(shop.id, delivered));
}

/** A refund of a stored order: its share of the points goes back. Undefined for an order never received. */
export async function receiveRefund(
  deps: Deps,
  shop: Shop,
  orderId: string,
  refund: RefundInput,
): Promise<(OrderOutcome & { added: boolean }) | undefined> {
  const refunded = await deps.storage.orders.addRefund(shop.id, orderId, refund);
  if (!refunded) return undefined;
  return { ...(await followOrder(deps, shop, refunded.order)), added: refunded.added };
}

/** What follows from the order as it now stands; each step idempotent. */
async function followOrder(deps: Deps, shop: Shop, order: OrderRecord): Promise<OrderOutcome> {
  let verifiedReviews = 0;
  if (BOUGHT.has(order.status)) {
    const products = [...new Set(order.lines.map((line) => line.productId))];
    verifiedReviews = await deps.storage.reviews.markVerified(shop.id, buyerOf(order), products);
    if (verifiedReviews > 0) deps.hub.invalidate(reviewsTag(shop.id));
  }
  const { waysToEarn } = await deps.storage.loyalty.setup(shop.id);
  const points = await settleOrderPoints(deps, shop, order, waysToEarn);
  await creditReferral(deps, shop, order, waysToEarn);
  return { order, points, verifiedReviews };
}

/**
 * The advocate's points for a friend's first order: once per friend (keyed by
 * the friend), only for the friend's first order, never for a referral to
 * oneself (the same customer, or an email the advocate ordered with), and taken
 * back if that order is cancelled or refunded. A signed-in friend earns the
 * referral's `friendPoints` with that order on the same terms (a guest has no
 * balance to earn into).
 */
async function creditReferral(deps: Deps, shop: Shop, order: OrderRecord, waysToEarn: WayToEarn[]): Promise<void> {
  if (!order.referralCode) return;
  const friend = order.customerId ?? order.email;
  if (!friend) return;
  const advocate = await deps.storage.loyalty.memberByReferralCode(shop.id, order.referralCode);
  if (!advocate || advocate.customerId === order.customerId) return;
  if (order.email && (await deps.storage.orders.customerUsedEmail(shop.id, advocate.customerId, order.email))) return;
  if ((await deps.storage.orders.firstOrderOf(shop.id, buyerOf(order))) !== order.id) return;
  const counts = BOUGHT.has(order.status) && order.refunded < order.total;
  const target = counts ? pointsOf(waysToEarn, 'referral') : 0;
  await deps.storage.loyalty.settle(shop.id, advocate.customerId, `referral:${order.customerId ? 'customer' : 'email'}:${friend}`, target, {
    labels: { earn: 'A friend you referred placed their first order', takeBack: 'Your referred friend’s order was cancelled' },
    referralCode: referralCode(),
  });
  const friendPoints = waysToEarn.find((way) => way.kind === 'referral')?.friendPoints ?? 0;
  if (!order.customerId || (friendPoints === 0 && !(await deps.storage.loyalty.member(shop.id, order.customerId)))) return;
  await deps.storage.loyalty.settle(shop.id, order.customerId, 'referred', counts ? friendPoints : 0, {
    labels: { earn: 'Welcome: a friend referred you', takeBack: 'Your first order was cancelled' },
    referralCode: referralCode(),
  });
}

async function settleOrderPoints(deps: Deps, shop: Shop, order: OrderRecord, waysToEarn: WayToEarn[]): Promise<number> {
  if (!order.customerId) return 0;
  const target = orderPoints(order, waysToEarn);
  // Nothing to give, and nothing given before: no member is made for it.
  if (target === 0 && !(await deps.storage.loyalty.member(shop.id, order.customerId))) return 0;
  const why = order.status === 'cancelled' ? 'cancelled' : 'refunded';
  await deps.storage.loyalty.settle(shop.id, order.customerId, `order:${order.id}`, target, {
    labels: { earn: `Order #${order.id}`, takeBack: `Order #${order.id} ${why}` },
    referralCode: referralCode(),
  });
  return target;
}
