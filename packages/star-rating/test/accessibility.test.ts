import { expect, html } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { $, label, mountRatings, seeded, settled } from './helpers.js';

describe('<sf-star-rating> accessibility', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('is accessible with reviews, without (show-empty) and while loading', async () => {
    const ratings = await mountRatings(
      html`<sf-star-rating product-id="prod-1"></sf-star-rating><sf-star-rating product-id="prod-2"></sf-star-rating
        ><sf-star-rating product-id="prod-3" show-empty></sf-star-rating>`,
      seeded(),
    );
    await until(() => ratings.every(label), 'every rating');
    for (const el of ratings) await expect(el).to.be.accessible();
    const paused = seeded();
    paused.pause();
    unmountAll();
    const [loading] = await mountRatings(html`<sf-star-rating product-id="prod-1"></sf-star-rating>`, paused);
    await expect(loading).to.be.accessible();
  });

  it('is accessible in the error state', async () => {
    const failing = seeded();
    failing.failNext('reviews.summaries');
    const [el] = await mountRatings(html`<sf-star-rating product-id="prod-1"></sf-star-rating>`, failing);
    await until(() => settled(el!), 'the failure');
    await expect(el).to.be.accessible();
  });

  it('is accessible right to left in Arabic and dark, its stars mirrored', async () => {
    const [el] = await mountRatings(
      html`<sf-star-rating product-id="prod-2" lang="ar" dir="rtl" theme="dark" style="background: #111827"></sf-star-rating>`,
      seeded(),
    );
    await until(() => label(el!)?.includes('من 5 نجوم'), 'the Arabic name');
    expect(getComputedStyle(el!).direction).to.equal('rtl');
    expect(getComputedStyle($(el!, '.star')!).scale).to.equal('-1 1');
    await expect(el).to.be.accessible();
  });

  it('takes --sf-star-rating-* colours and size, and exposes its parts', async () => {
    const [el] = await mountRatings(
      html`<sf-star-rating
        product-id="prod-1"
        style="--sf-star-rating-star-color: rgb(1, 2, 3); --sf-star-rating-star-empty-color: rgb(4, 5, 6); --sf-star-rating-star-size: 20px"
      ></sf-star-rating>`,
      seeded(),
    );
    await until(() => label(el!), 'the rating');
    expect(getComputedStyle($(el!, '.star.on')!).backgroundImage).to.contain('rgb(1, 2, 3)');
    expect(getComputedStyle($(el!, '.star:not(.on)')!).backgroundImage).to.contain('rgb(4, 5, 6)');
    expect($(el!, '.star')!.getBoundingClientRect().width).to.equal(20);
    for (const part of ['stars', 'count']) expect($(el!, `[part~="${part}"]`), part).to.be.instanceOf(Element);
  });
});
