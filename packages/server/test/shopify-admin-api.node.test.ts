import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ADMIN_API_VERSION,
  AdminApiError,
  AdminClient,
  createDiscountCode,
  setProductRatings,
  setServerOrigin,
  type DiscountCodeRequest,
} from '../src/shopify/index.js';
import { FakeAdminApi } from '../testing/fake-admin-api.js';

/** A client on the fake, whose waits are recorded instead of slept. */
function setup(options: ConstructorParameters<typeof FakeAdminApi>[0] = {}) {
  const shopify = new FakeAdminApi(options);
  const waits: number[] = [];
  const client = new AdminClient({
    shop: shopify.shop,
    accessToken: shopify.accessToken,
    fetch: shopify.fetch,
    sleep: async (ms) => void waits.push(ms),
  });
  return { shopify, client, waits };
}

const REDEMPTION: DiscountCodeRequest = {
  code: 'SF-ABCDEFGHJK',
  title: 'Shopfront reward: €5 off',
  customerId: '7001234567890',
  value: { type: 'fixed', amount: 5 },
};

describe('Admin API client', () => {
  it(`calls the pinned API version (${ADMIN_API_VERSION}) with the access token`, async () => {
    const { shopify, client } = setup();
    assert.equal(client.endpoint, `https://${shopify.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`);
    await createDiscountCode(client, REDEMPTION);
    assert.equal(shopify.requests, 1);
  });

  it('says plainly when the token is refused, and does not retry it', async () => {
    const shopify = new FakeAdminApi();
    const client = new AdminClient({ shop: shopify.shop, accessToken: 'shpat_wrong', fetch: shopify.fetch, sleep: async () => {} });
    await assert.rejects(createDiscountCode(client, REDEMPTION), (error: AdminApiError) => {
      assert.equal(error.kind, 'unauthorized');
      assert.doesNotMatch(error.message, /shpat_/);
      return true;
    });
    assert.equal(shopify.requests, 1);
  });

  it('waits as long as the reported cost says when THROTTLED, then succeeds', async () => {
    let clock = 0;
    const shopify = new FakeAdminApi({ restoreRate: 5, now: () => clock });
    shopify.drain();
    const waits: number[] = [];
    // Each wait moves the fake's clock on, as sleeping would.
    const client = new AdminClient({
      shop: shopify.shop,
      accessToken: shopify.accessToken,
      fetch: shopify.fetch,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    const created = await createDiscountCode(client, REDEMPTION);
    assert.equal(created.code, REDEMPTION.code);
    // A mutation costs 10 points and the bucket refills at 5 a second: two seconds.
    assert.deepEqual(waits, [2000]);
    assert.equal(shopify.requests, 2);
    assert.equal(shopify.discounts.size, 1);
  });

  it('backs off and retries HTTP 429 (Retry-After) and 5xx; gives up after the retries', async () => {
    const { shopify, client, waits } = setup();
    shopify.failNext(503);
    shopify.failNext(429);
    shopify.failNext(502);
    await createDiscountCode(client, REDEMPTION);
    assert.deepEqual(waits, [500, 1000, 2000]);

    const second = setup();
    second.shopify.failNext(500, 10);
    await assert.rejects(
      createDiscountCode(second.client, REDEMPTION),
      (error: AdminApiError) => error.kind === 'http' && error.details.status === 500,
    );
    assert.equal(second.shopify.requests, 5);
    assert.equal(second.shopify.discounts.size, 0);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { shopify, client } = setup();
    shopify.failNext(404);
    await assert.rejects(createDiscountCode(client, REDEMPTION), (error: AdminApiError) => error.details.status === 404);
    assert.equal(shopify.requests, 1);
  });

  it('refuses to wait longer than maxWait', async () => {
    const shopify = new FakeAdminApi({ restoreRate: 0.001 });
    shopify.drain();
    const client = new AdminClient({
      shop: shopify.shop,
      accessToken: shopify.accessToken,
      fetch: shopify.fetch,
      maxWait: 5000,
      sleep: async () => {},
    });
    await assert.rejects(
      createDiscountCode(client, REDEMPTION),
      (error: AdminApiError) => error.kind === 'throttled' && /wait \d+ s/.test(error.message),
    );
  });

  it('refuses a shop that is not a myshopify.com domain before any call', () => {
    assert.throws(() => new AdminClient({ shop: 'evil.example', accessToken: 'x' }), AdminApiError);
  });
});

describe('discountCodeBasicCreate', () => {
  it('creates a one-use code that only that customer can use', async () => {
    const { shopify, client } = setup();
    const created = await createDiscountCode(client, { ...REDEMPTION, endsAt: new Date(Date.now() + 30 * 864e5), minimumSubtotal: 20 });
    assert.match(created.id, /^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    const discount = shopify.discounts.get(REDEMPTION.code)!;
    assert.deepEqual(discount.customers, ['gid://shopify/Customer/7001234567890']);
    assert.equal(discount.usageLimit, 1);
    assert.equal(discount.appliesOncePerCustomer, true);
    assert.deepEqual(discount.value, { discountAmount: { amount: '5.00', appliesOnEachItem: false } });
    const sent = shopify.mutations[0]!.variables.discount as Record<string, any>;
    assert.deepEqual(sent.minimumRequirement, { subtotal: { greaterThanOrEqualToSubtotal: '20.00' } });
    assert.deepEqual(sent.customerGets.items, { all: true });
  });

  it('sends a percentage as Shopify wants it (0–1)', async () => {
    const { shopify, client } = setup();
    await createDiscountCode(client, { ...REDEMPTION, value: { type: 'percentage', percent: 15 } });
    assert.deepEqual(shopify.discounts.get(REDEMPTION.code)!.value, { percentage: 0.15 });
  });

  it('turns userErrors into a message naming the field', async () => {
    const { shopify, client } = setup();
    await assert.rejects(createDiscountCode(client, { ...REDEMPTION, title: ' ' }), (error: AdminApiError) => {
      assert.equal(error.kind, 'user');
      assert.equal(error.message, "Creating the discount code failed: basicCodeDiscount.title: Title can't be blank");
      assert.deepEqual(error.details.userErrors?.[0]?.field, ['basicCodeDiscount', 'title']);
      return true;
    });
    assert.equal(shopify.mutations[0]!.userErrors[0]!.code, 'BLANK');
  });

  it('treats a retried create as done when the code exists with our title, and refuses a clash with another discount', async () => {
    const { shopify, client } = setup();
    const first = await createDiscountCode(client, REDEMPTION);
    assert.deepEqual(await createDiscountCode(client, REDEMPTION), first);
    assert.equal(shopify.discounts.size, 1);
    await assert.rejects(createDiscountCode(client, { ...REDEMPTION, title: 'Another' }), /Code must be unique/);
  });

  it('refuses bad input before calling Shopify', async () => {
    const { shopify, client } = setup();
    await assert.rejects(createDiscountCode(client, { ...REDEMPTION, customerId: 'alice' }), /not a Shopify customer id/);
    await assert.rejects(createDiscountCode(client, { ...REDEMPTION, value: { type: 'fixed', amount: 0 } }), /above zero/);
    await assert.rejects(createDiscountCode(client, { ...REDEMPTION, value: { type: 'percentage', percent: 120 } }), /between 0 and 100/);
    assert.equal(shopify.requests, 0);
  });
});

describe('metafieldsSet for ratings', () => {
  it("writes each product's reviews.rating and reviews.rating_count", async () => {
    const { shopify, client } = setup();
    await setProductRatings(client, [{ productId: '123', average: 4.4567, count: 12 }]);
    const owner = 'gid://shopify/Product/123';
    assert.deepEqual(shopify.metafield(owner, 'reviews', 'rating'), {
      type: 'rating',
      value: '{"value":"4.46","scale_min":"1.0","scale_max":"5.0"}',
    });
    assert.deepEqual(shopify.metafield(owner, 'reviews', 'rating_count'), { type: 'number_integer', value: '12' });
  });

  it('removes the rating of a product whose last review went, and keeps the count at 0', async () => {
    const { shopify, client } = setup();
    await setProductRatings(client, [{ productId: '123', average: 5, count: 1 }]);
    await setProductRatings(client, [{ productId: '123', average: 0, count: 0 }]);
    assert.equal(shopify.metafield('gid://shopify/Product/123', 'reviews', 'rating'), undefined);
    assert.equal(shopify.metafield('gid://shopify/Product/123', 'reviews', 'rating_count')!.value, '0');
  });

  it('batches within the 25-input limit', async () => {
    const { shopify, client } = setup();
    const ratings = Array.from({ length: 30 }, (_, i) => ({ productId: String(1000 + i), average: 4, count: i + 1 }));
    await setProductRatings(client, ratings);
    const sets = shopify.mutations.filter((m) => m.operation === 'metafieldsSet');
    assert.deepEqual(
      sets.map((m) => (m.variables.metafields as unknown[]).length),
      [24, 24, 12],
    );
    assert.equal(shopify.metafields.size, 60);
  });

  it('turns userErrors into a clear error, and the fake keeps nothing of a refused batch', async () => {
    const { shopify, client } = setup();
    await assert.rejects(setProductRatings(client, [{ productId: '1', average: 4, count: 2.5 }]), /whole number/);
    assert.equal(shopify.requests, 0);
    // The fake refuses a rating outside its scale as Shopify does, for the whole batch.
    const response = await shopify.fetch(`https://${shopify.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: { 'x-shopify-access-token': shopify.accessToken },
      body: JSON.stringify({
        query: 'mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { field code message } } }',
        variables: {
          metafields: [
            { ownerId: 'gid://shopify/Product/1', namespace: 'reviews', key: 'rating_count', type: 'number_integer', value: '3' },
            {
              ownerId: 'gid://shopify/Product/1',
              namespace: 'reviews',
              key: 'rating',
              type: 'rating',
              value: '{"value":"7","scale_min":"1","scale_max":"5"}',
            },
          ],
        },
      }),
    });
    const body = (await response.json()) as any;
    assert.deepEqual(body.data.metafieldsSet.userErrors[0].field, ['metafields', '1', 'value']);
    assert.equal(body.data.metafieldsSet.userErrors[0].code, 'INVALID_VALUE');
    assert.equal(shopify.metafields.size, 0);
  });

  it("stores the server's origin on the app installation for the theme extension", async () => {
    const { shopify, client } = setup();
    await setServerOrigin(client, 'https://shopfront.example/some/path');
    assert.deepEqual(shopify.metafield(shopify.appInstallationId, 'shopfront', 'server_origin'), {
      type: 'url',
      value: 'https://shopfront.example',
    });
    await assert.rejects(setServerOrigin(client, 'http://shopfront.example'), /must be https/);
  });
});
