/**
 * Orders in through the signed webhook: signatures (good, tampered, missing,
 * replayed), bad payloads named by field, duplicate and concurrent deliveries
 * that award once, a partial refund and a cancellation, and reviews verified by
 * orders whichever arrives first. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Review } from '@shopfront/core/schemas.js';
import { SECRET, customerHeaders, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const signature = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

function order(extra: Record<string, unknown> = {}) {
  return {
    id: `order-${randomUUID().slice(0, 8)}`,
    customerId: `cust-${randomUUID().slice(0, 8)}`,
    email: `${randomUUID().slice(0, 8)}@example.com`,
    status: 'paid',
    currency: 'EUR',
    total: 49.9,
    lines: [{ productId: 'prod-2', quantity: 1, price: 49.9 }],
    createdAt: '2026-11-30T10:00:00Z',
    ...extra,
  };
}

/** Delivers a body as the shop's backend would: signed, unless told otherwise. */
function deliver(payload: unknown, headers: Record<string, string> = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return server.api('/webhooks/orders', {
    method: 'POST',
    visitor: null,
    headers: { 'content-type': 'application/json', 'x-shopfront-hmac-sha256': signature(body), ...headers },
    body,
  });
}

const balanceOf = async (customerId: string) =>
  ((await (await server.api('/loyalty/member', { headers: customerHeaders(customerId) })).json()) as { points: number }).points;

describe('the order webhook', () => {
  it('refuses a missing, tampered or wrongly keyed signature with a 401, storing nothing', async () => {
    const payload = order();
    const body = JSON.stringify(payload);
    for (const headers of [
      { 'x-shopfront-hmac-sha256': '' },
      { 'x-shopfront-hmac-sha256': signature(body.replace('49.9', '4.99')) },
      { 'x-shopfront-hmac-sha256': signature(body, 'another-shops-secret') },
    ]) {
      const response = await deliver(body, headers);
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { error: { field: string } }).error.field, 'signature');
    }
    assert.equal(await server.storage.orders.byId(server.shop!.id, payload.id), undefined);
  });

  it('names the field and the rule of a bad payload, once the signature is good', async () => {
    for (const [payload, field] of [
      [order({ status: 'shipped' }), 'status'],
      [order({ total: -1 }), 'total'],
      [order({ total: 10.123 }), 'total'],
      [order({ lines: [] }), 'lines'],
      [order({ lines: [{ productId: 'prod-1', quantity: 0, price: 1 }] }), 'lines.0.quantity'],
      [order({ refundedTotal: 60 }), 'refundedTotal'],
      [order({ email: 'not an email' }), 'email'],
      [order({ createdAt: 'yesterday' }), 'createdAt'],
    ] as const) {
      const response = await deliver(payload);
      assert.equal(response.status, 400, field);
      assert.equal(((await response.json()) as { error: { field: string } }).error.field, field);
    }
    const notJson = await deliver('{"id":');
    assert.equal(notJson.status, 400);
  });

  it('awards points by the shop’s rule once, however often and however concurrently the order is delivered', async () => {
    const payload = order({ total: 20, lines: [{ productId: 'prod-3', quantity: 2, price: 10 }] });
    const first = await deliver(payload, { 'x-shopfront-delivery-id': 'delivery-1' });
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { orderId: payload.id, status: 'paid', points: 100, verifiedReviews: 0, duplicate: false });
    const replay = await deliver(payload, { 'x-shopfront-delivery-id': 'delivery-1' });
    assert.equal(((await replay.json()) as { duplicate: boolean }).duplicate, true);
    await Promise.all(Array.from({ length: 8 }, (_, i) => deliver(payload, { 'x-shopfront-delivery-id': `delivery-${i + 2}` })));
    assert.equal(await balanceOf(payload.customerId), 100, '5 points per €1 of €20, once');
  });

  it('takes back a partial refund’s share, then the rest when the order is cancelled', async () => {
    const payload = order({ total: 40, lines: [{ productId: 'prod-4', quantity: 1, price: 40 }] });
    await deliver(payload);
    assert.equal(await balanceOf(payload.customerId), 200);
    const refunded = await deliver({ ...payload, refundedTotal: 10, updatedAt: '2026-12-01T10:00:00Z' });
    assert.equal(((await refunded.json()) as { points: number }).points, 150);
    assert.equal(await balanceOf(payload.customerId), 150);
    // A late copy of the original delivery does not undo the refund.
    await deliver(payload);
    assert.equal(await balanceOf(payload.customerId), 150);
    await deliver({ ...payload, status: 'cancelled', updatedAt: '2026-12-02T10:00:00Z' });
    assert.equal(await balanceOf(payload.customerId), 0);
    const history = (await (await server.api('/loyalty/activity', { headers: customerHeaders(payload.customerId) })).json()) as {
      activity: Array<{ points: number; label: string }>;
    };
    assert.deepEqual(
      history.activity.map(({ points, label }) => [points, label]),
      [
        [-150, `Order #${payload.id} cancelled`],
        [-50, `Order #${payload.id} refunded`],
        [200, `Order #${payload.id}`],
      ],
    );
  });

  it('takes back each refund sent on its own once, and names an order it never received', async () => {
    const payload = order({ total: 40, lines: [{ productId: 'prod-4', quantity: 1, price: 40 }] });
    await deliver(payload);
    const refund = (body: Record<string, unknown>) => {
      const text = JSON.stringify({ orderId: payload.id, id: 'refund-1', amount: 8, createdAt: '2026-12-01T10:00:00Z', ...body });
      return server.api('/webhooks/refunds', {
        method: 'POST',
        visitor: null,
        headers: { 'content-type': 'application/json', 'x-shopfront-hmac-sha256': signature(text) },
        body: text,
      });
    };
    const first = await refund({});
    assert.deepEqual(await first.json(), { orderId: payload.id, status: 'paid', points: 160, verifiedReviews: 0, duplicate: false });
    assert.equal(((await (await refund({})).json()) as { duplicate: boolean }).duplicate, true);
    assert.equal(await balanceOf(payload.customerId), 160);
    await refund({ id: 'refund-2', amount: 100 });
    assert.equal(await balanceOf(payload.customerId), 0, 'refunded in full: capped at the total');
    const unknown = await refund({ orderId: 'never-sent' });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { field: string } }).error.field, 'orderId');
    const zero = await refund({ id: 'refund-3', amount: 0 });
    assert.equal(zero.status, 400);
  });

  it('gives a guest’s order no points', async () => {
    const payload = order({ customerId: undefined });
    const response = await deliver(payload);
    assert.equal(((await response.json()) as { points: number }).points, 0);
  });
});

