import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Review, ReviewSort } from '@shopfront/core/schemas.js';
import { InvalidInputError, type ReviewCursor, type ReviewListQuery, type Storage } from '../../src/storage/index.js';
import { minutesApart, newShop, product, review, useStorage, type OpenStorage } from './fixtures.js';

const PHOTO = { url: '/media/photo.webp', alt: 'A photo', width: 800, height: 600 };

/** Every page of a list, following `next` to the end. */
async function allPages(storage: Storage, shopId: number, productId: string, query: Omit<ReviewListQuery, 'after'>) {
  const pages: Review[][] = [];
  let after: ReviewCursor | undefined;
  do {
    const page = await storage.reviews.list(shopId, productId, { ...query, after });
    pages.push(page.reviews);
    after = page.next ?? undefined;
    assert.ok(pages.length < 100, 'the pages end');
  } while (after);
  return pages;
}

export function reviewsContract(open: OpenStorage): void {
  describe('reviews', () => {
    const storage = useStorage(open);

    it('stores a review whole and gives it an id', async () => {
      const shop = await newShop(storage());
      const reply = { body: 'Thank you!', authorName: 'The shop', createdAt: '2024-05-02T09:00:00.000Z' };
      const [stored, seeded] = await storage().reviews.insert(shop.id, [
        review('p1', {
          photos: [PHOTO],
          language: 'fr',
          verifiedBuyer: true,
          reply,
          helpfulCount: 3,
          createdAt: '2024-05-01T10:00:00.000Z',
        }),
        review('p1', { id: 'seeded-review-1' }),
      ]);
      assert.ok(stored!.id);
      assert.equal(seeded!.id, 'seeded-review-1');
      assert.deepEqual(
        { ...stored, id: undefined },
        {
          id: undefined,
          productId: 'p1',
          rating: 5,
          title: 'Lovely',
          body: 'Would buy again.',
          authorName: 'Ada',
          verifiedBuyer: true,
          createdAt: '2024-05-01T10:00:00.000Z',
          helpfulCount: 3,
          photos: [PHOTO],
          reply,
          language: 'fr',
        },
      );
      assert.equal(seeded!.reply, null);
      assert.equal(seeded!.verifiedBuyer, false);
      assert.equal(seeded!.helpfulCount, 0);
    });

    it('summarises published reviews only', async () => {
      const shop = await newShop(storage());
      await storage().reviews.insert(shop.id, [
        review('p1', { rating: 5 }),
        review('p1', { rating: 4 }),
        review('p1', { rating: 4 }),
        review('p1', { rating: 1, status: 'pending' }),
        review('p1', { rating: 2, status: 'rejected' }),
        review('p2', { rating: 1 }),
      ]);
      assert.deepEqual(await storage().reviews.summary(shop.id, 'p1'), {
        productId: 'p1',
        average: 4.33,
        count: 3,
        histogram: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 },
      });
      assert.deepEqual(await storage().reviews.summary(shop.id, 'nothing'), {
        productId: 'nothing',
        average: 0,
        count: 0,
        histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      });
    });

    it('pages through every published review once, newest first', async () => {
      const shop = await newShop(storage());
      const times = minutesApart(7);
      await storage().reviews.insert(shop.id, [
        ...times.map((createdAt, index) => review('p1', { createdAt, title: `Review ${index}` })),
        review('p1', { status: 'pending', createdAt: times[6] }),
      ]);
      const pages = await allPages(storage(), shop.id, 'p1', { sort: 'newest', limit: 3 });
      assert.deepEqual(
        pages.map((page) => page.length),
        [3, 3, 1],
      );
      assert.deepEqual(
        pages.flat().map((item) => item.title),
        ['Review 6', 'Review 5', 'Review 4', 'Review 3', 'Review 2', 'Review 1', 'Review 0'],
      );
    });

    it('orders by each sort, newest first among equals', async () => {
      const shop = await newShop(storage());
      const [t0, t1, t2, t3] = minutesApart(4);
      await storage().reviews.insert(shop.id, [
        review('p1', { title: 'a', rating: 3, helpfulCount: 1, createdAt: t0 }),
        review('p1', { title: 'b', rating: 5, helpfulCount: 0, createdAt: t1, photos: [PHOTO] }),
        review('p1', { title: 'c', rating: 3, helpfulCount: 7, createdAt: t2 }),
        review('p1', { title: 'd', rating: 1, helpfulCount: 1, createdAt: t3 }),
      ]);
      const expected: Record<ReviewSort, string[]> = {
        newest: ['d', 'c', 'b', 'a'],
        highest: ['b', 'c', 'a', 'd'],
        lowest: ['d', 'c', 'a', 'b'],
        helpful: ['c', 'd', 'a', 'b'],
        'media-first': ['b', 'd', 'c', 'a'],
      };
      for (const [sort, titles] of Object.entries(expected) as Array<[ReviewSort, string[]]>) {
        for (const limit of [10, 1]) {
          const pages = await allPages(storage(), shop.id, 'p1', { sort, limit });
          assert.deepEqual(
            pages.flat().map((item) => item.title),
            titles,
            `${sort}, ${limit} a page`,
          );
        }
      }
    });

    it('neither repeats nor skips a review when many share every sort key', async () => {
      const shop = await newShop(storage());
      const createdAt = '2024-05-01T10:00:00.000Z';
      await storage().reviews.insert(
        shop.id,
        Array.from({ length: 10 }, (_, index) => review('p1', { createdAt, rating: 4, title: `Same ${index}` })),
      );
      for (const sort of ['newest', 'highest', 'helpful'] as const) {
        const titles = (await allPages(storage(), shop.id, 'p1', { sort, limit: 3 })).flat().map((item) => item.title);
        assert.equal(titles.length, 10, sort);
        assert.equal(new Set(titles).size, 10, sort);
      }
    });

    it('filters by rating and by photos', async () => {
      const shop = await newShop(storage());
      await storage().reviews.insert(shop.id, [
        review('p1', { rating: 5, photos: [PHOTO], title: 'five with photo' }),
        review('p1', { rating: 5, title: 'five' }),
        review('p1', { rating: 3, photos: [PHOTO], title: 'three with photo' }),
      ]);
      const titles = async (query: Partial<ReviewListQuery>) =>
        (await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 10, ...query })).reviews.map((item) => item.title).sort();
      assert.deepEqual(await titles({ rating: 5 }), ['five', 'five with photo']);
      assert.deepEqual(await titles({ withMedia: true }), ['five with photo', 'three with photo']);
      assert.deepEqual(await titles({ rating: 5, withMedia: true }), ['five with photo']);
    });

    it('refuses a cursor that belongs to another list', async () => {
      const shop = await newShop(storage());
      await storage().reviews.insert(shop.id, [review('p1'), review('p1')]);
      const { next } = await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 1 });
      assert.ok(next);
      const refused = (after: ReviewCursor) => (error: unknown) => {
        assert.ok(error instanceof InvalidInputError, `refused ${JSON.stringify(after)}`);
        assert.equal(error.field, 'cursor');
        return true;
      };
      for (const after of [next, { sort: 'newest', keys: [1, 2] }, { sort: 'newest', keys: ['x'] }] as ReviewCursor[]) {
        const sort = after === next ? 'highest' : 'newest';
        await assert.rejects(storage().reviews.list(shop.id, 'p1', { sort, limit: 1, after }), refused(after));
      }
    });

    it('keeps each shop to its own reviews', async () => {
      const shop = await newShop(storage());
      const other = await newShop(storage());
      const [theirs] = await storage().reviews.insert(other.id, [review('p1')]);
      assert.equal((await storage().reviews.summary(shop.id, 'p1')).count, 0);
      assert.deepEqual((await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 10 })).reviews, []);
      assert.equal(await storage().reviews.vote(shop.id, theirs!.id, 'visitor-1', true), undefined);
      assert.equal(await storage().reviews.moderationReview(shop.id, theirs!.id), undefined);
      assert.equal(await storage().reviews.setStatus(shop.id, theirs!.id, 'rejected'), undefined);
      assert.equal((await storage().reviews.moderationReview(other.id, theirs!.id))?.status, 'published');
    });

    it('counts a helpful vote once per visitor, even sent many times at once', async () => {
      const shop = await newShop(storage());
      const [stored] = await storage().reviews.insert(shop.id, [review('p1', { helpfulCount: 2 })]);
      const id = stored!.id;
      assert.equal(await storage().reviews.vote(shop.id, id, 'visitor-1', true), 3);
      assert.equal(await storage().reviews.vote(shop.id, id, 'visitor-1', true), 3);
      assert.equal(await storage().reviews.vote(shop.id, id, 'visitor-2', false), 3, 'a "not helpful" vote is not counted as helpful');
      assert.equal(await storage().reviews.vote(shop.id, id, 'visitor-2', true), 3, 'nor can it be changed into one');
      const same = await Promise.all(Array.from({ length: 10 }, () => storage().reviews.vote(shop.id, id, 'visitor-3', true)));
      assert.equal(Math.max(...same.map(Number)), 4);
      await Promise.all(Array.from({ length: 20 }, (_, index) => storage().reviews.vote(shop.id, id, `crowd-${index}`, true)));
      assert.equal((await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 1 })).reviews[0]?.helpfulCount, 24);
    });

    it('takes votes only on published reviews', async () => {
      const shop = await newShop(storage());
      const [pending] = await storage().reviews.insert(shop.id, [review('p1', { status: 'pending' })]);
      assert.equal(await storage().reviews.vote(shop.id, pending!.id, 'visitor-1', true), undefined);
      assert.equal(await storage().reviews.vote(shop.id, 'no-such-review', 'visitor-1', true), undefined);
    });

    it('lists reviews for moderation by status, newest first, with what the shop needs to judge them', async () => {
      const shop = await newShop(storage());
      await storage().catalogue.replaceProducts(shop.id, [product('p1', { title: 'Wool sweater' })]);
      const [t0, t1, t2] = minutesApart(3);
      await storage().reviews.insert(shop.id, [
        review('p1', { status: 'pending', createdAt: t0, title: 'older', email: 'ada@example.com', customerId: 'cust-1' }),
        review('p1', { status: 'pending', createdAt: t1, title: 'newer' }),
        review('gone', { status: 'pending', createdAt: t2, title: 'no product' }),
        review('p1', { status: 'published', createdAt: t2, title: 'published' }),
      ]);
      const pending = await storage().reviews.forModeration(shop.id, 'pending', 10);
      assert.deepEqual(
        pending.map((item) => item.title),
        ['no product', 'newer', 'older'],
      );
      const older = pending[2]!;
      assert.deepEqual(
        [older.status, older.email, older.customerId, older.productTitle],
        ['pending', 'ada@example.com', 'cust-1', 'Wool sweater'],
      );
      assert.equal(pending[0]!.productTitle, undefined);
      assert.equal(pending[1]!.email, undefined);
      assert.equal((await storage().reviews.forModeration(shop.id, 'pending', 1)).length, 1);
      assert.deepEqual(
        (await storage().reviews.forModeration(shop.id, 'published', 10)).map((item) => item.title),
        ['published'],
      );
      assert.deepEqual(await storage().reviews.moderationReview(shop.id, older.id), older);
    });

    it('publishes and rejects, saying what the status was before', async () => {
      const shop = await newShop(storage());
      const [stored] = await storage().reviews.insert(shop.id, [review('p1', { status: 'pending' })]);
      const published = await storage().reviews.setStatus(shop.id, stored!.id, 'published');
      assert.equal(published?.previous, 'pending');
      assert.equal(published?.review.status, 'published');
      assert.equal((await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 10 })).reviews.length, 1);
      const rejected = await storage().reviews.setStatus(shop.id, stored!.id, 'rejected');
      assert.equal(rejected?.previous, 'published');
      assert.equal((await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 10 })).reviews.length, 0);
      assert.equal(await storage().reviews.setStatus(shop.id, 'no-such-review', 'published'), undefined);
    });

    it('lets only one of several concurrent publishes see the review pending', async () => {
      const shop = await newShop(storage());
      const [stored] = await storage().reviews.insert(shop.id, [review('p1', { status: 'pending' })]);
      const results = await Promise.all(Array.from({ length: 8 }, () => storage().reviews.setStatus(shop.id, stored!.id, 'published')));
      assert.equal(results.filter((result) => result?.previous === 'pending').length, 1);
    });

    it("keeps the shop's reply, replacing an earlier one", async () => {
      const shop = await newShop(storage());
      const [stored] = await storage().reviews.insert(shop.id, [review('p1')]);
      const first = { body: 'Thanks!', authorName: 'Harbour', createdAt: '2024-05-03T08:00:00.000Z' };
      assert.deepEqual((await storage().reviews.reply(shop.id, stored!.id, first))?.reply, first);
      const second = { body: 'Thanks again.', createdAt: '2024-05-04T08:00:00.000Z' };
      assert.deepEqual((await storage().reviews.reply(shop.id, stored!.id, second))?.reply, second);
      assert.deepEqual((await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 1 })).reviews[0]?.reply, second);
      assert.equal(await storage().reviews.reply(shop.id, 'no-such-review', first), undefined);
    });

    it('exports and erases a customer’s reviews, by id or email in any case, whatever their status', async () => {
      const shop = await newShop(storage());
      const photo = { url: '/media/r/x/a.png', thumbnailUrl: '/media/r/x/a-thumb.webp' };
      const [byId, byEmail, theirs] = await storage().reviews.insert(shop.id, [
        review('p1', { customerId: 'cust-1', createdAt: '2024-05-01T10:00:00.000Z', photos: [photo] }),
        review('p2', { email: 'Ada@Example.com', status: 'pending', createdAt: '2024-05-02T10:00:00.000Z' }),
        review('p1', { customerId: 'cust-10', email: 'xada@example.com' }),
      ]);
      await storage().reviews.vote(shop.id, byId!.id, 'visitor-1', true);
      const ada = { customerId: 'cust-1', email: 'ada@example.com' };
      const exported = await storage().reviews.exportCustomer(shop.id, ada);
      assert.deepEqual(
        exported.map((found) => [found.id, found.status, found.photos]),
        [
          [byId!.id, 'published', [photo]],
          [byEmail!.id, 'pending', []],
        ],
      );
      assert.equal(exported[1]?.email, 'Ada@Example.com', 'as typed');

      const erased = await storage().reviews.eraseCustomer(shop.id, ada);
      assert.deepEqual(
        erased.map((gone) => [gone.id, gone.productId, gone.photos]).sort(),
        [
          [byId!.id, 'p1', [photo]],
          [byEmail!.id, 'p2', []],
        ].sort(),
      );
      assert.deepEqual(await storage().reviews.eraseCustomer(shop.id, ada), [], 'a repeat erases nothing');
      assert.deepEqual(await storage().reviews.exportCustomer(shop.id, ada), []);
      assert.equal(await storage().reviews.photoAccess(byId!.id), undefined);
      const left = await storage().reviews.list(shop.id, 'p1', { sort: 'newest', limit: 10 });
      assert.deepEqual(
        left.reviews.map((found) => found.id),
        [theirs!.id],
      );
      assert.equal((await storage().reviews.summary(shop.id, 'p1')).count, 1);
    });
  });
}
