import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { ReviewPage, ReviewSubmission, ReviewSummary } from '@shopfront/core/schemas.js';
import { PNG, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

async function allPages(query: string): Promise<ReviewPage['reviews']> {
  const reviews: ReviewPage['reviews'] = [];
  let cursor: string | null = null;
  do {
    const { status, body }: { status: number; body: ReviewPage } = await server.json<ReviewPage>(
      `/products/prod-1/reviews?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(status, 200);
    reviews.push(...ReviewPage.parse(body).reviews);
    cursor = body.nextCursor;
  } while (cursor);
  return reviews;
}

describe('review summary', () => {
  it('counts published reviews by rating', async () => {
    const { status, body } = await server.json('/products/prod-1/reviews/summary');
    assert.equal(status, 200);
    const summary = ReviewSummary.parse(body);
    assert.equal(summary.count, 25);
    assert.equal(
      Object.values(summary.histogram).reduce((a, b) => a + b, 0),
      25,
    );
    assert.ok(summary.average > 1 && summary.average < 5);
  });

  it('answers zeros for a product nobody reviewed', async () => {
    const { body } = await server.json('/products/unknown-product/reviews/summary');
    assert.deepEqual(body, { productId: 'unknown-product', average: 0, count: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
  });
});

describe('review summaries of many products', () => {
  it('answers in the order asked, once per product, with zeros for a product nobody reviewed', async () => {
    const { status, body, headers } = await server.json<{ summaries: ReviewSummary[] }>(
      '/reviews/summaries?ids=prod-2,prod-1,nobody,prod-2',
    );
    assert.equal(status, 200);
    assert.deepEqual(
      body.summaries.map((summary) => summary.productId),
      ['prod-2', 'prod-1', 'nobody'],
    );
    const one = (await server.json<ReviewSummary>('/products/prod-1/reviews/summary')).body;
    assert.deepEqual(body.summaries[1], one);
    assert.deepEqual(body.summaries[2], { productId: 'nobody', average: 0, count: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
    assert.match(headers.get('etag') ?? '', /^"/);
  });

  it('follows a newly published review', async () => {
    const before = (await server.json<{ summaries: ReviewSummary[] }>('/reviews/summaries?ids=prod-7')).body.summaries[0]!;
    const posted = await server.json('/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId: 'prod-7', rating: 5, title: 'Grid', body: 'Counts at once.', name: 'Ada' }),
    });
    assert.equal(posted.status, 201);
    const after = (await server.json<{ summaries: ReviewSummary[] }>('/reviews/summaries?ids=prod-7')).body.summaries[0]!;
    assert.equal(after.count, before.count + 1);
  });

  it('refuses no ids, or more than 50, naming `ids`', async () => {
    for (const query of ['', '?ids=', `?ids=${Array.from({ length: 51 }, (_, i) => `p${i}`).join(',')}`]) {
      const { status, body } = await server.json(`/reviews/summaries${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.error.field, 'ids');
    }
  });
});

