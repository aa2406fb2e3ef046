/**
 * `/api/v1/webhooks`: deliveries from the shop's platform or backend, signed
 * with the shop's secret (`X-Shopfront-Hmac-Sha256`, checked before the body
 * is read). An order delivered again, in any order, or twice at once changes
 * nothing more; a delivery id seen before is reported as a duplicate.
 */
import * as z from 'zod/mini';
import { defineRoute } from '../api/route.js';
import { OrderReceipt, OrderWebhook, RefundWebhook } from '../api/schemas.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { requestReviews } from '../services/email.js';
import { receiveOrder, receiveRefund } from '../services/orders.js';
import type { OrderRecord } from '../storage/index.js';

/** Major units (19.99) to the minor units storage keeps (1999). */
const minor = (amount: number) => Math.round(amount * 100);

function orderRecordOf(order: z.output<typeof OrderWebhook>): OrderRecord {
  const record: OrderRecord = {
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: minor(order.total),
    refunded: minor(order.status === 'refunded' ? order.total : (order.refundedTotal ?? 0)),
    lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, price: minor(line.price) })),
    placedAt: new Date(order.createdAt).toISOString(),
    updatedAt: new Date(order.updatedAt ?? order.createdAt).toISOString(),
  };
  if (order.customerId) record.customerId = order.customerId;
  if (order.email) record.email = order.email.toLowerCase();
  if (order.referralCode) record.referralCode = order.referralCode;
  if (order.locale) record.locale = order.locale;
  return record;
}

export function webhookRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'post',
      path: '/webhooks/orders',
      operationId: 'receiveOrder',
      summary: 'An order was paid, fulfilled, refunded or cancelled',
      description:
        "Send the order as it now stands, each time it changes. A paid or fulfilled order verifies its buyer's reviews of its products " +
        '(by customer id, else email) and earns points by the shop’s `purchase` way to earn (points per currency unit); ' +
        'a fulfilled one with an `email` queues one review request, sent the shop’s `email.reviewRequestDays` later (default 7); ' +
        '`refundedTotal` takes back its share, `cancelled` or `refunded` all of them (never below zero). ' +
        'A status never moves back: a late `paid` after a `refunded` changes nothing.',
      tags: ['Webhooks'],
      security: 'webhook',
      headers: {
        'X-Shopfront-Delivery-Id': {
          schema: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
          description:
            'Your id for this delivery: a retry with the same id is answered with `duplicate: true` (and, like any replay, changes nothing)',
        },
      },
      body: { json: OrderWebhook },
      responses: { 200: { description: 'Received (or received before)', schema: OrderReceipt } },
      handler: async ({ shop, headers, body }, c) => {
        // Done whether or not the delivery was seen: every step is idempotent, so a replay changes
        // nothing, and a delivery that failed half-way the first time is finished by its retry.
        const { order, points, verifiedReviews } = await receiveOrder(deps, shop, orderRecordOf(body));
        await requestReviews(deps, shop, order, c.get('baseUrl'));
        const deliveryId = headers['X-Shopfront-Delivery-Id'];
        const duplicate = deliveryId !== undefined && !(await deps.storage.orders.markDelivery(shop.id, deliveryId));
        return { status: 200, body: { orderId: order.id, status: order.status, points, verifiedReviews, duplicate } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/webhooks/refunds',
      operationId: 'receiveRefund',
      summary: 'An order was refunded, in part or whole',
      description:
        'One refund of an order sent before to `/webhooks/orders`. It adds to the order’s refunded total (never past the total), ' +
        'once per refund `id`, and takes back its share of the order’s points. Sending the order again with its `refundedTotal` ' +
        'does the same; use whichever your platform sends.',
      tags: ['Webhooks'],
      security: 'webhook',
      body: { json: RefundWebhook },
      responses: { 200: { description: 'Received (or received before)', schema: OrderReceipt } },
      errors: { 404: 'No order with this id was received' },
      handler: async ({ shop, body }) => {
        const outcome = await receiveRefund(deps, shop, body.orderId, {
          id: body.id,
          amount: minor(body.amount),
          at: new Date(body.createdAt).toISOString(),
        });
        if (!outcome) throw new HttpError(404, 'orderId: no order with this id was received.', 'orderId');
        const { order, points, verifiedReviews, added } = outcome;
        return { status: 200, body: { orderId: order.id, status: order.status, points, verifiedReviews, duplicate: !added } };
      },
    }),
  ];
}
