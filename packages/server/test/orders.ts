/**
 * Orders as a shop's checkout delivers them (`POST /webhooks/orders`, signed with
 * the shop's secret), for tests that need an order behind an email or a review.
 */
import { randomUUID } from 'node:crypto';
import { sendWebhook, type TestServer } from './helpers.js';

/** Delivers a fulfilled €60 order of `prod-1` and `prod-2` with a fresh id; `order` overrides any field. */
export function deliverOrder(server: TestServer, order: Record<string, unknown>) {
  return sendWebhook(server, '/webhooks/orders', {
    id: `order-${randomUUID().slice(0, 8)}`,
    status: 'fulfilled',
    currency: 'EUR',
    total: 60,
    lines: [
      { productId: 'prod-1', quantity: 1, price: 30 },
      { productId: 'prod-2', quantity: 1, price: 30 },
    ],
    createdAt: '2026-11-30T10:00:00Z',
    ...order,
  });
}
