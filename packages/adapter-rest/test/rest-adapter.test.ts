import { expect } from '@open-wc/testing';
import { AdapterError, configure, getRuntime, store } from '@shopfront/core';
import { resetSettings } from '@shopfront/core/settings.js';
import { RestAdapter } from '../src/index.js';
import '../src/register.js';
import { demoCustomer, restAdapter, signedCustomer, testServer } from '../../../test/helpers/server.js';

/** A 1×1 PNG. */
const png = () => {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new File([bytes], 'photo.png', { type: 'image/png' });
};

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

describe('RestAdapter against the reference server', () => {
  describe('reviews', () => {
    it('loads a summary and sorted, filtered pages that follow the cursor', async () => {
      const adapter = await restAdapter();
      const summary = await adapter.reviews.summary('prod-1');
      expect(summary.count).to.equal(25);
      const first = await adapter.reviews.list('prod-1', { sort: 'highest', limit: 10 });
      expect(first.reviews).to.have.length(10);
      expect(first.nextCursor).to.be.a('string');
      const second = await adapter.reviews.list('prod-1', { sort: 'highest', limit: 10, cursor: first.nextCursor! });
      const ids = new Set([...first.reviews, ...second.reviews].map((review) => review.id));
      expect(ids.size).to.equal(20);
      const withPhotos = await adapter.reviews.list('prod-1', { withMedia: true, limit: 50 });
      expect(withPhotos.reviews.every((review) => review.photos.length > 0)).to.equal(true);
      const fives = await adapter.reviews.list('prod-1', { rating: 5, limit: 50 });
      expect(fives.reviews.every((review) => review.rating === 5)).to.equal(true);
    });

    it('loads many summaries at once, in the order asked, 50 ids a request', async () => {
      const urls: URL[] = [];
      const adapter = await restAdapter({ fetch: (input, init) => (urls.push(new URL(String(input))), fetch(input, init)) });
      const ids = [...Array.from({ length: 12 }, (_, i) => `prod-${i + 1}`), ...Array.from({ length: 48 }, (_, i) => `none-${i}`)];
      const { summaries } = await adapter.reviews.summaries!(ids.toReversed());
      expect(summaries.map((summary) => summary.productId)).to.deep.equal(ids.toReversed());
      expect(summaries.at(-1)!.count).to.equal(25);
      expect(summaries[0]).to.deep.include({ average: 0, count: 0 });
      expect(
        urls.map((url) => url.pathname.endsWith('/reviews/summaries') && url.searchParams.get('ids')!.split(',').length),
      ).to.deep.equal([50, 10]);
    });

    it('submits a review with a photo, and the photo loads', async () => {
      const adapter = await restAdapter();
      const submission = await adapter.reviews.submit({
        productId: 'prod-2',
        rating: 5,
        title: 'Warm',
        body: 'Lovely hat.',
        name: 'Ada',
        photos: [png()],
      });
      expect(submission.status).to.equal('published');
      const image = new Image();
      image.src = submission.review.photos[0]!.url;
      await image.decode();
      expect(image.naturalWidth).to.equal(1);
    });

    it('counts a helpful vote once per visitor, with the id the server issued it', async () => {
      const adapter = await restAdapter();
      const first = await adapter.reviews.vote('demo-review-002', true);
      const again = await adapter.reviews.vote('demo-review-002', true);
      expect(again.helpfulCount).to.equal(first.helpfulCount);
      expect(await store.get('visitor-id')).to.match(/^sv_[0-9a-f]{32}_[0-9a-f]{32}$/);
    });

    it('refuses a vote from a visitor id the browser made up', async () => {
      const adapter = await restAdapter({ visitorId: async () => 'visitor-made-up-0001' });
      const error = await rejection(adapter.reviews.vote('demo-review-002', true));
      expect([error.kind, error.status, error.field]).to.deep.equal(['http', 403, 'visitor']);
    });

    it('turns a 400 into an http AdapterError naming the field', async () => {
      const adapter = await restAdapter();
      const error = await rejection(
        adapter.reviews.submit({ productId: 'prod-2', rating: 5, title: '', body: 'x', name: 'N', email: 'nope' }),
      );
      expect([error.kind, error.status, error.field]).to.deep.equal(['http', 400, 'email']);
    });

    it('turns a 404 into an http AdapterError', async () => {
      const adapter = await restAdapter();
      const error = await rejection(adapter.reviews.vote('no-such-review', true));
      expect([error.kind, error.status, error.field]).to.deep.equal(['http', 404, 'reviewId']);
    });
  });

  describe('loyalty', () => {
    it('is a guest without a signed customer', async () => {
      const adapter = await restAdapter();
      expect(await adapter.loyalty.member()).to.deep.equal({ status: 'guest' });
      const error = await rejection(adapter.loyalty.redeem('five-off'));
      expect(error.status).to.equal(401);
    });

    it('shows a signed customer their points, redeems, and lists history', async () => {
      const adapter = await restAdapter({ customer: await demoCustomer() });
      const member = await adapter.loyalty.member();
      expect(member.status).to.equal('member');
      const program = await adapter.loyalty.program();
      expect(program.tiers).to.have.length(3);
      expect((await adapter.loyalty.rewards()).rewards).to.have.length(5);
      const redemption = await adapter.loyalty.redeem('free-shipping');
      expect(redemption.code).to.match(/^SF-/);
      const { activity } = await adapter.loyalty.activity();
      expect(activity[0]).to.include({ kind: 'redeem', points: -300 });
    });

    it('keeps a birthday once: the same date again is fine, another is a 409, a day that does not exist a 400 naming it', async () => {
      const adapter = await restAdapter({ customer: await signedCustomer(`birthday-${Date.now()}`) });
      const nonsense = await rejection(adapter.loyalty.setBirthday!({ month: 2, day: 30 }));
      expect([nonsense.status, nonsense.field]).to.deep.equal([400, 'day']);
      const member = await adapter.loyalty.setBirthday!({ month: 3, day: 14 });
      expect(member.status === 'member' && member.birthday).to.deep.equal({ month: 3, day: 14 });
      expect((await adapter.loyalty.setBirthday!({ month: 3, day: 14 })).status).to.equal('member');
      const other = await rejection(adapter.loyalty.setBirthday!({ month: 4, day: 1 }));
      expect([other.status, other.field]).to.deep.equal([409, 'birthday']);
    });

    it('reports 409 when the points do not reach', async () => {
      const adapter = await restAdapter({ customer: await signedCustomer('poor-customer') });
      const error = await rejection(adapter.loyalty.redeem('twenty-off'));
      expect([error.status, error.field]).to.deep.equal([409, 'points']);
    });

    it('reports a forged signature as 401', async () => {
      const adapter = await restAdapter({
        customer: { id: 'demo-customer-1', signature: `${Math.floor(Date.now() / 1000)}.${'0'.repeat(64)}` },
      });
      const error = await rejection(adapter.loyalty.member());
      expect(error.status).to.equal(401);
    });
  });

  describe('FAQ and products', () => {
    it('loads every FAQ entry and searches', async () => {
      const adapter = await restAdapter();
      const faq = await adapter.faq.entries();
      expect(faq.entries.length).to.be.at.least(80);
      const again = await adapter.faq.entries();
      expect(again.version).to.equal(faq.version);
      const { hits } = await adapter.faq.search!('return');
      expect(hits.length).to.be.greaterThan(0);
    });

    it('hydrates products in the order asked', async () => {
      const adapter = await restAdapter();
      const { products } = await adapter.products.get(['prod-5', 'nope', 'prod-2']);
      expect(products.map((product) => product.id)).to.deep.equal(['prod-5', 'prod-2']);
      expect(products[0]!.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/products\//);
    });
  });

  describe('registration', () => {
    afterEach(() => resetSettings());

    it('is what configure({ endpoint, shop }) builds', async () => {
      const { endpoint, shop } = await testServer();
      configure({ endpoint, shop });
      const adapter = getRuntime().adapter;
      expect(adapter).to.be.instanceOf(RestAdapter);
      expect((await adapter!.reviews!.summary('prod-1')).count).to.equal(25);
    });

    it('sends the configured customer', async () => {
      const { endpoint, shop } = await testServer();
      configure({ endpoint, shop, customer: await demoCustomer() });
      expect((await getRuntime().adapter!.loyalty!.member()).status).to.equal('member');
    });
  });
});
