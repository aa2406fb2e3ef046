import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  OAuthError,
  authorizeUrl,
  createState,
  exchangeCode,
  isShopDomain,
  missingScopes,
  normaliseShopDomain,
  signOAuthParams,
  verifyCallback,
} from '../src/shopify/index.js';

// Shopify's documented OAuth example (secret `hush`).
const SECRET = 'hush';
const STATE = '0.6784241404160823';
const TIMESTAMP = 1337178173;
const NOW = TIMESTAMP * 1000;
const CALLBACK = `code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=some-shop.myshopify.com&state=${STATE}&timestamp=${TIMESTAMP}`;

const rejects = (fn: () => unknown, field: string) =>
  assert.throws(fn, (error: unknown) => error instanceof OAuthError && error.field === field);

describe('shop domains', () => {
  for (const good of ['some-shop.myshopify.com', 'a.myshopify.com', 'shop2.myshopify.com']) {
    it(`accepts ${good}`, () => assert.equal(isShopDomain(good), true));
  }
  for (const bad of [
    'some-shop.myshopify.com.evil.com',
    'evil.com/some-shop.myshopify.com',
    'some-shop.myshopify.co',
    '-shop.myshopify.com',
    'some_shop.myshopify.com',
    'some-shop.myshopify.com:443',
    'user@some-shop.myshopify.com',
    'myshopify.com',
    '.myshopify.com',
    'some.shop.myshopify.com',
    'shop.example.com',
    '',
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(isShopDomain(bad), false));
  }
  it('normalises what a merchant types', () => {
    assert.equal(normaliseShopDomain(' https://Some-Shop.myshopify.com/ '), 'some-shop.myshopify.com');
    assert.equal(normaliseShopDomain('http://some-shop.myshopify.com'), null);
    assert.equal(normaliseShopDomain('some-shop'), null);
  });
});

describe('authorize URL', () => {
  it('sends the merchant to their own admin with the scopes, redirect and state', () => {
    const url = new URL(
      authorizeUrl({
        shop: 'some-shop.myshopify.com',
        clientId: 'abc123',
        scopes: ['read_products', 'write_discounts'],
        redirectUri: 'https://app.example/auth/callback',
        state: 'nonce-1',
      }),
    );
    assert.equal(url.origin, 'https://some-shop.myshopify.com');
    assert.equal(url.pathname, '/admin/oauth/authorize');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      client_id: 'abc123',
      scope: 'read_products,write_discounts',
      redirect_uri: 'https://app.example/auth/callback',
      state: 'nonce-1',
    });
    // Offline access: no per-user grant.
    assert.equal(url.searchParams.has('grant_options[]'), false);
  });

  it('refuses a shop that is not a myshopify.com domain', () =>
    rejects(() => authorizeUrl({ shop: 'evil.example', clientId: 'a', scopes: [], redirectUri: 'https://a.example', state: 's' }), 'shop'));

  it('makes a different, URL-safe 256-bit state every time', () => {
    const states = new Set(Array.from({ length: 50 }, createState));
    assert.equal(states.size, 50);
    for (const state of states) assert.match(state, /^[A-Za-z0-9_-]{43}$/);
  });
});

