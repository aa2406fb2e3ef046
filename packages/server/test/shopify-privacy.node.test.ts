/**
 * Shopify's mandatory privacy webhooks: `customers/data_request` emails the
 * shop's agents everything kept about the customer (through a real SMTP server
 * on loopback), once however often it is delivered; `customers/redact` erases
 * it; `shop/redact` erases the whole shop, files included. On SQLite and on
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressObject } from 'mailparser';
import { DEMO_WAYS_TO_EARN } from '../src/demo/catalogue.js';
import { shopKeyOf } from '../src/routes/shopify.js';
import type { Shop } from '../src/storage/index.js';
import { PNG, customerHeaders, sign, startTestServer, until, type TestServer } from './helpers.js';
import { APP_SECRET, deliverShopifyWebhook } from './shopify-webhooks.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import { product } from './storage/fixtures.js';

const SHOP_SECRET = 'shopify-shop-secret-0123456789';
const AGENT_EMAIL = 'owner@harbour.example';
let smtp: TestSmtp;
let server: TestServer;

before(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ shopifyApiSecret: APP_SECRET, smtpUrl: smtp.url });
});
after(async () => {
  await server.stop();
  await smtp.stop();
});

/** A store that installed the app, with one agent, a product and the demo's earning rules. */
async function installedShop(domain: string): Promise<Shop> {
  const { shop } = await server.storage.shops.upsert({
    key: shopKeyOf(domain),
    secret: SHOP_SECRET,
    name: 'Harbour on Shopify',
    settings: { origins: [`https://${domain}`], currency: 'EUR', autoPublishAt: 1 },
  });
  await server.storage.catalogue.replaceProducts(shop.id, [product('7001234567')]);
  await server.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: DEMO_WAYS_TO_EARN, rewards: [] });
  await server.storage.agents.upsert({ shopId: shop.id, email: AGENT_EMAIL, name: 'Owner', passwordHash: 'unused' });
  return shop;
}

/** A paid order and a review with a photo from the customer: what a redaction must take away. */
async function customerData(shop: Shop, domain: string, orderId: string, customerId: string) {
  const order = `{"id":${orderId},"email":"Ann@Example.com","created_at":"2026-11-30T10:00:00Z","updated_at":"2026-11-30T10:05:00Z",
    "currency":"EUR","total_price":"49.90","financial_status":"paid","fulfillment_status":null,"cancelled_at":null,
    "customer":{"id":${customerId},"email":"ann@example.com"},
    "line_items":[{"id":1,"product_id":7001234567,"quantity":1,"price":"49.90"}]}`;
  assert.equal((await deliverShopifyWebhook(server, domain, 'orders/paid', order)).status, 200);
  const form = new FormData();
  for (const [key, value] of Object.entries({ productId: '7001234567', rating: '5', title: 'Warm', body: 'Lovely wool.', name: 'Ann' }))
    form.set(key, value);
  form.append('photos', new File([PNG], 'p.png', { type: 'image/png' }));
  const review = await server.json(`/reviews?shop=${shop.key}`, {
    method: 'POST',
    headers: customerHeaders(customerId, sign(customerId, SHOP_SECRET)),
    body: form,
  });
  assert.equal(review.status, 201);
  return review.body.review as { id: string; photos: Array<{ url: string }> };
}

const privacyPayload = (domain: string, customerId: string, extra = '') =>
  `{"shop_id":954889,"shop_domain":"${domain}","orders_requested":[],"customer":{"id":${customerId},"email":"ann@example.com","phone":null}${extra}}`;
const photoFile = (url: string) => join(server.dataDir, 'media', 'reviews', url.split('/').pop()!);
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('Shopify privacy webhooks', () => {
  const domain = 'harbour-privacy.myshopify.com';
  const customerId = '7012345678901234567';
  const orderId = '5678901234567890123';
  let shop: Shop;
  before(async () => {
    shop = await installedShop(domain);
    await customerData(shop, domain, orderId, customerId);
  });

  it('customers/data_request emails the agents what is kept about the customer, once', async () => {
    const request = privacyPayload(domain, customerId, ',"data_request":{"id":9999}');
    for (const attempt of [1, 2]) {
      const response = await deliverShopifyWebhook(server, domain, 'customers/data_request', request);
      assert.equal(response.status, 200, `delivery ${attempt}`);
      assert.equal((await response.json()).handled, true);
    }
    const toAgent = () => smtp.mails.filter((mail) => (mail.to as AddressObject).value[0]?.address === AGENT_EMAIL);
    await until(() => toAgent().length > 0, 'the data request email');
    const [mail] = toAgent();
    assert.match(mail!.subject ?? '', /Data request for ann@example\.com, customer 7012345678901234567/);
    assert.match(mail!.text ?? '', /Shopify's request 9999/);
    assert.match(mail!.text ?? '', new RegExp(`"id": "${orderId}"`), 'the order, its id exact');
    assert.match(mail!.text ?? '', /Lovely wool\./, 'the review');
    assert.equal(mail!.headers.get('list-unsubscribe'), undefined, 'a legal notice has no unsubscribe');
    const jobs = (await server.storage.email.list(shop.id, 50)).filter((job) => job.kind === 'data-request');
    assert.equal(jobs.length, 1, 'a redelivery is the same email');
  });

  it('customers/redact erases the customer’s orders, reviews and points, and a repeat erases nothing more', async () => {
    assert.ok(await server.storage.orders.byId(shop.id, orderId));
    for (const attempt of [1, 2]) {
      const response = await deliverShopifyWebhook(
        server,
        domain,
        'customers/redact',
        privacyPayload(domain, customerId, `,"orders_to_redact":[${orderId}]`),
      );
      assert.equal(response.status, 200, `delivery ${attempt}`);
    }
    assert.equal(await server.storage.orders.byId(shop.id, orderId), undefined);
    assert.equal(await server.storage.loyalty.member(shop.id, customerId), undefined);
    const reviews = await server.json(`/products/7001234567/reviews?shop=${shop.key}`);
    assert.deepEqual(reviews.body.reviews, []);
  });

  it('refuses a redaction that names no one, naming the field', async () => {
    const response = await deliverShopifyWebhook(
      server,
      domain,
      'customers/redact',
      `{"shop_domain":"${domain}","customer":{"id":null,"email":null}}`,
    );
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.field, 'customer');
  });
});

describe('shop/redact', () => {
  it('erases the shop with its files; the shop is then unknown', async () => {
    const domain = 'harbour-leaving.myshopify.com';
    const shop = await installedShop(domain);
    const review = await customerData(shop, domain, '5678901234567000001', '7012345678900000009');
    const photo = photoFile(review.photos[0]!.url);
    assert.equal(await exists(photo), true);
    const response = await deliverShopifyWebhook(server, domain, 'shop/redact', `{"shop_id":954890,"shop_domain":"${domain}"}`);
    assert.equal(response.status, 200);
    assert.equal(await server.storage.shops.byKey(shop.key), undefined);
    assert.equal(await exists(photo), false, 'the review photo is removed');
    assert.equal((await server.api(`/products/7001234567/reviews?shop=${shop.key}`)).status, 404, 'no cached answer outlives it');
    const again = await deliverShopifyWebhook(server, domain, 'shop/redact', `{"shop_id":954890,"shop_domain":"${domain}"}`);
    assert.equal(again.status, 404, 'a redelivery finds no shop');
  });
});
