import { expect, html } from '@open-wc/testing';
import { AdapterError, MemoryAdapter, store } from '@shopfront/core';
import { captureWarnings, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReview } from '../../../test/helpers/sample-data.js';
import { $, $$, button, daysAgo, mountFeed, reviewsShown, seeded, shown, titles } from './helpers.js';

const jsonLd = (el: Element) => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');

describe('<sf-review-feed>', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  describe('states', () => {
    it('shows a skeleton that takes the final space while loading', async () => {
      const adapter = seeded();
      adapter.pause();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter, {}, false);
      expect($(el, '.skeleton')).to.be.instanceOf(Element);
      expect($(el, '[role=status]')!.textContent).to.equal('Loading…');
      expect($(el, '.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      expect($$(el, '.skeleton .review')).to.have.length(5);
      const skeletonSummary = $(el, '.skeleton .summary')!.getBoundingClientRect().height;
      const skeletonHeight = el.getBoundingClientRect().height;
      expect(skeletonHeight).to.be.greaterThan(400);

      adapter.resume();
      await until(() => reviewsShown(el).length === 5, 'the reviews');
      expect($(el, '.summary')!.getBoundingClientRect().height).to.equal(skeletonSummary);
      // The placeholders have the shape of typical reviews: the page moves little if at all.
      expect(Math.abs(el.getBoundingClientRect().height - skeletonHeight) / skeletonHeight).to.be.lessThan(0.1);
    });

    it('keeps the space the shop reserved with --sf-review-feed-reserved-block-size', async () => {
      const adapter = seeded();
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1" style="--sf-review-feed-reserved-block-size: 1500px"></sf-review-feed>`,
        adapter,
      );
      expect(el.getBoundingClientRect().height).to.equal(1500);
    });

    it('invites the first review when there are none, with a slot for the shop', async () => {
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-2"><h3 slot="header">What people say</h3></sf-review-feed>`,
        seeded(),
      );
      expect(shown(el)).to.contain('No reviews yet. Be the first to review this product!');
      expect(button(el, 'Write a review')).to.be.instanceOf(Element);
      expect($(el, '.summary')).to.equal(null);
      expect($<HTMLSlotElement>(el, 'slot[name=header]')!.assignedElements()[0]!.textContent).to.equal('What people say');

      const custom = await mountFeed(
        html`<sf-review-feed product-id="prod-2"><p slot="empty">Tell us what you think!</p></sf-review-feed>`,
        seeded(),
      );
      expect($<HTMLSlotElement>(custom, 'slot[name=empty]')!.assignedElements()[0]!.textContent).to.equal('Tell us what you think!');
    });

    it('shows the error state with a retry that recovers', async () => {
      const adapter = seeded();
      adapter.failNext('reviews.summary', new AdapterError('http', 'down', { status: 500 }));
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      expect($(el, '[role=alert]')!.textContent).to.contain('Something went wrong on our side');
      expect(reviewsShown(el)).to.have.length(0);
      button(el, 'Try again')!.click();
      await until(() => reviewsShown(el).length === 5, 'the reviews after retrying');
      expect($(el, '[role=alert]')).to.equal(null);
    });

    for (const [method, payload] of [
      ['reviews.summary', { productId: 'prod-1', average: 'great', count: 3 }],
      ['reviews.summary', null],
      ['reviews.list', { reviews: 'none', nextCursor: null }],
      ['reviews.list', { reviews: [{ ...sampleReview(), rating: 9 }], nextCursor: null }],
      ['reviews.list', '<html>502 Bad Gateway</html>'],
    ] as const) {
      it(`shows the error state, never a blank, for a bad ${method} payload (${JSON.stringify(payload).slice(0, 40)})`, async () => {
        const adapter = seeded();
        adapter.respondNext(method, payload);
        const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
        await until(() => $(el, '[role=alert]'), 'the error state');
        expect($(el, '[role=alert]')!.textContent).to.contain("We received something we didn't understand");
        expect(button(el, 'Try again')).to.be.instanceOf(Element);
      });
    }

    it('offline, shows the saved summary and first page with a notice', async () => {
      const online = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      await until(async () => (await store.get('cache:review-page:prod-1:newest:0:false:5')) !== undefined, 'the saved first page');
      await until(async () => (await store.get('cache:review-summary:prod-1')) !== undefined, 'the saved summary');
      const before = titles(online);
      unmountAll();

      const adapter = seeded();
      adapter.offline = true;
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      await until(() => $(el, '[part=notice]'), 'the offline notice');
      expect($(el, '[part=notice]')!.textContent!.trim()).to.equal("You're offline. Showing what was saved earlier.");
      expect(titles(el)).to.deep.equal(before);
      expect($(el, '.average')!.textContent).to.equal('3.9');

      adapter.offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !$(el, '[part=notice]'), 'the notice gone once back online');
    });

    it('renders nothing, with one warning, when the backend has no reviews', async () => {
      const warnings = await captureWarnings(async () => {
        const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, new MemoryAdapter({}), {}, false);
        await until(() => !$(el, '.skeleton'), 'the skeleton gone');
        expect(shown(el)).to.equal('');
      });
      expect(warnings.filter((warning) => warning.includes('reviews'))).to.have.length(1);
    });
  });

  describe('untrusted data', () => {
    const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

    it('renders XSS strings in every text field as text', async () => {
      const review = sampleReview({
        title: xss,
        body: xss,
        authorName: xss,
        language: 'x" onerror="window.__xss=3',
        photos: [{ url: 'https://cdn.example.com/a.jpg', alt: xss }],
        reply: { body: xss, authorName: xss, createdAt: daysAgo(1) },
      });
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1" product-title=${xss}></sf-review-feed>`,
        seeded([review, sampleReview({ id: 'other', title: xss })]),
      );
      await until(() => jsonLd(el), 'the snippet');
      const card = reviewsShown(el).find((candidate) => candidate.dataset.id === 'review-1')!;
      expect(card.querySelector('h3')!.textContent).to.equal(xss);
      expect(card.querySelector('.body')!.textContent).to.equal(xss);
      expect(card.querySelector('.author')!.textContent).to.equal(xss);
      expect(card.querySelector('[part=reply] .body')!.textContent).to.equal(xss);
      expect(card.querySelector('[part=reply] .from')!.textContent).to.equal(`Reply from ${xss}`);
      expect(card.querySelector('img[part=photo]')!.getAttribute('alt')).to.equal(xss);
      expect(el.shadowRoot!.querySelectorAll('script, img[src=x]')).to.have.length(0);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      // The snippet cannot close its script element, and says exactly what the data says.
      const script = jsonLd(el)!;
      expect(script.textContent).not.to.contain('<');
      expect(JSON.parse(script.textContent!).review[0].reviewBody).to.equal(xss);
      expect(el.querySelectorAll('script')).to.have.length(1);
    });

    it('drops javascript: and other non-http(s) photo URLs', async () => {
      const review = sampleReview({
        photos: [
          { url: 'javascript:alert(1)' },
          { url: 'https://cdn.example.com/ok.jpg', thumbnailUrl: 'javascript:alert(2)' },
          { url: 'data:image/svg+xml,<svg onload=alert(3)>' },
          { url: 'https://cdn.example.com/good.jpg', thumbnailUrl: 'https://cdn.example.com/good-small.jpg' },
        ],
      });
      let el!: HTMLElement;
      const warnings = await captureWarnings(async () => {
        el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded([review]));
      });
      expect(warnings.filter((warning) => warning.includes('skipped item'))).to.have.length(3);
      expect($$<HTMLImageElement>(el, 'img[part=photo]').map((img) => img.getAttribute('src'))).to.deep.equal([
        'https://cdn.example.com/good-small.jpg',
      ]);
      expect(el.shadowRoot!.innerHTML).not.to.match(/javascript:|data:image/);
      expect(reviewsShown(el)).to.have.length(1);
    });
  });
});