describe('verified buyers', () => {
  const post = (review: Record<string, unknown>, headers: Record<string, string> = {}) =>
    server.api('/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ productId: 'prod-5', rating: 5, title: 'Lovely', body: 'Exactly as described.', name: 'Ada', ...review }),
    });
  const verified = async (id: string) => (await server.storage.reviews.moderationReview(server.shop!.id, id))?.verifiedBuyer;

  it('are marked when a paid order with the product arrives after the review, and the public page shows it', async () => {
    const payload = order({ lines: [{ productId: 'prod-5', quantity: 1, price: 49.9 }] });
    const posted = (await (await post({}, customerHeaders(payload.customerId))).json()) as { review: Review };
    assert.equal(posted.review.verifiedBuyer, false);
    const response = await deliver(payload);
    assert.equal(((await response.json()) as { verifiedReviews: number }).verifiedReviews, 1);
    assert.equal(await verified(posted.review.id), true);
    const page = (await (await server.api('/products/prod-5/reviews?limit=50')).json()) as { reviews: Review[] };
    assert.equal(page.reviews.find(({ id }) => id === posted.review.id)?.verifiedBuyer, true);
  });

  it('are marked at once when the order came first; a guest matches by email', async () => {
    const payload = order({ customerId: undefined, lines: [{ productId: 'prod-5', quantity: 1, price: 49.9 }] });
    await deliver(payload);
    const posted = (await (await post({ email: payload.email.toUpperCase() })).json()) as { review: Review };
    assert.equal(posted.review.verifiedBuyer, true);
  });

  it('are never set from what the browser sends, nor by another product, a cancelled order or another customer', async () => {
    const bought = order({ lines: [{ productId: 'prod-6', quantity: 1, price: 10 }], total: 10 });
    await deliver(bought);
    const cancelled = order({ status: 'cancelled', lines: [{ productId: 'prod-5', quantity: 1, price: 10 }], total: 10 });
    await deliver(cancelled);
    for (const [review, headers] of [
      [{ verifiedBuyer: true }, {}],
      [{}, customerHeaders(bought.customerId)],
      [{}, customerHeaders(cancelled.customerId)],
      [{ email: bought.email }, customerHeaders('someone-else')],
    ] as const) {
      const response = await post(review, headers);
      const body = (await response.json()) as { review?: Review; error?: unknown };
      if (response.status === 201) assert.equal(body.review!.verifiedBuyer, false, JSON.stringify(review));
      else assert.equal(response.status, 400, 'an unknown field is refused');
    }
  });
});

