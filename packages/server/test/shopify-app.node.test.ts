/**
 * Shopify's order webhooks into the commerce loop: signed with the app's secret
 * over the raw body, idempotent by `X-Shopify-Webhook-Id`, ids beyond
 * `Number.MAX_SAFE_INTEGER` kept exactly, points awarded, taken back on a
 * refund and a cancellation, a review verified, the kept referral code
 * credited; and the app proxy, whose signed `logged_in_customer_id` is the only
 * customer a storefront request can act as. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_WAYS_TO_EARN } from '../src/demo/catalogue.js';
import { shopKeyOf } from '../src/routes/shopify.js';
import { signProxyParams } from '../src/shopify/proxy-signature.js';
import { signWebhook } from '../src/shopify/webhook-signature.js';
import type { Shop } from '../src/storage/index.js';
import { customerHeaders, sign, startTestServer, type TestServer } from './helpers.js';
import { APP_SECRET, deliverShopifyWebhook } from './shopify-webhooks.js';
import { product } from './storage/fixtures.js';

const DOMAIN = 'harbour-test.myshopify.com';
const SHOP_SECRET = 'shopify-shop-secret-0123456789';
let server: TestServer;
let shop: Shop;

before(async () => {
  server = await startTestServer({ shopifyApiSecret: APP_SECRET });
  ({ shop } = await server.storage.shops.upsert({
    key: shopKeyOf(DOMAIN),
    secret: SHOP_SECRET,
    name: 'Harbour on Shopify',
    settings: { origins: [`https://${DOMAIN}`], currency: 'EUR', autoPublishAt: 1 },
  }));
  await server.storage.catalogue.replaceProducts(shop.id, [product('7001234567'), product('7001234568')]);
  await server.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: DEMO_WAYS_TO_EARN, rewards: [] });
});
after(() => server.stop());

/** A Shopify order as its webhooks send it (trimmed to what matters), with ids as raw JSON numbers. */
function orderJson(orderId: string, customerId: string, extra = '') {
  return `{"id":${orderId},"admin_graphql_api_id":"gid://shopify/Order/${orderId}","email":"Ann@Example.com",
    "created_at":"2026-11-30T10:00:00+01:00","updated_at":"2026-11-30T10:05:00+01:00","currency":"EUR",
    "total_price":"59.90","financial_status":"paid","fulfillment_status":null,"cancelled_at":null,"customer_locale":"de",
    "customer":{"id":${customerId},"email":"ann@example.com"},
    "line_items":[{"id":${orderId}1,"product_id":7001234567,"quantity":1,"price":"49.90"},
                  {"id":${orderId}2,"product_id":null,"quantity":1,"price":"10.00","title":"Gift wrap"}]${extra}}`;
}

const deliver = (topic: string, body: string, headers: Record<string, string> = {}) =>
  deliverShopifyWebhook(server, DOMAIN, topic, body, headers);

const pointsOf = async (customerId: string) => (await server.storage.loyalty.member(shop.id, customerId))?.points ?? 0;