describe('OAuth callback', () => {
  it("accepts Shopify's documented example", () => {
    assert.deepEqual(verifyCallback(CALLBACK, { secret: SECRET, state: STATE, now: NOW }), {
      shop: 'some-shop.myshopify.com',
      code: '0907a61c0c8d55e99db179b68161bc00',
      host: null,
    });
  });

  it('signs the documented example without state too (hmac 4712bf92…)', () => {
    const params = new URLSearchParams(`code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&timestamp=${TIMESTAMP}`);
    assert.equal(signOAuthParams(params, SECRET), '4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20');
  });

  it('signs encoded values as Shopify does (spaces as %20, & encoded)', () => {
    const params = new URLSearchParams([
      ['code', 'abc'],
      ['shop', 'some-shop.myshopify.com'],
      ['state', STATE],
      ['timestamp', String(TIMESTAMP)],
      ['host', 'c29tZS1zaG9wLm15c2hvcGlmeS5jb20vYWRtaW4='],
      ['note', 'a b&c=d'],
    ]);
    params.set('hmac', signOAuthParams(params, SECRET));
    assert.equal(
      verifyCallback(params.toString(), { secret: SECRET, state: STATE, now: NOW }).host,
      'c29tZS1zaG9wLm15c2hvcGlmeS5jb20vYWRtaW4=',
    );
  });

  it('refuses a tampered redirect, another secret, or none at all', () => {
    rejects(() => verifyCallback(CALLBACK.replace('some-shop', 'evil-shop'), { secret: SECRET, state: STATE, now: NOW }), 'hmac');
    rejects(() => verifyCallback(CALLBACK.replace('code=0907', 'code=0908'), { secret: SECRET, state: STATE, now: NOW }), 'hmac');
    rejects(() => verifyCallback(CALLBACK, { secret: 'other', state: STATE, now: NOW }), 'hmac');
    rejects(() => verifyCallback(CALLBACK.replace(/&hmac=[0-9a-f]+/, ''), { secret: SECRET, state: STATE, now: NOW }), 'hmac');
  });

  it('refuses a state other than the one issued (or none issued)', () => {
    rejects(() => verifyCallback(CALLBACK, { secret: SECRET, state: '0.6784241404160824', now: NOW }), 'state');
    rejects(() => verifyCallback(CALLBACK, { secret: SECRET, state: '', now: NOW }), 'state');
  });

  it('refuses a redirect older than 90 seconds', () => {
    assert.equal(verifyCallback(CALLBACK, { secret: SECRET, state: STATE, now: NOW + 90_000 }).shop, 'some-shop.myshopify.com');
    rejects(() => verifyCallback(CALLBACK, { secret: SECRET, state: STATE, now: NOW + 91_000 }), 'timestamp');
  });

  it('refuses a signed shop that is not a myshopify.com domain, and repeated parameters', () => {
    const params = new URLSearchParams([
      ['code', 'abc'],
      ['shop', 'evil.example'],
      ['state', STATE],
      ['timestamp', String(TIMESTAMP)],
    ]);
    params.set('hmac', signOAuthParams(params, SECRET));
    rejects(() => verifyCallback(params, { secret: SECRET, state: STATE, now: NOW }), 'shop');
    rejects(() => verifyCallback(`${CALLBACK}&shop=evil.myshopify.com`, { secret: SECRET, state: STATE, now: NOW }), 'shop');
  });
});

describe('code exchange', () => {
  const request = { shop: 'some-shop.myshopify.com', code: 'the-code', clientId: 'client', clientSecret: 'client-secret' };

  it("POSTs the code with the app's credentials to the shop and returns the token and scopes", async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Response.json({ access_token: 'shpat_secret', scope: 'write_discounts,read_products' });
    }) as unknown as typeof globalThis.fetch;
    assert.deepEqual(await exchangeCode({ ...request, fetch }), {
      accessToken: 'shpat_secret',
      scopes: ['write_discounts', 'read_products'],
    });
    assert.equal(calls[0]!.url, 'https://some-shop.myshopify.com/admin/oauth/access_token');
    assert.equal(calls[0]!.init.method, 'POST');
    assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), { client_id: 'client', client_secret: 'client-secret', code: 'the-code' });
  });

  it('turns a refusal into an error that names no secret', async () => {
    const fetch = (async () =>
      Response.json({ error: 'invalid_request', echo: 'client-secret' }, { status: 400 })) as unknown as typeof globalThis.fetch;
    await assert.rejects(exchangeCode({ ...request, fetch }), (error: OAuthError) => {
      assert.equal(error.status, 400);
      assert.doesNotMatch(error.message, /client-secret|the-code/);
      return true;
    });
  });

  it('refuses an answer without a token, and never sends a code to another host', async () => {
    const empty = (async () => Response.json({ scope: 'read_products' })) as unknown as typeof globalThis.fetch;
    await assert.rejects(exchangeCode({ ...request, fetch: empty }), (error: OAuthError) => error.field === 'access_token');
    let called = false;
    const spy = (async () => ((called = true), Response.json({}))) as unknown as typeof globalThis.fetch;
    await assert.rejects(exchangeCode({ ...request, shop: 'evil.example', fetch: spy }), (error: OAuthError) => error.field === 'shop');
    assert.equal(called, false);
  });

  it('lists the scopes a grant lacks (write implies read)', () => {
    assert.deepEqual(missingScopes(['read_products', 'write_discounts', 'read_customers'], ['write_products', 'write_discounts']), [
      'read_customers',
    ]);
  });
});