describe('referrals', () => {
  /** A member with a referral code, as their first earned points would make them. */
  async function advocate() {
    const customerId = `advocate-${randomUUID().slice(0, 8)}`;
    const code = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
    await server.storage.loyalty.adjustPoints(server.shop!.id, customerId, {
      kind: 'earn',
      label: 'Welcome',
      referralCode: code,
      points: () => 0,
    });
    return { customerId, code };
  }

  it("credit the advocate for a friend's first order with their code, once, and take it back if it is cancelled", async () => {
    const { customerId, code } = await advocate();
    const friend = order({ referralCode: code, total: 10, lines: [{ productId: 'prod-1', quantity: 1, price: 10 }] });
    await deliver(friend);
    await deliver(friend);
    assert.equal(await balanceOf(customerId), 200, "the shop's referral way to earn, once");
    // The friend's next order with the same code credits nothing more.
    await deliver({ ...friend, id: `${friend.id}-2`, createdAt: '2026-12-01T10:00:00Z' });
    assert.equal(await balanceOf(customerId), 200);
    await deliver({ ...friend, status: 'cancelled', updatedAt: '2026-12-02T10:00:00Z' });
    assert.equal(await balanceOf(customerId), 0);
  });

  it('give the signed-in friend the referral’s friendPoints with their first order, once, and take them back with it', async () => {
    const { code } = await advocate();
    const friend = order({ referralCode: code, total: 10, lines: [{ productId: 'prod-1', quantity: 1, price: 10 }] });
    await deliver(friend);
    await deliver({ ...friend, id: `${friend.id}-2`, createdAt: '2026-12-01T10:00:00Z' });
    assert.equal(await balanceOf(friend.customerId!), 100 + 2 * 50, 'the welcome once, beside both orders’ own points');
    await deliver({ ...friend, status: 'cancelled', updatedAt: '2026-12-02T10:00:00Z' });
    assert.equal(await balanceOf(friend.customerId!), 50, 'the first order and its welcome taken back');
  });

  it('credit nothing for a referral to oneself, by customer id or by an email the advocate ordered with', async () => {
    const { customerId, code } = await advocate();
    await deliver(order({ customerId, referralCode: code }));
    const own = await balanceOf(customerId);
    const ownEmail = `${customerId}@example.com`;
    await deliver(order({ customerId, email: ownEmail, createdAt: '2026-11-29T10:00:00Z' }));
    await deliver(order({ customerId: undefined, email: ownEmail.toUpperCase(), referralCode: code }));
    assert.equal(await balanceOf(customerId), own + 249, 'only their own orders’ points (5 × €49.90, rounded down)');
  });

  it("credit nothing when the code is unknown or the order is not the friend's first", async () => {
    const { customerId, code } = await advocate();
    const friend = order();
    await deliver(friend);
    await deliver({ ...order({ referralCode: code }), customerId: friend.customerId, createdAt: '2026-12-01T10:00:00Z' });
    await deliver(order({ referralCode: 'NOSUCHCODE' }));
    assert.equal(await balanceOf(customerId), 0);
  });

  it("send the advocate's link to the shop's own site", async () => {
    const { customerId, code } = await advocate();
    const member = (await (await server.api('/loyalty/member', { headers: customerHeaders(customerId) })).json()) as {
      referralUrl: string;
    };
    assert.equal(member.referralUrl, `https://shop.example/?sf_ref=${code}`);
  });
});