describe('Shopify order webhooks', () => {
  it('keep an id beyond Number.MAX_SAFE_INTEGER exactly, and award the order’s points once per delivery', async () => {
    const orderId = '5678901234567890123';
    const customerId = '7012345678901234567';
    const body = orderJson(orderId, customerId);
    const response = await deliver('orders/paid', body, { 'x-shopify-webhook-id': 'delivery-1' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, topic: 'orders/paid', handled: true, duplicate: false });
    const stored = await server.storage.orders.byId(shop.id, orderId);
    assert.deepEqual(
      [stored?.id, stored?.customerId, stored?.email, stored?.total, stored?.locale, stored?.status, stored?.placedAt],
      [orderId, customerId, 'ann@example.com', 5990, 'de', 'paid', '2026-11-30T09:00:00.000Z'],
    );
    assert.deepEqual(stored?.lines, [{ productId: '7001234567', quantity: 1, price: 4990 }], 'the gift wrap has no product');
    assert.equal(await pointsOf(customerId), 299, '5 points per euro');

    const again = await deliver('orders/paid', body, { 'x-shopify-webhook-id': 'delivery-1' });
    assert.equal((await again.json()).duplicate, true);
    assert.equal(await pointsOf(customerId), 299);
  });

  it('take back a refund’s share and a cancellation’s rest, and verify the buyer’s review', async () => {
    const orderId = '5678901234567890999';
    const customerId = '7012345678901230001';
    // The review first: the order that arrives later verifies it.
    const review = await server.json(`/reviews?shop=${shop.key}`, {
      method: 'POST',
      headers: customerHeaders(customerId, sign(customerId, SHOP_SECRET)),
      body: JSON.stringify({ productId: '7001234567', rating: 5, title: 'Warm', body: 'Lovely wool.', name: 'Ann' }),
    });
    assert.equal(review.status, 201);
    assert.equal(review.body.review.verifiedBuyer, false);
    await deliver('orders/paid', orderJson(orderId, customerId));
    const verified = (await server.storage.reviews.moderationReview(shop.id, review.body.review.id))?.verifiedBuyer;
    assert.equal(verified, true);
    assert.equal(await pointsOf(customerId), 299 + 50, 'the order and the review');

    const refund = `{"id":998877665544332211,"order_id":${orderId},"created_at":"2026-12-01T10:00:00Z",
      "transactions":[{"id":1,"kind":"refund","status":"success","amount":"19.90"},{"id":2,"kind":"refund","status":"failure","amount":"40.00"}]}`;
    for (let i = 0; i < 2; i++) assert.equal((await deliver('refunds/create', refund)).status, 200);
    assert.equal((await server.storage.orders.byId(shop.id, orderId))?.refunded, 1990, 'the successful transaction, once');
    assert.equal(await pointsOf(customerId), 200 + 50);

    const cancelled = orderJson(orderId, customerId).replace('"cancelled_at":null', '"cancelled_at":"2026-12-02T10:00:00Z"');
    assert.equal((await deliver('orders/cancelled', cancelled)).status, 200);
    assert.equal(await pointsOf(customerId), 50, 'the review’s points stay');
  });

  it('credit the advocate whose code the storefront kept as a cart attribute', async () => {
    const advocate = await server.storage.loyalty.adjustPoints(shop.id, '7012345678900000001', {
      kind: 'earn',
      label: 'Welcome',
      referralCode: 'HARBOURADV1',
      points: () => 10,
    });
    const attribute = `,"note_attributes":[{"name":"gift","value":"no"},{"name":"sf_ref","value":"${advocate.member.referralCode}"}]`;
    await deliver(
      'orders/paid',
      orderJson('5678901234567000001', '7012345678900000002', attribute).replace('Ann@Example.com', 'friend@example.com'),
    );
    assert.equal(await pointsOf('7012345678900000001'), 10 + 200);
  });

  it('refuse what Shopify did not sign, a shop that did not install the app, and payloads without what an order needs', async () => {
    const body = orderJson('5678901234567000002', '7012345678900000003');
    const tampered = await deliver('orders/paid', body.replace('59.90', '5990.00'), {
      'x-shopify-hmac-sha256': signWebhook(APP_SECRET, body),
    });
    assert.equal(tampered.status, 401);
    assert.equal((await tampered.json()).error.field, 'signature');
    assert.equal((await deliver('orders/paid', body, { 'x-shopify-hmac-sha256': signWebhook('another_app', body) })).status, 401);
    const stranger = await deliver('orders/paid', body, { 'x-shopify-shop-domain': 'nobody.myshopify.com' });
    assert.equal(stranger.status, 404);
    const badDomain = await deliver('orders/paid', body, { 'x-shopify-shop-domain': 'evil.example.com' });
    assert.deepEqual([badDomain.status, (await badDomain.json()).error.field], [400, 'X-Shopify-Shop-Domain']);
    const noLines = await deliver('orders/paid', body.replace(/"line_items":\[[\s\S]*\]\}$/, '"line_items":[]}'));
    assert.deepEqual([noLines.status, (await noLines.json()).error.field], [400, 'line_items']);
    const badAmount = await deliver('orders/paid', body.replace('"59.90"', '"lots"'));
    assert.deepEqual([badAmount.status, (await badAmount.json()).error.field], [400, 'total_price']);
    assert.equal((await deliver('orders/paid', '{"id": ')).status, 400);
    const other = await deliver('products/update', '{"id":1}');
    assert.deepEqual(await other.json(), { ok: true, topic: 'products/update', handled: false, duplicate: false });
    assert.equal(await server.storage.orders.byId(shop.id, '5678901234567000002'), undefined);
  });

  it('are not taken by a server that is not set up as a Shopify app', async () => {
    const plain = await startTestServer();
    try {
      const body = orderJson('1', '2');
      const response = await fetch(`${plain.url}/shopify/webhooks`, {
        method: 'POST',
        headers: { 'x-shopify-hmac-sha256': signWebhook(APP_SECRET, body) },
        body,
      });
      assert.deepEqual([response.status, (await response.json()).error.field], [404, 'shopify']);
    } finally {
      await plain.stop();
    }
  });
});

