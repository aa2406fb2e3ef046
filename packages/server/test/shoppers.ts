/**
 * Shoppers with a history, made through the routes a shop and its shoppers use
 * (the order webhook, the admin API, reviews, chat), for the tests of the
 * inbox's sidebar: a signed customer who consents to sharing what they viewed,
 * and a guest who does not.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SECRET, customerHeaders, sendWebhook, type TestServer } from './helpers.js';

export const PAGE = { start: 'https://shop.example/products/harbour-sweater', now: 'https://shop.example/cart' };

type Server = Pick<TestServer, 'api' | 'json'>;

/** Starts a conversation as the widget does and says one thing from `page`; its id. */
export async function chatAs(
  server: Server,
  start: Record<string, unknown>,
  options: { customerId?: string; message?: string; page?: string } = {},
): Promise<string> {
  const headers = options.customerId ? customerHeaders(options.customerId) : {};
  const conversation = await server.json<{ id: string }>('/chat/conversations', { method: 'POST', headers, body: JSON.stringify(start) });
  assert.equal(conversation.status, 201, JSON.stringify(conversation.body));
  const sent = await server.api(`/chat/conversations/${conversation.body.id}/messages`, {
    method: 'POST',
    body: JSON.stringify({ clientId: randomUUID(), body: options.message ?? 'Hello, is my order on its way?', page: options.page }),
  });
  assert.equal(sent.status, 201, await sent.text());
  return conversation.body.id;
}

/** A signed customer with two orders, a review and a gift (995 points: the orders' 645, the review's 50, 300; the second tier) and an earlier conversation. */
export async function regularCustomer(server: Server, customerId = `customer-${randomUUID().slice(0, 8)}`) {
  const email = `${customerId}@example.com`;
  const orders = [
    { id: `A-${customerId}`, status: 'fulfilled', total: 40, lines: [{ productId: 'prod-5', quantity: 2, price: 20 }] },
    { id: `B-${customerId}`, status: 'paid', total: 89, lines: [{ productId: 'prod-1', quantity: 1, price: 89 }] },
  ];
  for (const [index, order] of orders.entries()) {
    const response = await sendWebhook(server, '/webhooks/orders', {
      ...order,
      customerId,
      email,
      currency: 'EUR',
      createdAt: `2026-11-2${index}T10:00:00Z`,
    });
    assert.equal(response.status, 200, await response.text());
  }
  const points = await server.api('/admin/loyalty/points', {
    method: 'POST',
    visitor: null,
    headers: { authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ customerId, points: 300, label: 'Welcome gift' }),
  });
  assert.equal(points.status, 200, await points.text());
  const review = new FormData();
  for (const [key, value] of Object.entries({
    productId: 'prod-5',
    rating: '5',
    title: 'Warm and soft',
    body: 'Wear it daily.',
    name: 'Ada',
  })) {
    review.set(key, value);
  }
  assert.equal((await server.json('/reviews', { method: 'POST', body: review, headers: customerHeaders(customerId) })).status, 201);
  const earlier = await chatAs(server, { name: 'Ada', email, customerId }, { customerId, message: 'Do you ship to Norway?' });
  return { customerId, email, orders, earlier };
}
