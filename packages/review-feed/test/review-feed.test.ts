import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, MemoryAdapter, store, type ReviewSummary } from '@shopfront/core';
import { captureWarnings, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReview, sampleReviews } from '../../../test/helpers/sample-data.js';
import type { SfReviewFilterEvent } from '../src/events.js';
import type { SfReviewVoteEvent } from '../src/vote-event.js';
import { starValue } from '../src/stars.js';
import { $, $$, button, daysAgo, mountFeed, record, reviewsShown, seeded, shown, titles } from './helpers.js';

const summaryOf = (average: number): ReviewSummary => ({
  productId: 'prod-1',
  average,
  count: 10,
  histogram: { 1: 0, 2: 0, 3: 1, 4: 4, 5: 5 },
});
/** The summary's stars: how many are full, and the fill of the partly filled one. */
function summaryStars(el: Element) {
  const stars = $$(el, '.summary .stars .star');
  const partial = stars.find((star) => star.style.getPropertyValue('--_fill'));
  return { full: stars.filter((star) => star.classList.contains('on')).length, partial: partial?.style.getPropertyValue('--_fill') };
}
const lastList = (adapter: MemoryAdapter) =>
  adapter.calls.filter((call) => call.method === 'reviews.list').at(-1)!.args[1] as Record<string, unknown>;
const jsonLd = (el: Element) => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');

