import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import type { SfReviewVoteEvent } from '../src/vote-event.js';
import { mountFeed, record, reviewsShown, seeded } from './helpers.js';

describe('<sf-review-feed>', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

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
});
