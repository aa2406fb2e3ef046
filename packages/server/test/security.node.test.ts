import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALLOWED_ORIGIN, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shopfront-config-'));
  const config = join(dir, 'shops.json');
  await writeFile(
    config,
    JSON.stringify({
      shops: [{ key: 'pk_other', secret: 'other-shop-secret-0123', name: 'Other shop', origins: ['https://other.example'] }],
    }),
  );
  server = await startTestServer({ shopConfigFile: config });
});
after(() => server.stop());

describe('CORS per shop', () => {
  const get = (origin: string | undefined, shop = 'pk_demo') =>
    server.api(`/faq?shop=${shop}`, { headers: origin === undefined ? {} : { origin } });

  it('echoes an allowed origin, with Vary: Origin', async () => {
    const response = await get(ALLOWED_ORIGIN);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  it('serves requests without an Origin (servers, same-origin GETs)', async () => {
    const response = await get(undefined);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  for (const origin of [
    'https://evil.example',
    'null',
    'https://evil-shop.example',
    'https://shop.example.evil.com',
    'https://evilshop.example',
    'http://shop.example',
    'https://shop.example:8443',
    'https://sub.shop.example',
    'https://shop.example/',
    'https://user@shop.example',
    'javascript:alert(1)',
    'https://other.example',
  ]) {
    it(`refuses ${origin} with 403 and no allow header`, async () => {
      const response = await get(origin);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.equal((await response.json()).error.field, 'origin');
    });
  }

  it('allows each shop only its own origins', async () => {
    assert.equal((await get('https://other.example', 'pk_other')).status, 200);
    assert.equal((await get(ALLOWED_ORIGIN, 'pk_other')).status, 403);
  });

  it('allows this server’s own origin', async () => {
    assert.equal((await get(server.url.replace('localhost', '127.0.0.1'))).status, 200);
  });

  it('answers an allowed preflight with the methods and headers, and refuses another', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/reviews?shop=pk_demo`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-shopfront-visitor' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /X-Shopfront-Visitor/);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    const refused = await preflight('https://evil-shop.example');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('refuses writes from another origin before doing anything', async () => {
    const response = await server.api('/reviews', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ productId: 'prod-9', rating: 5, title: '', body: 'spam', name: 'x' }),
    });
    assert.equal(response.status, 403);
    assert.equal(
      (await server.json('/products/prod-9/reviews?limit=50')).body.reviews.some((r: { body: string }) => r.body === 'spam'),
      false,
    );
  });
});

describe('shop and visitor identification', () => {
  it('needs a shop (400) that exists (404)', async () => {
    const missing = await fetch(`${server.url}/api/v1/faq`);
    assert.equal(missing.status, 400);
    assert.equal((await missing.json()).error.field, 'shop');
    const unknown = await fetch(`${server.url}/api/v1/faq?shop=pk_nope`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.field, 'shop');
  });

  it('refuses a malformed visitor id', async () => {
    for (const visitor of ['short', 'has space in it', 'x'.repeat(129), "'; DROP TABLE--"]) {
      const { status, body } = await server.json('/faq', { visitor });
      assert.deepEqual([status, body.error.field], [400, 'visitor']);
    }
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the visitor’s budget, and counts other visitors apart', async () => {
    const limited = await startTestServer({ rateLimits: { writesPerVisitor: 3, writesPerIp: 100, windowMs: 60_000 } });
    try {
      const visitor = await limited.visitor();
      const vote = (who: string) =>
        limited.json('/reviews/demo-review-001/votes', { method: 'POST', body: '{"helpful":true}', visitor: who });
      for (let i = 0; i < 3; i++) assert.equal((await vote(visitor)).status, 200);
      const refused = await vote(visitor);
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(typeof refused.body.error.message, 'string');
      assert.equal((await vote(await limited.visitor())).status, 200);
      // Reads are never limited.
      assert.equal((await limited.json('/faq', { visitor })).status, 200);
    } finally {
      await limited.stop();
    }
  });

  it('limits an IP address across visitors', async () => {
    const limited = await startTestServer({ rateLimits: { writesPerVisitor: 100, writesPerIp: 5, windowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await limited.json('/chat/conversations', { method: 'POST', body: '{}', visitor: randomUUID() })).status);
      }
      // The test server's own visitor id took one write: issuing ids counts too, so minting one per vote stays bounded.
      assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('limits every kind of write: reviews, messages, emails, redemptions', async () => {
    const limited = await startTestServer({ rateLimits: { writesPerVisitor: 1, writesPerIp: 100, windowMs: 60_000 } });
    try {
      const writes: Array<[string, string]> = [
        ['/reviews', JSON.stringify({ productId: 'p', rating: 5, title: '', body: 'b', name: 'n' })],
        ['/chat/email', JSON.stringify({ email: 'a@b.co' })],
        ['/loyalty/rewards/five-off/redeem', ''],
      ];
      for (const [path, body] of writes) {
        const visitor = randomUUID();
        await limited.json(path, { method: 'POST', body, visitor });
        assert.equal((await limited.json(path, { method: 'POST', body, visitor })).status, 429, path);
      }
    } finally {
      await limited.stop();
    }
  });
});

describe('bad input never becomes a 5xx', () => {
  it('answers unknown routes with 404 JSON', async () => {
    for (const path of ['/api/v1/nope', '/api/v1/reviews/x/y/z?shop=pk_demo', '/api/v2/faq', '/nothing-here']) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(typeof (await response.json()).error.message, 'string');
    }
  });

  it('answers 413 for an oversized body', async () => {
    const { status, body } = await server.json('/chat/email', {
      method: 'POST',
      body: JSON.stringify({ email: 'a@b.co', message: 'x'.repeat(70_000) }),
    });
    assert.deepEqual([status, body.error.field], [413, 'body']);
  });

  it('answers 400 for malformed JSON and 415 for another type', async () => {
    const malformed = await server.json('/chat/conversations', { method: 'POST', body: '{"name":' });
    assert.deepEqual([malformed.status, malformed.body.error.field], [400, 'body']);
    const text = await server.json('/chat/conversations', { method: 'POST', body: 'name=x', headers: { 'content-type': 'text/plain' } });
    assert.deepEqual([text.status, text.body.error.field], [415, 'body']);
    const wrongShape = await server.json('/chat/conversations', { method: 'POST', body: '[1,2]' });
    assert.equal(wrongShape.status, 400);
  });

  it('survives hostile paths, queries and bodies without a stack trace', async () => {
    const conversation = (await server.json('/chat/conversations', { method: 'POST', body: '{}' })).body.id;
    const probes: Array<[string, string, string?]> = [
      ['GET', '/api/v1/products/%E0%A4%A/reviews?shop=pk_demo'],
      ['GET', '/api/v1/products?shop=pk_demo&ids=%ZZ'],
      ['GET', '/api/v1/products?shop=pk_demo&ids=' + ',a'.repeat(300)],
      ['GET', "/api/v1/products?shop=pk_demo&ids=1' OR '1'='1"],
      ['GET', '/api/v1/faq/search?shop=pk_demo&q=' + 'x'.repeat(300)],
      ['GET', '/api/v1/faq/search?shop=pk_demo'],
      ['GET', "/api/v1/products/1'%3B%20DROP%20TABLE%20reviews%3B--/reviews/summary?shop=pk_demo"],
      ['GET', `/api/v1/chat/conversations/${conversation}/messages?shop=pk_demo&after=1e999`],
      ['GET', `/api/v1/chat/conversations/${conversation}/messages?shop=pk_demo&after=99999999999999999999`],
      ['POST', '/api/v1/reviews?shop=pk_demo', '{"productId":{"$gt":""},"rating":"5"}'],
      ['POST', '/api/v1/reviews?shop=pk_demo', 'null'],
      ['POST', '/api/v1/reviews?shop=pk_demo', '"string"'],
      ['POST', `/api/v1/chat/conversations/${conversation}/messages?shop=pk_demo`, '{"clientId":null}'],
      ['POST', '/api/v1/reviews/demo-review-001/votes?shop=pk_demo', '{"helpful":{"__proto__":{"x":1}}}'],
      ['POST', '/api/v1/admin/loyalty/points?shop=pk_demo', '{}'],
      ['POST', '/api/v1/loyalty/rewards/%00/redeem?shop=pk_demo', ''],
      ['GET', '/api/v1/faq?shop=' + encodeURIComponent("pk_demo' OR 1=1 --")],
      ['GET', '/api/v1/faq?shop=pk_demo&shop=pk_other'],
    ];
    for (const [method, path, body] of probes) {
      const response = await fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json', 'x-shopfront-visitor': randomUUID() },
        body: method === 'GET' ? undefined : (body ?? ''),
      });
      const text = await response.text();
      assert.ok(response.status < 500, `${method} ${path} answered ${response.status}: ${text}`);
      assert.doesNotMatch(text, /at \w+ \(|node_modules|\.ts:\d+/, `${path} leaked a stack trace`);
    }
    const forms = new FormData();
    forms.set('rating', 'NaN');
    const multipart = await server.api('/reviews', { method: 'POST', body: forms });
    assert.equal(multipart.status, 400);
    const broken = await server.api('/reviews', {
      method: 'POST',
      body: '--x\r\nbroken',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    assert.equal(broken.status, 400);
  });

  it('sets nosniff and a locked-down CSP on API responses', async () => {
    const response = await server.api('/faq');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });
});

describe('FAQ and products', () => {
  it('serves the FAQ with an ETag and answers 304 to a matching If-None-Match', async () => {
    const first = await server.api('/faq');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const body = await first.json();
    assert.ok(body.entries.length >= 80);
    assert.ok(new Set(body.entries.map((entry: { category: string }) => entry.category)).size >= 8);
    const again = await server.api('/faq', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const stale = await server.api('/faq', { headers: { 'if-none-match': '"faq-0.0"' } });
    assert.equal(stale.status, 200);
  });

  it('searches the FAQ', async () => {
    const { status, body } = await server.json('/faq/search?q=' + encodeURIComponent('return policy'));
    assert.equal(status, 200);
    assert.equal(body.hits[0].id, 'what-is-your-return-policy');
    assert.deepEqual((await server.json('/faq/search?q=zzzzqqq')).body, { hits: [] });
  });

  it('returns products by id in the order asked, leaving unknown ids out', async () => {
    const { body } = await server.json('/products?ids=prod-3,unknown,prod-1');
    assert.deepEqual(
      body.products.map((product: { id: string }) => product.id),
      ['prod-3', 'prod-1'],
    );
    assert.match(body.products[0].url, /^http:\/\/127\.0\.0\.1:\d+\/products\/driftwood-mug$/);
    assert.match(body.products[0].image.url, /^http:\/\/127\.0\.0\.1:\d+\/media\/demo\/products\/driftwood-mug\.svg$/);
    const missing = await server.json('/products');
    assert.deepEqual([missing.status, missing.body.error.field], [400, 'ids']);
  });
});
