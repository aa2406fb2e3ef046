import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  readWebhookHeaders,
  signProxyParams,
  signWebhook,
  verifyProxyQuery,
  verifyWebhook,
  type RefusedProxyRequest,
} from '../src/shopify/index.js';

// Shopify's documented example: secret `hush`, and the query its proxy forwards.
const SECRET = 'hush';
const SIGNED_AT = 1317327555;
const NOW = SIGNED_AT * 1000;
const QUERY =
  'extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555';
const SIGNATURE = '4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb';
const SIGNED = `${QUERY}&signature=${SIGNATURE}`;

/** A query signed as Shopify would sign it, from decoded parameters. */
function signed(params: Array<[string, string]>, secret = SECRET): string {
  const search = new URLSearchParams(params);
  search.append('signature', signProxyParams(search, secret));
  return search.toString();
}

const refused = (result: ReturnType<typeof verifyProxyQuery>) => {
  assert.equal(result.ok, false);
  return result as RefusedProxyRequest;
};

describe('app-proxy signature', () => {
  it("accepts Shopify's documented example", () => {
    assert.deepEqual(verifyProxyQuery(SIGNED, SECRET, NOW), {
      ok: true,
      shop: 'shop-name.myshopify.com',
      customerId: '1',
      pathPrefix: '/apps/awesome_reviews',
      timestamp: SIGNED_AT,
    });
  });

  it('joins the values of a repeated key with a comma before signing (extra=1,2)', () => {
    assert.equal(signProxyParams(new URLSearchParams(QUERY), SECRET), SIGNATURE);
    // The same values in one parameter sign the same.
    const joined = QUERY.replace('extra=1&extra=2', 'extra=1%2C2');
    assert.equal(verifyProxyQuery(`${joined}&signature=${SIGNATURE}`, SECRET, NOW).ok, true);
  });

  it('does not depend on the order of the parameters', () => {
    // Keys in any order; a repeated key's values keep theirs (1,2 is not 2,1).
    const moved = `timestamp=${SIGNED_AT}&signature=${SIGNATURE}&path_prefix=%2Fapps%2Fawesome_reviews&extra=1&logged_in_customer_id=1&extra=2&shop=shop-name.myshopify.com`;
    assert.equal(verifyProxyQuery(moved, SECRET, NOW).ok, true);
    assert.equal(verifyProxyQuery(`?${SIGNED}`, SECRET, NOW).ok, true);
  });

  for (const [name, tampered] of [
    ['a changed customer', SIGNED.replace('logged_in_customer_id=1', 'logged_in_customer_id=2')],
    ['a changed shop', SIGNED.replace('shop-name', 'other-shop')],
    ['a changed extra value', SIGNED.replace('extra=2', 'extra=3')],
    ['the repeated values swapped', SIGNED.replace('extra=1&extra=2', 'extra=2&extra=1')],
    ['an added parameter', `${SIGNED}&admin=1`],
    ['a removed parameter', SIGNED.replace('extra=1&', '')],
    ['a changed signature', SIGNED.replace('4c68', '4c69')],
    ['an upper-case copy of the signature', SIGNED.replace(SIGNATURE, SIGNATURE.toUpperCase().replace('4C68', '4C69'))],
    ['a truncated signature', SIGNED.replace(SIGNATURE, SIGNATURE.slice(0, 62))],
  ] as const) {
    it(`refuses ${name}`, () => {
      const result = refused(verifyProxyQuery(tampered, SECRET, NOW));
      assert.equal(result.field, 'signature');
    });
  }

  it('refuses another secret, and an unsigned or empty query', () => {
    assert.equal(refused(verifyProxyQuery(SIGNED, 'hushh', NOW)).field, 'signature');
    assert.equal(refused(verifyProxyQuery(QUERY, SECRET, NOW)).field, 'signature');
    assert.equal(refused(verifyProxyQuery(`${QUERY}&signature=`, SECRET, NOW)).field, 'signature');
    assert.equal(refused(verifyProxyQuery('', SECRET, NOW)).field, 'signature');
  });

  for (const key of ['shop', 'timestamp', 'signature', 'hmac', 'logged_in_customer_id', 'path_prefix']) {
    it(`refuses a repeated ${key}, even when the whole query is signed`, () => {
      const params: Array<[string, string]> = [
        ['shop', 'shop-name.myshopify.com'],
        ['logged_in_customer_id', '1'],
        ['path_prefix', '/apps/shopfront'],
        ['timestamp', String(SIGNED_AT)],
        [key, key === 'shop' ? 'evil.myshopify.com' : key === 'timestamp' ? String(SIGNED_AT) : '2'],
        ...(key === 'hmac' ? [[key, '3'] as [string, string]] : []),
      ];
      const query = key === 'signature' ? `${signed(params.slice(0, 4))}&signature=${'0'.repeat(64)}` : signed(params);
      const result = refused(verifyProxyQuery(query, SECRET, NOW));
      assert.equal(result.field, key);
      assert.match(result.message, /more than once/);
    });
  }

  it('accepts the clock 90 seconds either way, and refuses 91', () => {
    for (const skew of [-90, 0, 90]) assert.equal(verifyProxyQuery(SIGNED, SECRET, NOW + skew * 1000).ok, true, `skew ${skew}`);
    for (const skew of [-91, 91, 3600]) {
      const result = refused(verifyProxyQuery(SIGNED, SECRET, NOW + skew * 1000));
      assert.equal(result.field, 'timestamp');
    }
  });

  for (const timestamp of ['', '1317327555.0', '1.3e9', '-1317327555', 'abc', '0x4E8B1AC3']) {
    it(`refuses the timestamp "${timestamp}"`, () => {
      const query = signed([
        ['shop', 'shop-name.myshopify.com'],
        ['timestamp', timestamp],
      ]);
      assert.equal(refused(verifyProxyQuery(query, SECRET, NOW)).field, 'timestamp');
    });
  }

  it('decodes + and %20 alike: Shopify signs the decoded value', () => {
    const params: Array<[string, string]> = [
      ['q', 'red shoes & socks'],
      ['shop', 'shop-name.myshopify.com'],
      ['timestamp', String(SIGNED_AT)],
    ];
    const signature = signProxyParams(new URLSearchParams(params), SECRET);
    const base = `shop=shop-name.myshopify.com&timestamp=${SIGNED_AT}&signature=${signature}`;
    assert.equal(verifyProxyQuery(`q=red+shoes+%26+socks&${base}`, SECRET, NOW).ok, true);
    assert.equal(verifyProxyQuery(`q=red%20shoes%20%26%20socks&${base}`, SECRET, NOW).ok, true);
    // A literal plus is %2B, a different value.
    assert.equal(verifyProxyQuery(`q=red%2Bshoes%2B%26%2Bsocks&${base}`, SECRET, NOW).ok, false);
  });

  it('signs non-ASCII values as UTF-8', () => {
    const query = signed([
      ['q', 'crème brûlée ☕'],
      ['shop', 'shop-name.myshopify.com'],
      ['timestamp', String(SIGNED_AT)],
    ]);
    assert.equal(verifyProxyQuery(query, SECRET, NOW).ok, true);
  });

  it('sorts keys by code unit, as Shopify does (upper case before lower, _ between)', () => {
    const params: Array<[string, string]> = [
      ['b', '1'],
      ['B', '2'],
      ['a_b', '3'],
      ['ab', '4'],
      ['shop', 'shop-name.myshopify.com'],
      ['timestamp', String(SIGNED_AT)],
    ];
    const expected = `B=2a_b=3ab=4b=1shop=shop-name.myshopify.comtimestamp=${SIGNED_AT}`;
    assert.equal(signProxyParams(new URLSearchParams(params), SECRET), createHmac('sha256', SECRET).update(expected).digest('hex'));
  });

  it('treats a blank logged_in_customer_id as a guest, and refuses one that is not a Shopify id', () => {
    const guest = signed([
      ['shop', 'shop-name.myshopify.com'],
      ['logged_in_customer_id', ''],
      ['timestamp', String(SIGNED_AT)],
    ]);
    assert.deepEqual(verifyProxyQuery(guest, SECRET, NOW), {
      ok: true,
      shop: 'shop-name.myshopify.com',
      customerId: null,
      pathPrefix: '',
      timestamp: SIGNED_AT,
    });
    const odd = signed([
      ['shop', 'shop-name.myshopify.com'],
      ['logged_in_customer_id', '1,2'],
      ['timestamp', String(SIGNED_AT)],
    ]);
    assert.equal(refused(verifyProxyQuery(odd, SECRET, NOW)).field, 'logged_in_customer_id');
  });

  it('refuses a signed shop that is not a myshopify.com domain', () => {
    const query = signed([
      ['shop', 'shop-name.myshopify.com.evil.example'],
      ['timestamp', String(SIGNED_AT)],
    ]);
    assert.equal(refused(verifyProxyQuery(query, SECRET, NOW)).field, 'shop');
  });
});

