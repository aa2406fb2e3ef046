/**
 * The shopper beside a conversation: who they are, where they are, what they
 * viewed (only if they consented to share it), their loyalty standing, orders,
 * earlier conversations and reviews. Everything comes from what the shop
 * already holds: the commerce loop's orders, the programme, the reviews.
 */
import type { Deps } from '../deps.js';
import { moderationReviewForResponse, productForResponse } from '../responses.js';
import type { ConversationRecord, DataSubject, Shop } from '../storage/index.js';
import type { ShopperContext, ShopperOrder } from '../inbox/wire.js';
import { memberStanding } from './loyalty.js';
import { majorUnits } from './orders.js';

/** The most of each list the sidebar shows: enough to recognise a regular, short enough to read. */
export const CONTEXT_LIMIT = 20;

/**
 * A signed customer is looked up by their id and the email they gave (their own records carry
 * either); a guest only by the email they typed, which nobody verified, and the answer says so.
 */
function subjectOf(conversation: ConversationRecord): { subject?: DataSubject; matchedBy: ShopperContext['matchedBy'] } {
  const { customerId, visitorEmail: email } = conversation;
  if (customerId) return { subject: { customerId, email }, matchedBy: 'customer' };
  if (email) return { subject: { email }, matchedBy: 'email' };
  return { matchedBy: 'none' };
}

export async function shopperContext(deps: Deps, shop: Shop, conversation: ConversationRecord, baseUrl: string): Promise<ShopperContext> {
  const { storage } = deps;
  const { subject, matchedBy } = subjectOf(conversation);
  const [orders, conversations, reviews] = subject
    ? await Promise.all([
        storage.orders.exportCustomer(shop.id, subject),
        storage.chat.conversationsOf(shop.id, subject, CONTEXT_LIMIT + 1),
        storage.reviews.exportCustomer(shop.id, subject),
      ])
    : [[], [], []];
  const recentOrders = orders.slice(-CONTEXT_LIMIT).reverse();
  const viewedIds = conversation.viewedProductIds?.slice(0, CONTEXT_LIMIT) ?? [];
  const wanted = new Set([...viewedIds, ...recentOrders.flatMap((order) => order.lines.map((line) => line.productId))]);
  const products = new Map((await storage.catalogue.products(shop.id, [...wanted])).map((product) => [product.id, product]));

  const toOrder = (order: (typeof orders)[number]): ShopperOrder => ({
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: majorUnits(order.total),
    refunded: majorUnits(order.refunded),
    placedAt: order.placedAt,
    items: order.lines.map((line) => ({
      productId: line.productId,
      title: products.get(line.productId)?.title,
      quantity: line.quantity,
      price: majorUnits(line.price),
    })),
  });

  let loyalty: ShopperContext['loyalty'];
  if (conversation.customerId) {
    const standing = await memberStanding(storage, shop, conversation.customerId);
    loyalty = {
      member: standing.referralCode !== undefined,
      tier: standing.tier?.name ?? null,
      points: standing.points,
      lifetimePoints: standing.lifetimePoints,
    };
  }

  return {
    shopper: {
      kind: conversation.customerId ? 'customer' : 'guest',
      name: conversation.visitorName,
      email: conversation.visitorEmail,
      customerId: conversation.customerId,
    },
    matchedBy,
    pages: { start: conversation.startPage, current: conversation.currentPage },
    viewed: {
      shared: conversation.viewedProductIds !== undefined,
      // In the order viewed; a product the shop no longer lists is left out.
      products: viewedIds.flatMap((id) => {
        const product = products.get(id);
        return product ? [productForResponse(product, baseUrl)] : [];
      }),
    },
    ...(loyalty ? { loyalty } : {}),
    orders: recentOrders.map(toOrder),
    conversations: conversations.filter((other) => other.id !== conversation.id).slice(0, CONTEXT_LIMIT),
    reviews: reviews
      .slice(-CONTEXT_LIMIT)
      .reverse()
      .map((review) => moderationReviewForResponse(review, baseUrl)),
  };
}
