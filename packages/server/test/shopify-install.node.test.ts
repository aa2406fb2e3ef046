/**
 * Installing the Shopify app against a Shopify that behaves as documented (the
 * OAuth token endpoint and the Admin API's fake): the consent redirect with its
 * state, the signed callback, the token kept, the store's shop made; then a
 * redemption that creates the code in Shopify, and `app/uninstalled`, after
 * which codes are back on the list. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DEMO_REWARDS } from '../src/demo/catalogue.js';
import { SHOPIFY_SCOPES } from '../src/routes/shopify-install.js';
import { shopKeyOf } from '../src/routes/shopify.js';
import { signOAuthParams } from '../src/shopify/oauth.js';
import { signWebhook } from '../src/shopify/webhook-signature.js';
import { FakeAdminApi } from '../testing/fake-admin-api.js';
import { customerHeaders, sign, startTestServer, until, type TestServer } from './helpers.js';
import { product } from './storage/fixtures.js';

const API_KEY = 'shopfront-client-id';
const API_SECRET = 'hush-the-app-secret';
/** Where shoppers' browsers reach the server (behind its TLS proxy). */
const PUBLIC_URL = 'https://shopfront.example';
const shopify = new FakeAdminApi({ shop: 'harbour-install.myshopify.com' });
let granted: string = SHOPIFY_SCOPES.join(',');
const exchanged: string[] = [];

/** Shopify: the token endpoint of the OAuth grant, and the Admin API. */
const shopifyFetch: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (url === `https://${shopify.shop}/admin/oauth/access_token`) {
    const body = JSON.parse(String(init?.body));
    exchanged.push(body.code);
    if (body.client_secret !== API_SECRET || body.code !== 'good-code') return new Response('{"error":"invalid_request"}', { status: 400 });
    return Response.json({ access_token: shopify.accessToken, scope: granted });
  }
  return shopify.fetch(input, init);
};

let server: TestServer;
before(async () => {
  server = await startTestServer({ shopifyApiKey: API_KEY, shopifyApiSecret: API_SECRET, shopifyFetch, publicUrl: PUBLIC_URL });
});
after(() => server.stop());

/** Shopify's redirect back after consent, signed as Shopify signs it. */
function callback(state: string, cookie: string, code = 'good-code') {
  const params = new URLSearchParams({ code, shop: shopify.shop, state, timestamp: String(Math.floor(Date.now() / 1000)) });
  params.set('hmac', signOAuthParams(params, API_SECRET));
  return fetch(`${server.url}/shopify/auth/callback?${params}`, { redirect: 'manual', headers: { cookie } });
}

async function startInstall() {
  const start = await fetch(`${server.url}/shopify/install?shop=Harbour-Install.myshopify.com`, { redirect: 'manual' });
  assert.equal(start.status, 302);
  const consent = new URL(start.headers.get('location')!);
  const cookie = start.headers.getSetCookie().find((value) => value.startsWith('sf_shopify_state='))!;
  assert.match(cookie, /HttpOnly/);
  return { consent, state: consent.searchParams.get('state')!, cookie: cookie.split(';')[0]! };
}