describe('webhook signature', () => {
  const body = '{"foo": "bar"}';
  const header = 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=';

  it("matches Shopify's vector (test_secret_key)", () => {
    assert.equal(signWebhook('test_secret_key', body), header);
    assert.equal(verifyWebhook('test_secret_key', body, header), true);
    assert.equal(verifyWebhook('test_secret_key', new TextEncoder().encode(body), header), true);
  });

  for (const [name, rawBody, given, secret] of [
    ['a re-serialised body', JSON.stringify(JSON.parse(body)), header, 'test_secret_key'],
    ['a changed body', '{"foo": "baz"}', header, 'test_secret_key'],
    ['another secret', body, header, 'other_secret'],
    ['a missing header', body, undefined, 'test_secret_key'],
    ['an empty header', body, '', 'test_secret_key'],
    ['a hex digest', body, '076dad5cdebad6067ad08a8546b82dcc113d5d20e8e72694bb0c1f9a1bbbbb78', 'test_secret_key'],
    ['a truncated digest', body, header.slice(0, 40), 'test_secret_key'],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(verifyWebhook(secret, rawBody, given), false));
  }

  it('reads the delivery headers, and names the one that is wrong', () => {
    const headers = new Headers({
      'X-Shopify-Topic': 'orders/paid',
      'X-Shopify-Shop-Domain': 'shop-name.myshopify.com',
      'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      'X-Shopify-API-Version': '2025-10',
    });
    assert.deepEqual(readWebhookHeaders(headers), {
      ok: true,
      delivery: {
        topic: 'orders/paid',
        shop: 'shop-name.myshopify.com',
        webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        apiVersion: '2025-10',
        triggeredAt: null,
      },
    });
    headers.set('X-Shopify-Shop-Domain', 'evil.example');
    assert.deepEqual(readWebhookHeaders(headers), {
      ok: false,
      field: 'X-Shopify-Shop-Domain',
      message: 'The shop is not a *.myshopify.com domain.',
    });
    headers.set('X-Shopify-Shop-Domain', 'shop-name.myshopify.com');
    headers.delete('X-Shopify-Webhook-Id');
    assert.equal((readWebhookHeaders(headers) as { field: string }).field, 'X-Shopify-Webhook-Id');
  });
});