describe('<sf-review-feed>', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  describe('summary', () => {
    it('shows the average to one decimal, the review count and stars', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      expect($(el, '.average')!.textContent).to.equal('3.9');
      expect($(el, '.count')!.textContent).to.equal('Based on 12 reviews');
      expect($(el, '.summary [role=img]')!.getAttribute('aria-label')).to.equal('Rated 3.9 out of 5');
      expect(summaryStars(el)).to.deep.equal({ full: 4, partial: undefined });
    });

    it('rounds the stars to half stars: 4.26–4.75 shows a half star, 4.76 a full one', async () => {
      expect([4.25, 4.26, 4.5, 4.75, 4.76, 0, 5].map((average) => starValue(average))).to.deep.equal([4, 4.5, 4.5, 4.5, 5, 0, 5]);
      for (const [average, expected] of [
        [4.25, { full: 4, partial: undefined }],
        [4.26, { full: 4, partial: '50%' }],
        [4.75, { full: 4, partial: '50%' }],
        [4.76, { full: 5, partial: undefined }],
      ] as const) {
        const adapter = seeded();
        adapter.respondNext('reviews.summary', summaryOf(average));
        const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
        expect(summaryStars(el), `average ${average}`).to.deep.equal(expected);
        unmountAll();
        await store.clear();
      }
    });

    it('fills the stars to the exact average with star-fill="precise"', async () => {
      const adapter = seeded();
      adapter.respondNext('reviews.summary', summaryOf(4.26));
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" star-fill="precise"></sf-review-feed>`, adapter);
      expect(summaryStars(el).full).to.equal(4);
      expect(parseFloat(summaryStars(el).partial!)).to.be.closeTo(26, 0.01);
    });

    it('shows a 5 to 1 histogram with the count of each rating', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      expect($$(el, '.bar').map((bar) => bar.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        '5 stars: 5 reviews 5 5',
        '4 stars: 4 reviews 4 4',
        '3 stars: 1 review 3 1',
        '2 stars: 1 review 2 1',
        '1 star: 1 review 1 1',
      ]);
      // Assistive technology reads the sentence only.
      expect($$(el, '.bar > [aria-hidden=true]')).to.have.length(10);
      const fill = $$(el, '.bar .fill').map((bar) => bar.style.inlineSize);
      expect(parseFloat(fill[0]!)).to.be.closeTo((5 / 12) * 100, 0.01);
    });

    it('filters the list when a histogram bar is clicked, and shows all again on a second click', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const events = record<SfReviewFilterEvent>(el, 'sf-review-filter');
      $$(el, '.bar')[1]!.click();
      await until(() => reviewsShown(el).length === 4 && !$(el, '.list[aria-busy=true]'), 'the 4-star reviews');
      expect(lastList(adapter).rating).to.equal(4);
      expect(reviewsShown(el).map((review) => review.querySelector('[role=img]')!.getAttribute('aria-label'))).to.deep.equal(
        Array(4).fill('Rated 4 out of 5'),
      );
      expect($$(el, '.bar')[1]!.getAttribute('aria-pressed')).to.equal('true');
      expect(events.map((event) => [event.sort, event.rating, event.withPhotos])).to.deep.equal([['newest', 4, false]]);

      button(el, 'Show all reviews')!.click();
      await until(() => reviewsShown(el).length === 5 && !$(el, '.list[aria-busy=true]'), 'every review again');
      expect(lastList(adapter).rating).to.equal(undefined);
      expect(events.at(-1)!.rating).to.equal(undefined);
    });

    it('filters by rating from the keyboard', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      $$(el, '.bar')[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => lastList(adapter).rating === 5, 'the 5-star reviews requested');
      await until(() => reviewsShown(el).length === 5 && titles(el)[1] === 'Review number 3', 'the 5-star reviews');
      expect($$(el, '.bar')[0]!.getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'Space' });
      await until(() => $$(el, '.bar')[0]!.getAttribute('aria-pressed') === 'false', 'the filter cleared');
      await until(() => lastList(adapter).rating === undefined, 'every rating requested');
      await until(() => reviewsShown(el).length === 5 && titles(el)[1] === 'Review number 2', 'every review again');
    });
  });

  describe('list', () => {
    it('shows the first page of reviews, newest first, with a Load more button', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      expect(titles(el)).to.deep.equal(['Review number 1', 'Review number 2', 'Review number 3', 'Review number 4', 'Review number 5']);
      expect(lastList(adapter)).to.deep.equal({ sort: 'newest', limit: 5 });
      expect(button(el, 'Load more reviews')).to.be.instanceOf(Element);
    });

    it('sorts by the chosen order', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const events = record<SfReviewFilterEvent>(el, 'sf-review-filter');
      const select = $<HTMLSelectElement>(el, 'select')!;
      expect([...select.options].map((option) => option.textContent)).to.deep.equal([
        'Newest',
        'Highest rating',
        'Lowest rating',
        'Most helpful',
        'With photos first',
      ]);
      select.value = 'lowest';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => titles(el)[0] === 'Review number 9', 'the lowest rating first');
      expect(lastList(adapter).sort).to.equal('lowest');
      expect(events.map((event) => event.sort)).to.deep.equal(['lowest']);
    });

    it('sorts from the keyboard', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      $<HTMLSelectElement>(el, 'select')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => lastList(adapter).sort === 'highest', 'the highest rating first');
      await until(() => !$(el, '.list[aria-busy=true]') && titles(el)[0] === 'Review number 1', 'the sorted list');
    });

    it('shows only reviews with photos when asked', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      $<HTMLInputElement>(el, 'input[type=checkbox]')!.click();
      await until(() => reviewsShown(el).length === 3 && !$(el, '.list[aria-busy=true]'), 'the reviews with photos');
      expect(lastList(adapter).withMedia).to.equal(true);
      expect(reviewsShown(el).every((review) => review.querySelector('img[part=photo]'))).to.equal(true);
    });

    it('loads more reviews with the cursor and moves focus to the first new one', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      button(el, 'Load more reviews')!.click();
      await until(() => reviewsShown(el).length === 10, 'the second page');
      expect(lastList(adapter)).to.deep.equal({ sort: 'newest', limit: 5, cursor: '5' });
      await until(() => el.shadowRoot!.activeElement === reviewsShown(el)[5], 'focus on the first new review');
      button(el, 'Load more reviews')!.click();
      await until(() => reviewsShown(el).length === 12, 'the last page');
      expect(button(el, 'Load more reviews')).to.equal(undefined);
      expect(new Set(titles(el)).size).to.equal(12);
    });

    it('loads more reviews from the keyboard', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      button(el, 'Load more reviews')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => reviewsShown(el).length === 10, 'the second page');
    });

    it('keeps the shown reviews and offers a retry when the next page fails to load', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      adapter.failNext('reviews.list', new AdapterError('http', 'down', { status: 503 }));
      button(el, 'Load more reviews')!.click();
      await until(() => $(el, '.sf-error[role=alert]'), 'the error');
      expect(shown(el)).to.contain('Something went wrong on our side');
      expect(reviewsShown(el)).to.have.length(5);
      button(el, 'Load more reviews')!.click();
      await until(() => reviewsShown(el).length === 10, 'the second page');
      expect($(el, '.sf-error')).to.equal(null);
    });

    it('keeps the shown reviews and says so when the next page is not understood', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      adapter.respondNext('reviews.list', { reviews: [{ id: 'x' }], nextCursor: 7 });
      button(el, 'Load more reviews')!.click();
      await until(() => $(el, '.sf-error[role=alert]'), 'the error');
      expect($(el, '.sf-error')!.textContent).to.contain("We received something we didn't understand");
      expect(reviewsShown(el)).to.have.length(5);
    });

    it('with infinite-scroll, loads the next pages when Load more comes into view', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" page-size="2" infinite-scroll></sf-review-feed>`, adapter);
      await until(() => reviewsShown(el).length > 2, 'a page loaded without a click');
      // Scrolling down, page after page arrives until there are no more.
      for (let more = button(el, 'Load more reviews'); more; more = button(el, 'Load more reviews')) {
        const before = reviewsShown(el).length;
        more.scrollIntoView();
        await until(() => reviewsShown(el).length > before || !button(el, 'Load more reviews'), 'the next page after scrolling');
      }
      expect(reviewsShown(el)).to.have.length(12);
      expect(adapter.calls.filter((call) => call.method === 'reviews.list')).to.have.length(6);
      expect(el.shadowRoot!.activeElement).to.equal(null);
    });

    it('shows the verified-buyer badge, the merchant reply and relative dates', async () => {
      const reviews = [
        sampleReview({
          id: 'a',
          verifiedBuyer: true,
          createdAt: daysAgo(3),
          reply: { body: 'Thank you, Amelia!', authorName: 'Harbour team', createdAt: daysAgo(2) },
        }),
        sampleReview({ id: 'b', verifiedBuyer: false, createdAt: daysAgo(1), reply: { body: 'Noted.', createdAt: daysAgo(1) } }),
      ];
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded(reviews));
      const [first, second] = reviewsShown(el).sort((a) => (a.dataset.id === 'a' ? -1 : 1));
      expect(first!.querySelector('[part=badge]')!.textContent).to.equal('Verified buyer');
      expect(second!.querySelector('[part=badge]')).to.equal(null);
      expect(first!.querySelector('[part=reply]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Reply from Harbour team Thank you, Amelia!',
      );
      expect(second!.querySelector('[part=reply]')!.textContent).to.contain('Reply from the shop');
      expect(first!.querySelector('time')!.textContent).to.equal('3 days ago');
      expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal(reviews[0]!.createdAt);
      expect(second!.querySelector('time')!.textContent).to.equal('yesterday');
    });

    it("shows relative dates, numbers and text in the shop's locale", async () => {
      const reviews = [sampleReview({ createdAt: daysAgo(3) }), sampleReview({ id: 'review-2', rating: 4 })];
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded(reviews), { locale: 'fr' });
      await until(() => shown(el).includes('Avis clients'), 'the French strings');
      expect(shown(el)).to.contain('il y a 3 jours');
      expect($(el, '.average')!.textContent).to.equal('4,5');
      expect($(el, '.count')!.textContent).to.equal('Basé sur 2 avis');
      expect(button(el, /Écrire un avis/)).to.be.instanceOf(Element);
    });

    it('names reviewers by initials when the shop asks', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" name-display="initials"></sf-review-feed>`, seeded());
      expect(reviewsShown(el)[0]!.querySelector('.author')!.textContent).to.equal('A. R.');
      expect(shown(el)).not.to.contain('Amelia');
    });

    it('collapses long reviews behind Read more, which expands and collapses them', async () => {
      const long = 'It keeps me warm on the windiest days. '.repeat(20);
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1"></sf-review-feed>`,
        seeded([sampleReview({ id: 'long', body: long }), sampleReview({ id: 'short', createdAt: daysAgo(400) })]),
      );
      const [longReview, shortReview] = reviewsShown(el);
      const body = longReview!.querySelector<HTMLElement>('.body')!;
      expect(body.classList.contains('clamped')).to.equal(true);
      expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
      expect(shortReview!.querySelector('[part~=read-more]')).to.equal(null);
      const toggle = longReview!.querySelector<HTMLButtonElement>('[part~=read-more]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the review expanded');
      expect(body.classList.contains('clamped')).to.equal(false);
      expect(toggle.textContent!.trim()).to.equal('Read less');
      expect(body.textContent).to.equal(long);
      toggle.click();
      await until(() => body.classList.contains('clamped'), 'the review collapsed');
    });
  });

  describe('helpful votes', () => {
    it('count at once, once per visitor, and are remembered after a reload', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const events = record<SfReviewVoteEvent>(el, 'sf-review-vote');
      const helpful = () => reviewsShown(el)[0]!.querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
      expect(helpful().textContent!.trim()).to.equal('Helpful (0)');
      adapter.pause();
      helpful().click();
      await until(() => helpful().textContent!.trim() === 'Helpful (1)', 'the optimistic count');
      expect(helpful().getAttribute('aria-pressed')).to.equal('true');
      expect(events.map((event) => [event.reviewId, event.helpful])).to.deep.equal([['review-1', true]]);
      await until(async () => (await store.get('review-votes'))?.includes('review-1'), 'the vote remembered');
      adapter.resume();
      await until(() => adapter.calls.some((call) => call.method === 'reviews.vote'), 'the vote sent');

      helpful().click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(adapter.calls.filter((call) => call.method === 'reviews.vote')).to.have.length(1);
      expect(events).to.have.length(1);

      unmountAll();
      const again = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const after = () => reviewsShown(again)[0]!.querySelector('[part~=helpful-button]')!;
      await until(() => after().getAttribute('aria-pressed') === 'true', 'the remembered vote');
      expect(after().textContent!.trim()).to.equal('Helpful (1)');
    });

    it('roll back when the vote fails, and say so', async () => {
      const adapter = seeded();
      adapter.failNext('reviews.vote', new AdapterError('network', 'offline'));
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const review = () => reviewsShown(el)[1]!;
      const helpful = () => review().querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
      expect(helpful().textContent!.trim()).to.equal('Helpful (7)');
      helpful().click();
      await until(() => review().querySelector('[role=alert]'), 'the failure');
      expect(review().querySelector('[role=alert]')!.textContent).to.equal("Your vote didn't go through. Try again.");
      expect(helpful().textContent!.trim()).to.equal('Helpful (7)');
      expect(helpful().getAttribute('aria-pressed')).to.equal('false');
      expect(await store.get('review-votes')).to.deep.equal([]);

      helpful().click();
      await until(() => helpful().textContent!.trim() === 'Helpful (8)' && !review().querySelector('[role=alert]'), 'the retried vote');
    });

    it('roll back when the backend answers something that is not a vote', async () => {
      const adapter = seeded();
      adapter.respondNext('reviews.vote', { reviewId: 'review-1', helpfulCount: 'lots' });
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const helpful = () => reviewsShown(el)[0]!.querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
      helpful().click();
      await until(() => reviewsShown(el)[0]!.querySelector('[role=alert]'), 'the failure');
      expect(helpful().textContent!.trim()).to.equal('Helpful (0)');
      expect(helpful().getAttribute('aria-pressed')).to.equal('false');
    });

    it('can be stopped by the shop (sf-review-vote is cancelable)', async () => {
      const adapter = seeded();
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, adapter);
      const events = record<SfReviewVoteEvent>(el, 'sf-review-vote', (event) => event.preventDefault());
      const helpful = reviewsShown(el)[0]!.querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
      helpful.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => events.length === 1, 'the vote event');
      expect(events[0]!.cancelable).to.equal(true);
      expect(helpful.getAttribute('aria-pressed')).to.equal('false');
      expect(adapter.calls.some((call) => call.method === 'reviews.vote')).to.equal(false);
    });
  });

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

  describe('rich snippets', () => {
    it('writes a JSON-LD Product with its AggregateRating and first reviews into the light DOM', async () => {
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1" product-title="Harbour wool sweater" product-handle="harbour-sweater"></sf-review-feed>`,
        seeded(),
      );
      await until(() => jsonLd(el), 'the snippet');
      expect([...el.children].map((child) => child.localName)).to.deep.equal(['script']);
      const data = JSON.parse(jsonLd(el)!.textContent!);
      expect(data['@context']).to.equal('https://schema.org');
      expect(data['@type']).to.equal('Product');
      expect(data.name).to.equal('Harbour wool sweater');
      expect(data.productID).to.equal('harbour-sweater');
      expect(data.aggregateRating).to.deep.equal({
        '@type': 'AggregateRating',
        ratingValue: 3.9,
        bestRating: 5,
        worstRating: 1,
        reviewCount: 12,
      });
      expect(data.review).to.have.length(5);
      expect(data.review[0]).to.deep.equal({
        '@type': 'Review',
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
        author: { '@type': 'Person', name: 'Amelia R.' },
        datePublished: sampleReviews()[0]!.createdAt.slice(0, 10),
        name: 'Review number 1',
        reviewBody: sampleReviews()[0]!.body,
      });
    });

    it('keeps the unfiltered reviews in the snippet while the shopper filters', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(el), 'the snippet');
      const before = jsonLd(el)!.textContent;
      $$(el, '.bar')[4]!.click();
      await until(() => reviewsShown(el).length === 1 && !$(el, '.list[aria-busy=true]'), 'the 1-star reviews');
      expect(jsonLd(el)!.textContent).to.equal(before);
    });

    it('writes nothing with no-json-ld, for a product without reviews, or without a product title', async () => {
      const optOut = await mountFeed(
        html`<sf-review-feed product-id="prod-1" product-title="Sweater" no-json-ld></sf-review-feed>`,
        seeded(),
      );
      const empty = await mountFeed(html`<sf-review-feed product-id="prod-9" product-title="Scarf"></sf-review-feed>`, seeded());
      const untitled = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      // A titled feed on the same page gets its snippet: by then the others had theirs decided.
      const titled = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(titled), 'the titled snippet');
      expect(optOut.children).to.have.length(0);
      expect(empty.children).to.have.length(0);
      expect(untitled.children).to.have.length(0);

      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(el), 'the snippet');
      el.noJsonLd = true;
      await until(() => !jsonLd(el), 'the snippet removed');
    });
  });

  describe('accessibility and theming', () => {
    it('is accessible while loading', async () => {
      const paused = seeded();
      paused.pause();
      const loading = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, paused, {}, false);
      await expect(loading).to.be.accessible();
    });

    it('is accessible with reviews, photos, a reply and a long review', async () => {
      const reviews = sampleReviews('prod-1', 12).map((review, index) =>
        index === 1 ? { ...review, reply: { body: 'Thanks!', createdAt: daysAgo(1) }, body: 'Long. '.repeat(80) } : review,
      );
      const loaded = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded(reviews));
      await expect(loaded).to.be.accessible();
    });

    it('is accessible with no reviews', async () => {
      const empty = await mountFeed(html`<sf-review-feed product-id="prod-2"></sf-review-feed>`, seeded());
      await expect(empty).to.be.accessible();
    });

    it('is accessible in the error state', async () => {
      const failing = seeded();
      failing.failNext('reviews.summary');
      const failed = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, failing);
      await expect(failed).to.be.accessible();
    });

    it('is accessible offline, with the saved copy and its notice', async () => {
      await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      await until(async () => (await store.get('cache:review-page:prod-1:newest:0:false:5')) !== undefined, 'the saved first page');
      unmountAll();
      const offline = seeded();
      offline.offline = true;
      const saved = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, offline);
      await until(() => $(saved, '[part=notice]'), 'the offline notice');
      await expect(saved).to.be.accessible();
    });

    it('is accessible and laid out right to left in Arabic, and dark', async () => {
      // The widget is transparent: on a dark page, with the dark theme.
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1" theme="dark" style="background: #111827"></sf-review-feed>`,
        seeded(),
        {
          locale: 'ar',
        },
      );
      await until(() => shown(el).includes('تقييمات العملاء'), 'the Arabic strings');
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(getComputedStyle(el).color).to.equal('rgb(243, 244, 246)');
      expect(getComputedStyle($(el, '.star')!).scale).to.equal('-1 1');
      await expect(el).to.be.accessible();
    });

    it('takes --sf-review-feed-* properties and exposes parts', async () => {
      const el = await mountFeed(
        html`<sf-review-feed
          product-id="prod-1"
          style="--sf-review-feed-star-color: rgb(1, 2, 3); --sf-review-feed-photo-size: 50px; --sf-review-feed-gap: 7px"
        ></sf-review-feed>`,
        seeded(),
      );
      expect(getComputedStyle($(el, '.star.on')!).backgroundImage).to.contain('rgb(1, 2, 3)');
      expect($(el, 'img[part=photo]')!.getBoundingClientRect().width).to.equal(50);
      expect(getComputedStyle($(el, '.list')!).rowGap).to.equal('7px');
      for (const part of [
        'summary',
        'average',
        'stars',
        'count',
        'histogram',
        'bar',
        'controls',
        'sort',
        'list',
        'review',
        'review-title',
        'review-meta',
        'review-body',
        'badge',
        'photo-button',
        'photo',
        'helpful-button',
        'button',
        'write-button',
        'load-more',
      ]) {
        expect($(el, `[part~="${part}"]`), part).to.be.instanceOf(Element);
      }
    });
  });
});
