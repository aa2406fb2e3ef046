/**
 * Reads that many shoppers make are kept serialised until a write changes them,
 * and answer with an ETag and Cache-Control: a 304 for a copy still current, and
 * never a stale answer after a vote, a new published review or a moderation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReviewPage, ReviewSummary } from '@shopfront/core/schemas.js';
import { EVERY_TAG, ReadCache } from '../src/read-cache.js';
import { startTestServer, type TestServer } from './helpers.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ReadCache', () => {
  it('drops every answer of a tag when it is written to', () => {
    const cache = new ReadCache();
    cache.set('reviews:1', '/a', { body: bytes('a'), etag: '"a"' }, cache.version('reviews:1'));
    cache.set('reviews:2', '/b', { body: bytes('b'), etag: '"b"' }, cache.version('reviews:2'));
    cache.invalidate('reviews:1');
    assert.equal(cache.get('reviews:1', '/a'), undefined);
    assert.deepEqual(cache.get('reviews:2', '/b'), { body: bytes('b'), etag: '"b"' });
  });

  it('does not keep an answer read before a write that landed while it was made', () => {
    const cache = new ReadCache();
    const version = cache.version('faq:1');
    cache.invalidate('faq:1'); // the write, while the read was in the database
    cache.set('faq:1', '/faq', { body: bytes('old'), etag: '"old"' }, version);
    assert.equal(cache.get('faq:1', '/faq'), undefined);
  });

  it('drops everything, and what was being read, when every tag is invalidated', () => {
    const cache = new ReadCache();
    cache.set('reviews:1', '/a', { body: bytes('a'), etag: '"a"' }, cache.version('reviews:1'));
    const reading = cache.version('faq:1');
    cache.invalidate(EVERY_TAG);
    assert.equal(cache.get('reviews:1', '/a'), undefined);
    assert.equal(cache.size, 0);
    cache.set('faq:1', '/faq', { body: bytes('old'), etag: '"old"' }, reading);
    assert.equal(cache.get('faq:1', '/faq'), undefined);
    cache.set('faq:1', '/faq', { body: bytes('new'), etag: '"new"' }, cache.version('faq:1'));
    assert.ok(cache.get('faq:1', '/faq'));
  });

  it('holds at most its limit, dropping the tag used longest ago', () => {
    const cache = new ReadCache(3);
    for (const tag of ['t1', 't2', 't3']) cache.set(tag, '/', { body: bytes(tag), etag: tag }, 0);
    cache.get('t1', '/'); // t2 is now the coldest
    cache.set('t4', '/', { body: bytes('t4'), etag: 't4' }, 0);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('t2', '/'), undefined);
    assert.ok(cache.get('t1', '/') && cache.get('t3', '/') && cache.get('t4', '/'));
  });
});

describe('cached reads', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  const page = '/products/prod-1/reviews?limit=50';

  it('answer with an ETag and Cache-Control, and 304 to a copy still current', async () => {
    for (const path of [page, '/products/prod-1/reviews/summary', '/faq']) {
      const first = await server.api(path);
      assert.equal(first.status, 200, path);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[\w-]{27}"$/, path);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=0, s-maxage=60');
      assert.equal(first.headers.get('cdn-cache-control'), 'public, max-age=60, stale-while-revalidate=300');
      const again = await server.api(path, { headers: { 'if-none-match': `W/"other", ${etag}` } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      const changed = await server.api(path, { headers: { 'if-none-match': '"something-else"' } });
      assert.equal(changed.status, 200);
      assert.equal(await changed.text(), await first.text());
    }
  });

  it('change after a vote, so a shopper never sees the old count', async () => {
    const before = await server.json<ReviewPage>(page);
    const review = before.body.reviews[0]!;
    const vote = await server.json(`/reviews/${review.id}/votes`, {
      method: 'POST',
      body: '{"helpful":true}',
      visitor: await server.visitor(),
    });
    assert.equal(vote.status, 200);
    const after = await server.api(page, { headers: { 'if-none-match': before.headers.get('etag')! } });
    assert.equal(after.status, 200);
    const body = (await after.json()) as ReviewPage;
    assert.equal(body.reviews.find(({ id }) => id === review.id)!.helpfulCount, review.helpfulCount + 1);
  });

  it('change when a review is published, in the page and the summary', async () => {
    const summary = await server.json<ReviewSummary>('/products/prod-1/reviews/summary');
    const posted = await server.json('/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId: 'prod-1', rating: 5, title: 'Cached?', body: 'Shown at once.', name: 'Ada' }),
    });
    assert.equal(posted.status, 201);
    assert.equal(posted.body.status, 'published');
    const fresh = await server.json<ReviewSummary>('/products/prod-1/reviews/summary');
    assert.equal(fresh.body.count, summary.body.count + 1);
    assert.notEqual(fresh.headers.get('etag'), summary.headers.get('etag'));
    const newest = await server.json<ReviewPage>('/products/prod-1/reviews?sort=newest&limit=1');
    assert.equal(newest.body.reviews[0]!.title, 'Cached?');
  });

  it('are kept apart by base URL, since answers carry absolute photo URLs', async () => {
    // Behind one trusted proxy, the host the shopper asked for names the photos.
    const proxied = await startTestServer({ trustProxy: 1 });
    try {
      const path = '/products/prod-1/reviews?with_media=true';
      const photoOf = async (headers: Record<string, string>) =>
        ((await (await proxied.api(path, { headers })).json()) as ReviewPage).reviews[0]!.photos[0]!.url;
      assert.ok((await photoOf({})).startsWith(proxied.url));
      assert.ok(
        (await photoOf({ 'x-forwarded-host': 'reviews.example', 'x-forwarded-proto': 'https' })).startsWith('https://reviews.example/'),
      );
      assert.ok((await photoOf({})).startsWith(proxied.url));
    } finally {
      await proxied.stop();
    }
  });
});
