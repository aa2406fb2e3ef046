import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, store, type ShopfrontApi } from '@shopfront/core';
import '../src/define.js';
import type { SfRecentlyViewed } from '../src/recently-viewed.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { cards, frames, prices, product, restoreAll, seedHistory, titles } from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const button = (el: Element, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const track = (el: Element) => shadow(el).querySelector<HTMLElement>('.track')!;
const focused = (el: Element) => shadow(el).activeElement;
const eight = () => Array.from({ length: 8 }, (_, i) => product(i + 1));
/** Index of the first card that starts inside the track's visible area. */
const firstVisible = (el: Element) => {
  const box = track(el).getBoundingClientRect();
  return cards(el).findIndex((card) => {
    const { left, right } = card.getBoundingClientRect();
    return left >= box.left - 1 && right <= box.right + 1;
  });
};

describe('<sf-recently-viewed> carousel', () => {
  beforeEach(async () => {
    await store.clear();
    // Instant scrolling, so positions can be read at once (smooth scrolling is tested on its own).
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  afterEach(async () => {
    unmountAll();
    restoreAll();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('semantics', () => {
    it('is an APG carousel: a labelled region of slides labelled "n of total", with previous and next buttons', async () => {
      await seedHistory(eight());
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
      await until(() => cards(el).length === 8, 'eight cards');
      const region = shadow(el).querySelector('section')!;
      expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(region.getAttribute('aria-label')).to.equal('Recently viewed');
      expect(cards(el).map((card) => card.getAttribute('aria-label'))).to.deep.equal([
        '1 of 8',
        '2 of 8',
        '3 of 8',
        '4 of 8',
        '5 of 8',
        '6 of 8',
        '7 of 8',
        '8 of 8',
      ]);
      expect(
        cards(el).every((card) => card.getAttribute('role') === 'group' && card.getAttribute('aria-roledescription') === 'slide'),
      ).to.equal(true);
      for (const part of ['previous-button', 'next-button']) {
        expect(button(el, part).getAttribute('aria-controls')).to.equal(track(el).id);
        expect(button(el, part).getAttribute('aria-label')).to.match(/^(Previous|Next)$/);
      }
    });

    it('speaks the shopper’s language: Arabic labels, right to left', async () => {
      await seedHistory(eight().slice(0, 3));
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`, { locale: 'ar' });
      await until(
        () => cards(el)[2]?.getAttribute('aria-label') === '٣ من ٣' || cards(el)[2]?.getAttribute('aria-label') === '3 من 3',
        'Arabic labels',
      );
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('شوهدت مؤخرًا');
    });
  });

  describe('previous and next', () => {
    it('are disabled at the ends, scroll by the cards that fit without skipping a partly visible one', async () => {
      await seedHistory(eight());
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 420px"></sf-recently-viewed>`);
      await until(() => cards(el).length === 8, 'eight cards');
      const previous = button(el, 'previous-button');
      const next = button(el, 'next-button');
      await until(() => previous.ariaDisabled === 'true' && next.ariaDisabled === 'false', 'at the start');
      // Two whole cards fit in 420px, the third shows in part: next brings the third to the start.
      next.click();
      await until(() => firstVisible(el) === 2, 'the third card first');
      await until(() => previous.ariaDisabled === 'false', 'previous enabled');
      next.click();
      next.click();
      next.click();
      await until(() => next.ariaDisabled === 'true', 'next disabled at the end');
      const end = track(el).scrollLeft;
      next.click();
      await frames(2);
      expect(track(el).scrollLeft).to.equal(end);
      previous.click();
      await until(() => next.ariaDisabled === 'false' && track(el).scrollLeft < end, 'back from the end');
    });

    it('work right to left: next scrolls toward the left', async () => {
      await seedHistory(eight());
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 420px"></sf-recently-viewed>`, { locale: 'ar' });
      await until(() => cards(el).length === 8, 'eight cards');
      const first = cards(el)[0]!.getBoundingClientRect();
      expect(first.right).to.be.closeTo(track(el).getBoundingClientRect().right - 4, 1);
      await until(() => button(el, 'previous-button').ariaDisabled === 'true', 'at the start');
      button(el, 'next-button').click();
      await until(() => track(el).scrollLeft < -300, 'scrolled left');
      await until(() => button(el, 'previous-button').ariaDisabled === 'false', 'previous enabled');
      expect(getComputedStyle(button(el, 'next-button').querySelector('span')!).scale).to.equal('-1');
    });

    it('follows a change of size: a wide carousel has nothing to scroll', async () => {
      await seedHistory(eight().slice(0, 3));
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 300px"></sf-recently-viewed>`);
      await until(() => button(el, 'next-button')?.ariaDisabled === 'false', 'next enabled');
      el.style.width = '900px';
      await until(() => button(el, 'next-button').ariaDisabled === 'true', 'next disabled');
    });

    it('scroll smoothly, except under prefers-reduced-motion', async () => {
      await seedHistory(eight().slice(0, 2));
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
      await until(() => cards(el).length === 2, 'cards');
      expect(getComputedStyle(track(el)).scrollBehavior).to.equal('auto');
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(track(el)).scrollBehavior).to.equal('smooth');
      expect(getComputedStyle(track(el)).scrollSnapType).to.equal('inline mandatory');
    });
  });

  describe('keyboard', () => {
    it('reaches every control and card with Tab, and pages with Enter and Space, keeping focus', async () => {
      await seedHistory(eight());
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 420px"></sf-recently-viewed>`);
      await until(() => cards(el).length === 8, 'eight cards');
      const previous = button(el, 'previous-button');
      const next = button(el, 'next-button');
      button(el, 'clear-button').focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(previous);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(next);
      await sendKeys({ press: 'Enter' });
      await until(() => firstVisible(el) === 2, 'one page on');
      await sendKeys({ press: 'Space' });
      await until(() => firstVisible(el) === 4, 'two pages on');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await until(() => next.ariaDisabled === 'true', 'the end');
      expect(focused(el)).to.equal(next);
      await sendKeys({ press: 'Shift+Tab' });
      expect(focused(el)).to.equal(previous);
      await sendKeys({ press: 'Enter' });
      await until(() => next.ariaDisabled === 'false', 'back one page');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      const links = cards(el).map((card) => card.querySelector('a'));
      expect(focused(el)).to.equal(links[0]);
      await until(() => firstVisible(el) === 0, 'the focused card scrolled into view');
      for (let i = 1; i < 8; i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(links[7]);
      await until(() => next.ariaDisabled === 'true', 'the last card in view');
    });

    it('moves between cards with the arrow keys, Home and End, bringing each into view', async () => {
      await seedHistory(eight());
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 420px"></sf-recently-viewed>`);
      await until(() => cards(el).length === 8, 'eight cards');
      const links = cards(el).map((card) => card.querySelector('a'));
      links[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(links[1]);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el), 'wraps to the last').to.equal(links[7]);
      await until(() => button(el, 'next-button').ariaDisabled === 'true', 'the last card in view');
      await sendKeys({ press: 'Home' });
      expect(focused(el)).to.equal(links[0]);
      await until(() => firstVisible(el) === 0, 'the first card in view');
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(links[7]);
    });

    it('mirrors the arrow keys right to left', async () => {
      await seedHistory(eight().slice(0, 3));
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`, { locale: 'ar' });
      await until(() => cards(el).length === 3, 'three cards');
      const links = cards(el).map((card) => card.querySelector('a'));
      links[0]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(links[1]);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(links[0]);
    });

    it('opens a product with Enter', async () => {
      await seedHistory(eight().slice(0, 2));
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
      await until(() => cards(el).length === 2, 'cards');
      const opened: string[] = [];
      el.addEventListener('sf-recently-viewed-click', (event) => {
        opened.push(event.product.id);
        event.preventDefault();
      });
      cards(el)[1]!.querySelector('a')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(opened).to.deep.equal(['p2']);
    });
  });

  describe('add to cart', () => {
    it('copies the shop’s template into every card, in the light DOM, with the product id filled in', async () => {
      await seedHistory(eight().slice(0, 2));
      const el = await mount<SfRecentlyViewed>(
        html`<sf-recently-viewed
          ><template slot="add-to-cart"
            ><form action="/cart/add" method="post">
              <input type="hidden" name="id" data-product-id /><button>Add to cart</button>
            </form></template
          ></sf-recently-viewed
        >`,
      );
      await until(() => el.querySelectorAll('[data-sf-copy]').length === 2, 'two copies');
      const copies = [...el.querySelectorAll<HTMLElement>('[data-sf-copy]')];
      expect(copies.map((copy) => copy.dataset.productId)).to.deep.equal(['p1', 'p2']);
      expect(copies.map((copy) => copy.querySelector('input')!.value)).to.deep.equal(['p1', 'p2']);
      expect(copies[1]!.assignedSlot).to.equal(cards(el)[1]!.querySelector('slot'));
      expect(copies[0]!.querySelector('button')!.getBoundingClientRect().height).to.be.greaterThan(0);
      (window.Shopfront as ShopfrontApi).trackView(product(3));
      await until(() => el.querySelectorAll('[data-sf-copy]').length === 3, 'a copy for the new card');
      expect(el.querySelector<HTMLElement>('[data-sf-copy][data-product-id=p3]')!.assignedSlot).to.equal(
        cards(el)[0]!.querySelector('slot'),
      );
      await el.clear();
      await until(() => el.querySelectorAll('[data-sf-copy]').length === 0, 'copies removed');
    });
  });

  describe('theming', () => {
    it('takes card width and image aspect ratio from custom properties, colours from the theme', async () => {
      await seedHistory(eight().slice(0, 2));
      const el = await mount<SfRecentlyViewed>(
        html`<sf-recently-viewed
          style="--sf-recently-viewed-card-width: 240px; --sf-recently-viewed-image-aspect-ratio: 4 / 5"
        ></sf-recently-viewed>`,
        { theme: 'dark' },
      );
      await until(() => cards(el).length === 2, 'cards');
      expect(cards(el)[0]!.getBoundingClientRect().width).to.equal(240);
      expect(shadow(el).querySelector('.frame')!.getBoundingClientRect().height).to.equal(300);
      expect(getComputedStyle(cards(el)[0]!).color).to.equal('rgb(243, 244, 246)');
    });
  });

  describe('accessibility', () => {
    it('is accessible with products, sale prices, sold-out and missing images', async () => {
      await seedHistory([
        product(1, { compareAtPrice: 30 }),
        product(2, { available: false }),
        product(3, { image: null }),
        ...eight().slice(3),
      ]);
      const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed style="width: 420px"></sf-recently-viewed>`);
      await until(() => cards(el).length === 8, 'cards');
      await expect(el).to.be.accessible();
    });

    it('is accessible empty, with a fallback, right to left and dark', async () => {
      const empty = await mount<SfRecentlyViewed>(
        html`<sf-recently-viewed><p slot="fallback">Discover our bestsellers</p></sf-recently-viewed>`,
      );
      await until(() => shadow(empty).querySelector('slot[name=fallback]'), 'known empty');
      await expect(empty).to.be.accessible();
      await seedHistory(eight().slice(0, 3));
      const arabic = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`, { locale: 'ar', theme: 'dark' });
      await until(
        () => cards(arabic).length === 3 && shadow(arabic).querySelector('h2')!.textContent !== 'Recently viewed',
        'cards in Arabic',
      );
      await expect(arabic).to.be.accessible();
    });

    it('is accessible while prices refresh and with the add-to-cart content', async () => {
      await seedHistory(eight().slice(0, 2), { fetchedAgo: 2 * 3600_000 });
      const adapter = new MemoryAdapter({ products: eight() });
      adapter.pause();
      const el = await mount<SfRecentlyViewed>(
        html`<sf-recently-viewed
          ><template slot="add-to-cart"><button data-product-id>Add to cart</button></template></sf-recently-viewed
        >`,
        { adapter },
      );
      await until(() => el.querySelectorAll('[data-sf-copy]').length === 2 && adapter.calls.length === 1, 'cards, copies, the refresh');
      await expect(el).to.be.accessible();
      adapter.resume();
    });
  });

  describe('layout', () => {
    type LayoutShift = PerformanceEntry & { value: number };
    /** Layout shifts from now on (buffered, so none reported late is missed). */
    function observeShifts(): { shifts: LayoutShift[]; stop: () => void } {
      const since = performance.now();
      const shifts: LayoutShift[] = [];
      const observer = new PerformanceObserver((list) =>
        shifts.push(...(list.getEntries() as LayoutShift[]).filter((entry) => entry.startTime >= since)),
      );
      observer.observe({ type: 'layout-shift', buffered: true });
      return { shifts, stop: () => observer.disconnect() };
    }

    it('with nothing to show, moves nothing at all', async () => {
      const { shifts, stop } = observeShifts();
      const page = await mount<HTMLElement>(
        html`<div>
          <sf-recently-viewed></sf-recently-viewed>
          <p>Content below the widget</p>
        </div>`,
        {
          adapter: new MemoryAdapter({ products: eight() }),
        },
      );
      const el = page.querySelector('sf-recently-viewed')!;
      await until(() => shadow(el).querySelector('slot[name=fallback]'), 'known empty');
      await frames(3);
      stop();
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(shifts.map((shift) => shift.value)).to.deep.equal([]);
    });

    it('appears once at its final size, then moves nothing while images load and prices, titles and stock refresh', async () => {
      await seedHistory(
        eight().map((p, i) => (i === 1 ? { ...p, title: 'A title long enough to wrap onto three lines or more in a narrow card' } : p)),
        { fetchedAgo: 2 * 3600_000 },
      );
      const adapter = new MemoryAdapter({
        products: eight().map((p, i) => ({
          ...p,
          price: p.price + 1,
          compareAtPrice: i === 0 ? 99 : null,
          available: i !== 2,
          title: i === 3 ? `${p.title}, now with a much longer title than before` : p.title,
        })),
      });
      adapter.pause();
      const { shifts, stop } = observeShifts();
      const page = await mount<HTMLElement>(
        html`<div>
          <sf-recently-viewed></sf-recently-viewed>
          <p>Content below the widget</p>
        </div>`,
        { adapter },
      );
      const el = page.querySelector('sf-recently-viewed')!;
      const heights = new Set<number>();
      const sizes = new ResizeObserver(() => heights.add(el.getBoundingClientRect().height));
      sizes.observe(el);
      await until(() => cards(el).length === 8, 'cards');
      // The frame that showed the carousel has been painted: from here on, nothing may move.
      await frames(1);
      const appeared = performance.now();
      const shown = el.getBoundingClientRect().height;
      const images = [...shadow(el).querySelectorAll('img')].slice(0, 3);
      await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'the visible images');
      adapter.resume();
      await until(() => prices(el)[0]!.includes('99.00') && titles(el)[3]!.includes('much longer'), 'refreshed');
      await until(() => !cards(el)[2]!.querySelector<HTMLElement>('[part=badge]')!.hidden, 'sold out marked');
      await frames(3);
      stop();
      sizes.disconnect();
      expect(el.getBoundingClientRect().height).to.equal(shown);
      // No skeleton, no intermediate size: nothing, then the final size.
      expect([...heights].filter((height) => height !== 0 && height !== shown)).to.deep.equal([]);
      expect(shifts.filter((shift) => shift.startTime >= appeared).map((shift) => shift.value)).to.deep.equal([]);
      // Its appearance may push the content below once, when the store answers after a paint; never more.
      expect(shifts.filter((shift) => shift.startTime < appeared).length).to.be.at.most(1);
    });
  });
});
