/**
 * Discount codes through the shop's discount port: the list the shop exports as
 * CSV (the default), a signed webhook to the shop's backend (a real HTTP server
 * on loopback here) that must confirm before the shopper sees the code, and
 * Shopify's Admin API (its fake). A port that fails gives the points back. On
 * SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { csvField } from '../src/routes/discounts.js';
import { redeemReward, type RewardRedemption } from '../src/services/loyalty.js';
import { shopifyDiscountPort } from '../src/services/discounts.js';
import { AdminClient } from '../src/shopify/index.js';
import { FakeAdminApi } from '../testing/fake-admin-api.js';
import { SECRET, customerHeaders, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

let customers = 0;
/** A new member of the demo shop holding `points` (a numeric id, as Shopify's customers have). */
async function member(points = 1000) {
  const customerId = `${Date.now()}${++customers}`;
  const given = await server.api('/admin/loyalty/points', {
    method: 'POST',
    visitor: null,
    headers: { authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ customerId, points, label: 'Test points' }),
  });
  assert.equal(given.status, 200);
  return customerId;
}

const rewardId = async () => ((await server.json('/loyalty/rewards')).body.rewards as Array<{ id: string; kind: string }>)[0]!;
const redeem = async (customerId: string, id: string) =>
  server.json(`/loyalty/rewards/${id}/redeem`, { method: 'POST', headers: customerHeaders(customerId) });
const balance = async (customerId: string) =>
  (await server.json('/loyalty/member', { headers: customerHeaders(customerId) })).body.points as number;
const exported = async (query = '') =>
  server.api(`/admin/discounts${query}`, { visitor: null, headers: { authorization: `Bearer ${SECRET}` } });

/** Points the demo shop's discounts at `url` (or back at the list), as its config would. */
async function useWebhook(url: string | undefined) {
  const shop = server.shop!;
  const settings = { ...shop.settings };
  if (url) settings.discounts = { webhookUrl: url };
  else delete settings.discounts;
  await server.storage.shops.upsert({ key: shop.key, secret: shop.secret, name: shop.name, settings });
  server.deps.shops.invalidate();
}