/** A storefront request as Shopify's app proxy forwards it: the path after the prefix, and the query it signs. */
function proxied(path: string, query: Record<string, string> = {}, init: RequestInit = {}, timestamp = Math.floor(Date.now() / 1000)) {
  const [pathname, own = ''] = path.split('?');
  const params = new URLSearchParams(own);
  for (const [key, value] of Object.entries({ shop: DOMAIN, path_prefix: '/apps/shopfront', timestamp: String(timestamp), ...query }))
    params.set(key, value);
  params.set('signature', signProxyParams(params, APP_SECRET));
  return fetch(`${server.url}/shopify/proxy${pathname}?${params}`, init);
}

describe('the Shopify app proxy', () => {
  it('serves the API for the store, as the customer Shopify says is logged in and no one else', async () => {
    const customer = '7012345678909990001';
    const member = await proxied('/api/v1/loyalty/member', { logged_in_customer_id: customer });
    assert.equal(member.status, 200);
    assert.deepEqual([(await member.json()).status], ['member']);
    // A browser naming another customer gets nothing of theirs: only Shopify's parameter counts.
    const claimed = await proxied(
      '/api/v1/loyalty/member',
      {},
      { headers: { 'x-shopfront-customer': customer, 'x-shopfront-customer-signature': sign(customer, SHOP_SECRET) } },
    );
    assert.deepEqual(await claimed.json(), { status: 'guest' });

    const written = await proxied(
      '/api/v1/reviews',
      { logged_in_customer_id: customer },
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ productId: '7001234568', rating: 5, title: 'Soft', body: 'Through the proxy.', name: 'Ann' }),
      },
    );
    assert.equal(written.status, 201);
    const { review } = await written.json();
    assert.equal((await server.storage.reviews.moderationReview(shop.id, review.id))?.customerId, customer);
    const listed = await (await proxied('/api/v1/products/7001234568/reviews?sort=newest')).json();
    assert.ok(
      listed.reviews.some((candidate: { id: string }) => candidate.id === review.id),
      'the shop’s own query parameters pass',
    );
  });

  it('refuses a request Shopify did not sign, a stale one, and anything but the API', async () => {
    const params = new URLSearchParams({ shop: DOMAIN, path_prefix: '/apps/shopfront', timestamp: String(Math.floor(Date.now() / 1000)) });
    params.set('signature', signProxyParams(params, APP_SECRET));
    params.set('logged_in_customer_id', '1'); // added after signing
    const forged = await fetch(`${server.url}/shopify/proxy/api/v1/loyalty/member?${params}`);
    assert.deepEqual([forged.status, (await forged.json()).error.field], [401, 'signature']);
    const stale = await proxied('/api/v1/loyalty/member', {}, {}, Math.floor(Date.now() / 1000) - 600);
    assert.deepEqual([stale.status, (await stale.json()).error.field], [401, 'timestamp']);
    const other = await proxied('/inbox', {});
    assert.deepEqual([other.status, (await other.json()).error.field], [404, 'path']);
    const stranger = await proxied('/api/v1/loyalty/member', { shop: 'nobody.myshopify.com' });
    assert.equal(stranger.status, 404);
  });

  it('lets the storefront reach the server directly (the chat stream) naming the store by its myshopify domain, with CORS', async () => {
    const storefront = `https://${DOMAIN}`;
    const status = await fetch(`${server.url}/api/v1/chat/status?shop=${DOMAIN}`, { headers: { origin: storefront } });
    assert.equal(status.status, 200);
    assert.equal(status.headers.get('access-control-allow-origin'), storefront);
    const elsewhere = await fetch(`${server.url}/api/v1/chat/status?shop=${DOMAIN}`, { headers: { origin: 'https://evil.example' } });
    assert.equal(elsewhere.status, 403);
    const stranger = await fetch(`${server.url}/api/v1/chat/status?shop=nobody.myshopify.com`);
    assert.equal(stranger.status, 404);
  });
});