describe('installing the Shopify app', () => {
  it('refuses a callback that is not signed, not for this install, or with scopes missing', async () => {
    const { state, cookie } = await startInstall();
    const forged = await fetch(`${server.url}/shopify/auth/callback?code=good-code&shop=${shopify.shop}&state=${state}&hmac=00`, {
      headers: { cookie },
    });
    assert.deepEqual([forged.status, (await forged.json()).error.field], [400, 'hmac']);
    const otherState = await callback(state, 'sf_shopify_state=someone-elses');
    assert.deepEqual([otherState.status, (await otherState.json()).error.field], [400, 'state']);
    const badCode = await callback(state, cookie, 'stolen-code');
    assert.deepEqual([badCode.status, (await badCode.json()).error.field], [502, 'code']);
    granted = 'read_orders';
    try {
      const narrow = await callback(state, cookie);
      assert.deepEqual([narrow.status, (await narrow.json()).error.field], [400, 'scope']);
    } finally {
      granted = SHOPIFY_SCOPES.join(',');
    }
    assert.equal(await server.storage.shops.byKey(shopKeyOf(shopify.shop)), undefined, 'nothing installed');
  });

  it('keeps the token, makes the store’s shop, and then creates reward codes in Shopify until uninstalled', async () => {
    const { consent, state, cookie } = await startInstall();
    assert.equal(consent.origin, `https://${shopify.shop}`);
    assert.equal(consent.pathname, '/admin/oauth/authorize');
    assert.deepEqual(
      [consent.searchParams.get('client_id'), consent.searchParams.get('scope'), consent.searchParams.get('redirect_uri')],
      [API_KEY, SHOPIFY_SCOPES.join(','), `${PUBLIC_URL}/shopify/auth/callback`],
    );
    const done = await callback(state, cookie);
    assert.equal(done.status, 302);
    assert.equal(
      done.headers.get('location'),
      `https://${shopify.shop}/admin/themes/current/editor?context=apps&activateAppId=${API_KEY}/embed`,
    );
    assert.doesNotMatch(JSON.stringify([...done.headers]), new RegExp(shopify.accessToken), 'the token is never sent');
    const shop = (await server.storage.shops.byKey(shopKeyOf(shopify.shop)))!;
    assert.deepEqual(shop.settings.origins, [`https://${shopify.shop}`]);
    const installation = await server.storage.shopify.installation(shop.id);
    assert.equal(installation?.accessToken, shopify.accessToken);
    assert.equal(
      shopify.metafield(shopify.appInstallationId, 'shopfront', 'server_origin')?.value,
      PUBLIC_URL,
      'the embed learns where to open chat streams',
    );

    // Reviews keep the product's rating metafields current, for the Liquid blocks.
    const productId = '7001234567';
    await server.storage.catalogue.replaceProducts(shop.id, [product(productId)]);
    const ratingOf = () => {
      const rating = shopify.metafield(`gid://shopify/Product/${productId}`, 'reviews', 'rating')?.value;
      const count = shopify.metafield(`gid://shopify/Product/${productId}`, 'reviews', 'rating_count')?.value;
      return [rating && JSON.parse(rating).value, count];
    };
    for (const [rating, email] of [
      [5, 'ann@example.com'],
      [4, 'bob@example.com'],
    ] as const) {
      const review = await server.json(`/reviews?shop=${shop.key}`, {
        method: 'POST',
        body: JSON.stringify({ productId, rating, title: 'Wool', body: 'Warm enough.', name: 'Ann', email }),
      });
      assert.equal(review.status, 201);
    }
    await until(() => ratingOf()[1] === '2', 'the count of two reviews');
    assert.deepEqual(ratingOf(), ['4.50', '2']);
    const erase = (email: string) =>
      server.json(`/admin/customers/erase?shop=${shop.key}`, {
        method: 'POST',
        visitor: null,
        headers: { authorization: `Bearer ${shop.secret}` },
        body: JSON.stringify({ email }),
      });
    assert.equal((await erase('bob@example.com')).status, 200);
    await until(() => ratingOf()[1] === '1', 'the count after an erasure');
    assert.deepEqual(ratingOf(), ['5.00', '1']);
    assert.equal((await erase('ann@example.com')).status, 200);
    await until(() => ratingOf()[1] === '0', 'no reviews left');
    assert.deepEqual(ratingOf(), [undefined, '0'], 'a product without reviews has no rating');

    // A member redeems: the code is made in Shopify, for that customer, before they see it.
    await server.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [], rewards: DEMO_REWARDS });
    const customerId = '7012345678905550001';
    await server.storage.loyalty.adjustPoints(shop.id, customerId, {
      kind: 'earn',
      label: 'Test',
      referralCode: `R${randomUUID().slice(0, 9)}`,
      points: () => 5000,
    });
    const reward = DEMO_REWARDS.find((candidate) => candidate.kind === 'amount-off')!;
    const headers = customerHeaders(customerId, sign(customerId, shop.secret));
    const redeemed = await server.json(`/loyalty/rewards/${reward.id}/redeem?shop=${shop.key}`, { method: 'POST', headers });
    assert.equal(redeemed.status, 201);
    const created = shopify.discounts.get(redeemed.body.code);
    assert.ok(created, 'Shopify holds the code');
    assert.deepEqual(created.customers, [`gid://shopify/Customer/${customerId}`]);

    // Uninstalled: the token is forgotten, and codes go back on the list the shop exports.
    const body = JSON.stringify({ id: 1, domain: shopify.shop });
    const uninstalled = await fetch(`${server.url}/shopify/webhooks`, {
      method: 'POST',
      headers: {
        'x-shopify-topic': 'app/uninstalled',
        'x-shopify-shop-domain': shopify.shop,
        'x-shopify-webhook-id': randomUUID(),
        'x-shopify-hmac-sha256': signWebhook(API_SECRET, body),
      },
      body,
    });
    assert.equal(uninstalled.status, 200);
    assert.equal(await server.storage.shopify.installation(shop.id), undefined);
    const before = shopify.discounts.size;
    const listed = await server.json(`/loyalty/rewards/${reward.id}/redeem?shop=${shop.key}`, { method: 'POST', headers });
    assert.equal(listed.status, 201);
    assert.equal(shopify.discounts.size, before);
  });

  it('is off without the app’s credentials', async () => {
    const plain = await startTestServer();
    try {
      const response = await fetch(`${plain.url}/shopify/install?shop=${shopify.shop}`, { redirect: 'manual' });
      assert.deepEqual([response.status, (await response.json()).error.field], [404, 'shopify']);
    } finally {
      await plain.stop();
    }
  });
});