describe('review list', () => {
  it('pages through every review once, newest first, with absolute photo URLs', async () => {
    const reviews = await allPages('sort=newest');
    assert.equal(reviews.length, 25);
    assert.equal(new Set(reviews.map((review) => review.id)).size, 25);
    const dates = reviews.map((review) => review.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const photo of reviews.flatMap((review) => review.photos)) assert.match(photo.url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
  });

  it('sorts by rating, helpfulness and photos', async () => {
    const highest = await allPages('sort=highest');
    assert.deepEqual(
      highest.map((r) => r.rating),
      [...highest.map((r) => r.rating)].sort((a, b) => b - a),
    );
    const lowest = await allPages('sort=lowest');
    assert.deepEqual(
      lowest.map((r) => r.rating),
      [...lowest.map((r) => r.rating)].sort((a, b) => a - b),
    );
    const helpful = await allPages('sort=helpful');
    assert.deepEqual(
      helpful.map((r) => r.helpfulCount),
      [...helpful.map((r) => r.helpfulCount)].sort((a, b) => b - a),
    );
    const media = await allPages('sort=media-first');
    const withPhotos = media.map((r) => r.photos.length > 0);
    assert.deepEqual(
      withPhotos,
      [...withPhotos].sort((a, b) => Number(b) - Number(a)),
    );
    assert.ok(withPhotos.includes(true), 'the demo data has photos');
    for (const list of [highest, lowest, helpful, media]) assert.equal(new Set(list.map((r) => r.id)).size, 25);
  });

  it('filters by rating and by photos', async () => {
    const fives = await allPages('rating=5');
    assert.ok(fives.length > 0 && fives.every((review) => review.rating === 5));
    const withMedia = await allPages('with_media=true');
    assert.ok(withMedia.length > 0 && withMedia.every((review) => review.photos.length > 0));
  });

  it('keeps the next page stable when reviews arrive in between', async () => {
    const first = await server.json<ReviewPage>('/products/prod-2/reviews?limit=5');
    for (let i = 0; i < 3; i++) {
      await server.api('/reviews', {
        method: 'POST',
        body: JSON.stringify({ productId: 'prod-2', rating: 5, title: `New ${i}`, body: 'Fresh review', name: 'Late Comer' }),
      });
    }
    const second = await server.json<ReviewPage>(`/products/prod-2/reviews?limit=5&cursor=${first.body.nextCursor}`);
    const seen = new Set(first.body.reviews.map((review) => review.id));
    assert.ok(
      second.body.reviews.every((review) => !seen.has(review.id)),
      'no review repeats',
    );
    assert.ok(
      second.body.reviews.every((review) => review.title.startsWith('New') === false),
      'new reviews do not push old ones into the next page',
    );
    assert.ok(second.body.reviews.every((review) => review.createdAt <= first.body.reviews.at(-1)!.createdAt));
  });

  for (const [query, field] of [
    ['sort=random', 'sort'],
    ['rating=6', 'rating'],
    ['rating=abc', 'rating'],
    ['with_media=maybe', 'with_media'],
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
  ] as const) {
    it(`answers 400 naming "${field}" for ${query}`, async () => {
      const { status, body } = await server.json(`/products/prod-1/reviews?${query}`);
      assert.equal(status, 400);
      assert.equal(body.error.field, field);
      assert.equal(typeof body.error.message, 'string');
    });
  }

  it('refuses a cursor made for another sort', async () => {
    const { body } = await server.json<ReviewPage>('/products/prod-1/reviews?sort=newest&limit=2');
    const { status, body: error } = await server.json(`/products/prod-1/reviews?sort=highest&cursor=${body.nextCursor}`);
    assert.equal(status, 400);
    assert.equal(error.error.field, 'cursor');
  });

  it('refuses a product id that is too long', async () => {
    const { status, body } = await server.json(`/products/${'x'.repeat(200)}/reviews`);
    assert.equal(status, 400);
    assert.equal(body.error.field, 'productId');
  });
});

describe('review submission', () => {
  it('publishes at once at or above the shop’s auto-publish rating', async () => {
    const { status, body } = await server.json('/reviews', {
      method: 'POST',
      body: JSON.stringify({ productId: 'prod-3', rating: 5, title: 'Great', body: 'Love this mug.', name: 'Ada' }),
    });
    assert.equal(status, 201);
    const submission = ReviewSubmission.parse(body);
    assert.equal(submission.status, 'published');
    const page = await server.json<ReviewPage>('/products/prod-3/reviews?limit=1');
    assert.equal(page.body.reviews[0]!.id, submission.review.id);
  });

  it('holds lower ratings for moderation', async () => {
    const { body } = await server.json('/reviews', {
      method: 'POST',
      body: JSON.stringify({ productId: 'prod-3', rating: 2, title: 'Meh', body: 'Chipped.', name: 'Bob' }),
    });
    assert.equal(body.status, 'pending');
    const page = await server.json<ReviewPage>('/products/prod-3/reviews?limit=50');
    assert.ok(!page.body.reviews.some((review) => review.id === body.review.id));
  });

  it('accepts up to five photos as multipart and serves them back', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ productId: 'prod-4', rating: '4', title: 'Cosy', body: 'Smells lovely.', name: 'Cleo' }))
      form.set(key, value);
    form.append('photos', new File([PNG], 'one.png', { type: 'image/png' }));
    form.append('photos', new File([PNG], 'two.png', { type: 'image/png' }));
    const response = await server.api('/reviews', { method: 'POST', body: form });
    assert.equal(response.status, 201);
    const { review } = ReviewSubmission.parse(await response.json());
    assert.equal(review.photos.length, 2);
    assert.deepEqual([review.photos[0]!.width, review.photos[0]!.height], [1, 1]);
    const photo = await fetch(review.photos[0]!.url);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/png');
    assert.equal(photo.headers.get('x-content-type-options'), 'nosniff');
    assert.match(photo.headers.get('content-security-policy') ?? '', /sandbox/);
    // Re-encoded (without metadata), so not the uploaded bytes: the same 1×1 PNG.
    const served = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    assert.deepEqual([served.format, served.width, served.height], ['png', 1, 1]);
  });

  it('refuses a sixth photo, a file that is not an image, and an oversized photo', async () => {
    const post = (photos: File[]) => {
      const form = new FormData();
      for (const [key, value] of Object.entries({ productId: 'prod-4', rating: '5', title: 'x', body: 'Body', name: 'N' }))
        form.set(key, value);
      for (const photo of photos) form.append('photos', photo);
      return server.json('/reviews', { method: 'POST', body: form });
    };
    const six = await post(Array.from({ length: 6 }, () => new File([PNG], 'p.png', { type: 'image/png' })));
    assert.equal(six.status, 400);
    assert.equal(six.body.error.field, 'photos');
    const fake = await post([new File(['<svg onload="alert(1)"/>'], 'x.png', { type: 'image/png' })]);
    assert.equal(fake.status, 400);
    assert.equal(fake.body.error.field, 'photos.0');
    const svg = await post([new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' })]);
    assert.equal(svg.status, 400);
    assert.equal(svg.body.error.field, 'photos.0');
    const huge = await post([new File([PNG, Buffer.alloc(8 * 1024 * 1024)], 'big.png', { type: 'image/png' })]);
    assert.equal(huge.status, 400);
    assert.equal(huge.body.error.field, 'photos.0');
  });

  for (const [draft, field] of [
    [{ productId: 'prod-1', rating: 0, title: '', body: 'b', name: 'n' }, 'rating'],
    [{ productId: 'prod-1', rating: 5, title: '', body: '', name: 'n' }, 'body'],
    [{ productId: 'prod-1', rating: 5, title: '', body: 'b', name: '' }, 'name'],
    [{ productId: 'prod-1', rating: 5, title: '', body: 'b', name: 'n', email: 'not-an-email' }, 'email'],
    [{ productId: 'prod-1', rating: 5, title: 'x'.repeat(151), body: 'b', name: 'n' }, 'title'],
    [{ rating: 5, title: '', body: 'b', name: 'n' }, 'productId'],
  ] as const) {
    it(`answers 400 naming "${field}" for a bad draft`, async () => {
      const { status, body } = await server.json('/reviews', { method: 'POST', body: JSON.stringify(draft) });
      assert.equal(status, 400);
      assert.equal(body.error.field, field);
    });
  }

  it('stores SQL-looking text verbatim', async () => {
    const nasty = {
      productId: "prod-5' OR '1'='1",
      rating: 5,
      title: "'; DROP TABLE reviews; --",
      body: 'Robert"); DELETE FROM reviews WHERE ("1"="1',
      name: "O'Brien /* */ UNION SELECT secret FROM shops --",
    };
    const { status, body } = await server.json('/reviews', { method: 'POST', body: JSON.stringify(nasty) });
    assert.equal(status, 201);
    const page = await server.json<ReviewPage>(`/products/${encodeURIComponent(nasty.productId)}/reviews`);
    assert.equal(page.body.reviews.length, 1);
    const stored = page.body.reviews[0]!;
    assert.equal(stored.id, body.review.id);
    assert.equal(stored.title, nasty.title);
    assert.equal(stored.body, nasty.body);
    assert.equal(stored.authorName, nasty.name);
    // The rest of the shop's reviews are all still there.
    assert.equal((await server.json('/products/prod-1/reviews/summary')).body.count, 25);
  });
});