/** The shop's backend: records each delivery and answers `status`. */
async function backend() {
  const received: Array<{ body: string; signature: string | undefined }> = [];
  const state = { status: 200 };
  const http: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers['x-shopfront-hmac-sha256'] as string });
      response.writeHead(state.status).end();
    });
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/discounts`;
  return { url, received, state, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

describe('the list port (default)', () => {
  it('hands out the code at once and lists it in the CSV export, used or not', async () => {
    const customerId = await member();
    const reward = await rewardId();
    const redeemed = await redeem(customerId, reward.id);
    assert.equal(redeemed.status, 201);
    const code = redeemed.body.code as string;

    const csv = await exported();
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="discount-codes-pk_demo\.csv"/);
    const [header, ...lines] = (await csv.text()).trimEnd().split('\r\n');
    assert.equal(header, 'code,customer_id,reward_id,reward,kind,value,currency,created_at,expires_at,used_at');
    const line = lines.find((candidate) => candidate.startsWith(`${code},`));
    assert.ok(line, 'the new code is listed');
    assert.match(line, new RegExp(`^${code},${customerId},${reward.id},[^,]+,${reward.kind},[^,]*,EUR,[^,]+,[^,]+,$`));

    assert.ok((await (await exported('?used=no')).text()).includes(code));
    assert.equal(
      (await server.api(`/admin/codes/${code}/use`, { method: 'POST', visitor: null, headers: { authorization: `Bearer ${SECRET}` } }))
        .status,
      200,
    );
    assert.ok(!(await (await exported('?used=no')).text()).includes(code));
    assert.match(await (await exported('?used=yes')).text(), new RegExp(`${code},.*,\\d{4}-\\d\\d-\\d\\dT[^,]+Z\\r\\n`));
  });

  it('is for the shop’s backend only', async () => {
    assert.equal((await server.api('/admin/discounts', { visitor: null })).status, 401);
    assert.equal((await exported('?used=maybe')).status, 400);
  });

  it('never writes a field a spreadsheet would run as a formula', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-5'), "'-5");
    assert.equal(csvField('€5 off, today'), '"€5 off, today"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(5), '5');
  });
});

describe('the webhook port', () => {
  it('shows the code only once the shop’s backend confirmed it, with a signed request naming who may use it', async () => {
    const shop = await backend();
    await useWebhook(shop.url);
    try {
      const customerId = await member();
      const reward = await rewardId();
      const redeemed = await redeem(customerId, reward.id);
      assert.equal(redeemed.status, 201);
      assert.equal(shop.received.length, 1);
      const [delivery] = shop.received;
      assert.equal(delivery!.signature, createHmac('sha256', SECRET).update(delivery!.body).digest('base64'));
      const event = JSON.parse(delivery!.body);
      assert.deepEqual(
        [event.event, event.code, event.customerId, event.rewardId, event.kind, event.currency, event.usageLimit],
        ['discount.create', redeemed.body.code, customerId, reward.id, reward.kind, 'EUR', 1],
      );
      assert.equal(event.expiresAt, redeemed.body.expiresAt);
    } finally {
      await useWebhook(undefined);
      await shop.close();
    }
  });

  it('gives the points back and shows no code when the backend refuses or cannot be reached', async () => {
    const shop = await backend();
    shop.state.status = 500;
    await useWebhook(shop.url);
    try {
      const customerId = await member(1000);
      const reward = await rewardId();
      const refused = await redeem(customerId, reward.id);
      assert.equal(refused.status, 503);
      assert.equal(refused.body.error.field, 'discount');
      assert.equal(refused.headers.get('retry-after'), '30');
      assert.equal(await balance(customerId), 1000, 'no points spent');
      const code = JSON.parse(shop.received[0]!.body).code as string;
      assert.ok(!(await (await exported()).text()).includes(code), 'the unconfirmed code is gone');
      const history = (await server.json('/loyalty/activity', { headers: customerHeaders(customerId) })).body.activity as Array<{
        kind: string;
        points: number;
      }>;
      assert.deepEqual(
        history.slice(0, 2).map((entry) => entry.kind),
        ['adjust', 'redeem'],
      );
      assert.equal(history[0]!.points + history[1]!.points, 0);

      await shop.close();
      const unreachable = await redeem(customerId, reward.id);
      assert.equal(unreachable.status, 503);
      assert.equal(await balance(customerId), 1000);
    } finally {
      await useWebhook(undefined);
      await shop.close().catch(() => undefined);
    }
  });
});

describe('the Shopify port', () => {
  it('creates a one-use code for the member through the Admin API, and undoes the redemption when Shopify refuses', async () => {
    const shopify = new FakeAdminApi();
    const port = shopifyDiscountPort(
      new AdminClient({ shop: shopify.shop, accessToken: shopify.accessToken, fetch: shopify.fetch, sleep: async () => undefined }),
    );
    const shop = server.shop!;
    const customerId = await member(1000);
    const rewards = (await server.json('/loyalty/rewards')).body.rewards as Array<{ id: string; kind: string }>;
    const reward = rewards.find((candidate) => candidate.kind === 'amount-off')!;
    const result: RewardRedemption = await redeemReward(server.storage, shop, customerId, reward.id, new Date(), port);
    assert.ok(result.ok);
    const created = shopify.discounts.get(result.redemption.code);
    assert.ok(created, 'Shopify holds the code');

    // Shopify already holds this code for another discount (TAKEN): refused, so the points come back.
    const again = await redeemReward(server.storage, shop, customerId, reward.id, new Date(), {
      name: 'shopify',
      create: async (code) => {
        shopify.discounts.set(code.code.toUpperCase(), { ...created, title: 'Someone else’s discount' });
        await port.create(code);
      },
    });
    assert.deepEqual([again.ok, !again.ok && again.reason], [false, 'checkout-unavailable']);
    assert.equal(await balance(customerId), result.redemption.points, 'the refused redemption cost nothing');

    // Free shipping is another kind of Shopify discount than this port makes: refused before Shopify is asked.
    const requests = shopify.requests;
    const shipping = rewards.find((candidate) => candidate.kind === 'free-shipping')!;
    const refused = await redeemReward(server.storage, shop, customerId, shipping.id, new Date(), port);
    assert.deepEqual([refused.ok, shopify.requests], [false, requests]);
    assert.equal(await balance(customerId), result.redemption.points);
  });
});
