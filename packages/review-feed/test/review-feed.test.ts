import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type MemoryAdapter, starValue, store, type ReviewSummary } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReview } from '../../../test/helpers/sample-data.js';
import type { SfReviewFilterEvent } from '../src/events.js';
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
});