describe('helpful votes', () => {
  const reviewId = 'demo-review-001';
  const count = async () =>
    (await server.json<ReviewPage>('/products/prod-1/reviews?limit=50')).body.reviews.find((review) => review.id === reviewId)!
      .helpfulCount;

  it('counts a visitor once; a repeat returns the unchanged count', async () => {
    const [one, two, three] = [await server.visitor(), await server.visitor(), await server.visitor()];
    const before = await count();
    const first = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: one });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { reviewId, helpfulCount: before + 1 });
    const again = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: one });
    assert.deepEqual(again.body, { reviewId, helpfulCount: before + 1 });
    const other = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: two });
    assert.equal(other.body.helpfulCount, before + 2);
    const notHelpful = await server.json(`/reviews/${reviewId}/votes`, {
      method: 'POST',
      body: '{"helpful":false}',
      visitor: three,
    });
    assert.equal(notHelpful.body.helpfulCount, before + 2);
  });

  it('needs a visitor id, a boolean, and a published review', async () => {
    const noVisitor = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: null });
    assert.equal(noVisitor.status, 400);
    assert.equal(noVisitor.body.error.field, 'visitor');
    const badVisitor = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: 'a b' });
    assert.equal(badVisitor.status, 400);
    assert.equal(badVisitor.body.error.field, 'visitor');
    // A well-formed id the server did not issue (round one's browsers made their own), or one signed for another shop.
    for (const madeUp of [randomUUID(), `sv_${'a'.repeat(32)}_${'b'.repeat(32)}`]) {
      const refused = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":true}', visitor: madeUp });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.field, 'visitor');
      assert.match(refused.body.error.message, /issued/);
    }
    const notBoolean = await server.json(`/reviews/${reviewId}/votes`, { method: 'POST', body: '{"helpful":"yes"}' });
    assert.equal(notBoolean.status, 400);
    assert.equal(notBoolean.body.error.field, 'helpful');
    const unknown = await server.json('/reviews/no-such-review/votes', { method: 'POST', body: '{"helpful":true}' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'reviewId');
  });
});
