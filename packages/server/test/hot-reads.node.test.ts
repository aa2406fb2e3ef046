/**
 * A cached read the router answered is answered again, for an identical
 * request, before the router: the same bytes and headers, and never where the
 * router would have answered differently (another origin, a conditional
 * request, a malformed visitor id, a write in between, a changed shop).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReviewPage } from '@shopfront/core/schemas.js';
import { SHOPS_TAG } from '../src/shop-cache.js';
import { ALLOWED_ORIGIN, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const served = () => server.deps.hot.served;
/** The headers a client can compare: all but the clock's. */
const comparable = (response: Response) => [...response.headers].filter(([name]) => name !== 'date');

describe('hot reads', () => {
  it('answer a repeated read with the bytes and headers the router sent', async () => {
    for (const path of ['/products/prod-2/reviews?limit=5', '/products/prod-2/reviews/summary', '/faq']) {
      const first = await server.api(path);
      const firstBody = await first.text();
      const before = served();
      const again = await server.api(path);
      assert.equal(served(), before + 1, `${path}: answered before the router`);
      assert.equal(again.status, 200);
      assert.equal(await again.text(), firstBody);
      assert.deepEqual(comparable(again), comparable(first), path);
    }
  });

  it('keep the CORS headers of the origin they were made for, and refuse another origin as the router does', async () => {
    const path = '/products/prod-3/reviews/summary';
    await server.api(path, { headers: { origin: ALLOWED_ORIGIN } });
    const before = served();
    const allowed = await server.api(path, { headers: { origin: ALLOWED_ORIGIN } });
    assert.equal(served(), before + 1);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    const other = await server.api(path, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.status, 403);
    const plain = await server.api(path);
    assert.equal(plain.headers.get('access-control-allow-origin'), null, 'no CORS header for a request without an Origin');
  });

  it('leave conditional requests, HEAD and malformed visitor ids to the router', async () => {
    const path = '/products/prod-4/reviews/summary';
    const first = await server.api(path);
    const before = served();
    const conditional = await server.api(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
    assert.equal(conditional.status, 304);
    const head = await server.api(path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    const malformed = await server.api(path, { visitor: 'no spaces allowed' });
    assert.equal(malformed.status, 400);
    assert.equal(served(), before);
  });

  it('show a vote at once: the write drops the answer they replay', async () => {
    const path = '/products/prod-1/reviews?limit=3';
    const page = (await (await server.api(path)).json()) as ReviewPage;
    await server.api(path);
    const review = page.reviews[0]!;
    const vote = await server.api(`/reviews/${review.id}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"helpful":true}',
      visitor: await server.visitor(),
    });
    assert.equal(vote.status, 200);
    const after = (await (await server.api(path)).json()) as ReviewPage;
    assert.equal(after.reviews.find(({ id }) => id === review.id)!.helpfulCount, review.helpfulCount + 1);
    const before = served();
    await server.api(path);
    assert.equal(served(), before + 1, 'hot again once the router made the new answer');
  });

  it('forget everything when a shop config is applied (its origins may have changed)', async () => {
    const path = '/faq';
    await server.api(path);
    await server.api(path);
    assert.ok(server.deps.hot.size > 0);
    server.deps.hub.invalidate(SHOPS_TAG);
    assert.equal(server.deps.hot.size, 0);
  });
});
