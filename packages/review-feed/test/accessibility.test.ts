import { expect, html } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReviews } from '../../../test/helpers/sample-data.js';
import { $, daysAgo, mountFeed, seeded, shown } from './helpers.js';

describe('<sf-review-feed>', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

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
