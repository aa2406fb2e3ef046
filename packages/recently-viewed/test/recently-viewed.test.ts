import { expect, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { configure, MemoryAdapter, store, type SfLoadErrorEvent, type ShopfrontApi } from '@shopfront/core';
import { createStore, get as idbGet } from 'idb-keyval';
import '../src/define.js';
import { recordView } from '../src/history.js';
import type { SfRecentlyViewed } from '../src/recently-viewed.js';
import type { SfRecentlyViewedClickEvent } from '../src/events.js';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { cards, moveClock, patch, prices, product, restoreAll, seedHistory, stored, storedIds, titles } from './helpers.js';

const DAY = 864e5;
/** What a shop page calls: `Shopfront.trackView(product)`. */
const trackView = (candidate: unknown) => (window.Shopfront as ShopfrontApi).trackView(candidate);
const shadow = (el: Element) => el.shadowRoot!;
const button = (el: Element, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
/** The carousel has read the history and found nothing to show. */
const knownEmpty = (el: Element) => shadow(el).querySelector('slot[name=fallback]') !== null;
const carousel = (template = html`<sf-recently-viewed></sf-recently-viewed>`, settings = {}) => mount<SfRecentlyViewed>(template, settings);
/** Written by the store, read straight from IndexedDB. */
const onDisk = () => idbGet<{ value: unknown }>('recently-viewed', createStore('shopfront', 'kv')).then((entry) => entry?.value);

describe('<sf-recently-viewed>', () => {
  beforeEach(() => store.clear());
  afterEach(async () => {
    unmountAll();
    restoreAll();
    document.querySelectorAll('script[data-sf-product]').forEach((script) => script.remove());
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('what it shows', () => {
    it('shows the viewed products newest first, moving a revisited one to the front', async () => {
      const el = await carousel();
      for (const n of [1, 2, 3]) trackView(product(n));
      await until(() => titles(el).join() === 'Product 3,Product 2,Product 1', 'three products, newest first');
      trackView(product(1));
      await until(() => titles(el).join() === 'Product 1,Product 3,Product 2', 'the revisited product first');
      expect(cards(el)).to.have.length(3);
    });

    it('shows at most 12 products, or max', async () => {
      await seedHistory(Array.from({ length: 15 }, (_, i) => product(i + 1)));
      const el = await carousel();
      await until(() => cards(el).length === 12, 'twelve cards');
      expect(titles(el)[0]).to.equal('Product 1');
      const three = await carousel(html`<sf-recently-viewed max="3"></sf-recently-viewed>`);
      await until(() => cards(three).length === 3, 'three cards');
    });

    it('caps the stored history by the max of the carousel on the page', async () => {
      await carousel(html`<sf-recently-viewed max="4"></sf-recently-viewed>`);
      for (let n = 1; n <= 9; n++) trackView(product(n));
      await until(async () => (await storedIds())[0] === 'p9', 'the last view');
      expect(await storedIds()).to.deep.equal(['p9', 'p8', 'p7', 'p6', 'p5']);
    });

    it('records the product of the page and leaves it out', async () => {
      await seedHistory([product(1), product(2)]);
      const el = await carousel(html`<sf-recently-viewed product-id="p2"></sf-recently-viewed>`);
      await until(() => cards(el).length === 1, 'one card');
      expect(titles(el)).to.deep.equal(['Product 1']);
      expect(await storedIds()).to.deep.equal(['p2', 'p1']);
    });

    it('records the product described by the page JSON, and leaves it out', async () => {
      await seedHistory([product(1)]);
      const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: JSON.stringify(product(7)) });
      script.dataset.sfProduct = '';
      document.body.append(script);
      const el = await carousel();
      await until(() => cards(el).length === 1, 'one card');
      expect(titles(el)).to.deep.equal(['Product 1']);
      const [latest] = await stored();
      expect(latest?.product?.title).to.equal('Product 7');
    });

    it("checks the page's product in a task after its first render, not inside it", async () => {
      // Checking it builds the product schema: on a phone, tens of milliseconds the first render's task must not carry.
      let reads = 0;
      const json = JSON.stringify(product(7));
      const script = Object.assign(document.createElement('script'), { type: 'application/json' });
      Object.defineProperty(script, 'textContent', { get: () => (reads++, json) });
      script.dataset.sfProduct = '';
      document.body.append(script);
      await carousel();
      for (let i = 0; i < 20; i++) await Promise.resolve();
      expect(reads, "read in the first render's task").to.equal(0);
      await until(async () => (await stored())[0]?.product?.title === 'Product 7', 'the page product recorded');
      expect(reads).to.equal(1);
    });

    it('follows a new product-id (a single-page shop changing product)', async () => {
      await seedHistory([product(1), product(2)]);
      const el = await carousel(html`<sf-recently-viewed product-id="p1"></sf-recently-viewed>`);
      await until(() => titles(el).join() === 'Product 2', 'p1 left out');
      el.productId = 'p2';
      await until(() => titles(el).join() === 'Product 1', 'p2 left out, p1 back');
      expect(await storedIds()).to.deep.equal(['p2', 'p1']);
    });

    it('forgets views older than 30 days, or days', async () => {
      await seedHistory([product(1), product(2)]);
      const week = await carousel(html`<sf-recently-viewed days="7"></sf-recently-viewed>`);
      await until(() => cards(week).length === 2, 'both');
      unmountAll();
      moveClock(8 * DAY);
      const later = await carousel(html`<sf-recently-viewed days="7"></sf-recently-viewed>`);
      const month = await carousel();
      await until(() => cards(month).length === 2, 'both, within 30 days');
      await until(() => knownEmpty(later), 'none within 7 days');
      unmountAll();
      restoreAll();
      moveClock(31 * DAY);
      const expired = await carousel();
      await until(() => knownEmpty(expired), 'none within 30 days');
    });

    it('drops a corrupt stored entry and shows the rest', async () => {
      const now = Date.now();
      await store.set('recently-viewed', [
        { id: 'p1', viewedAt: now, fetchedAt: now, product: product(1) },
        { id: 'p2', viewedAt: now, fetchedAt: now, product: { ...product(2), url: 'javascript:alert(1)' } },
        { id: 'p3', viewedAt: 'recently', fetchedAt: now, product: product(3) },
        { id: 'p4', viewedAt: now, fetchedAt: now, product: product(4) },
      ] as never);
      let el!: SfRecentlyViewed;
      const warnings = await captureWarnings(async () => {
        el = await carousel();
        await until(() => cards(el).length === 2, 'two cards');
      });
      expect(titles(el)).to.deep.equal(['Product 1', 'Product 4']);
      expect(warnings.filter((w) => w.includes('skipped item'))).to.have.length(2);
    });

    it('renders titles as text and prices in the shop locale, sale prices struck through', async () => {
      await seedHistory([product(1, { title: '<img src=x onerror=alert(1)>Scarf', price: 1234.5, compareAtPrice: 1500, currency: 'EUR' })]);
      const el = await carousel(html`<sf-recently-viewed></sf-recently-viewed>`, { locale: 'fr' });
      await until(() => cards(el).length === 1 && shadow(el).querySelector('h2')?.textContent === 'Vus récemment', 'the card, in French');
      expect(titles(el)).to.deep.equal(['<img src=x onerror=alert(1)>Scarf']);
      expect(shadow(el).querySelector('.title img')).to.equal(null);
      const struck = shadow(el).querySelector('s')!;
      expect(struck.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Prix initial : 1 500,00 €');
      expect(prices(el)[0]!.replace(/\s/g, ' ')).to.match(/^1 234,50 €/);
      expect(shadow(el).querySelector('a')!.getAttribute('href')).to.equal('https://shop.example.com/products/product-1');
    });

    it('marks a sold-out product', async () => {
      await seedHistory([product(1, { available: false }), product(2)]);
      const el = await carousel();
      await until(() => cards(el).length === 2, 'two cards');
      const [soldOut, available] = cards(el).map((card) => card.querySelector<HTMLElement>('[part=badge]')!);
      expect(soldOut!.hidden).to.equal(false);
      expect(soldOut!.textContent).to.equal('Sold out');
      expect(available!.hidden).to.equal(true);
    });

    it('reserves each image frame and loads images lazily', async () => {
      await seedHistory([product(1), product(2, { image: null })]);
      const el = await carousel(html`<sf-recently-viewed style="--sf-recently-viewed-card-width: 200px"></sf-recently-viewed>`);
      await until(() => cards(el).length === 2, 'two cards');
      const [withImage, without] = cards(el).map((card) => card.querySelector<HTMLElement>('.frame')!);
      expect(withImage!.getBoundingClientRect().height).to.equal(200);
      expect(without!.getBoundingClientRect().height).to.equal(200);
      const img = withImage!.querySelector('img')!;
      expect(img.loading).to.equal('lazy');
      expect(img.alt).to.equal('');
      expect(without!.querySelector('img')!.hasAttribute('src')).to.equal(false);
    });
  });

  describe('when empty', () => {
    it('takes no space and shows nothing, from the first render', async () => {
      const heights: number[] = [];
      const el = await carousel();
      const observer = new ResizeObserver(() => heights.push(el.getBoundingClientRect().height));
      observer.observe(el);
      await until(() => knownEmpty(el), 'known to be empty');
      expect(el.matches(':state(empty)')).to.equal(true);
      observer.disconnect();
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(heights.every((height) => height === 0)).to.equal(true);
      expect(shadow(el).querySelector('section')).to.equal(null);
    });

    it('shows the fallback slot, only once it knows there is nothing', async () => {
      await seedHistory([product(1)]);
      const el = await carousel(html`<sf-recently-viewed><p slot="fallback">Browse our bestsellers</p></sf-recently-viewed>`);
      await until(() => cards(el).length === 1, 'the card');
      expect(el.querySelector('p')!.assignedSlot).to.equal(null);
      await store.clear();
      await until(() => el.querySelector('p')!.assignedSlot !== null, 'the fallback');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  });

  describe('fresh prices (hydration)', () => {
    it('refreshes stale copies in one batch: new prices and titles, gone products removed, sold out marked', async () => {
      await seedHistory([product(1), product(2), product(3), product(4), product(5)], { fetchedAgo: 2 * 3600_000 });
      await store.update('recently-viewed', (list = []) =>
        list.map((entry) => (entry.id === 'p5' ? { ...entry, fetchedAt: Date.now() } : entry)),
      );
      const adapter = new MemoryAdapter({
        products: [
          product(1, { price: 7, compareAtPrice: 11 }),
          product(2, { title: 'Product 2, renamed' }),
          product(4, { available: false }),
          product(5, { price: 99 }),
        ],
      });
      adapter.pause();
      const el = await carousel(undefined, { adapter, currency: 'EUR' });
      await until(() => cards(el).length === 5, 'the saved copies at once');
      expect(prices(el)[0]).to.equal('€11.00');
      adapter.resume();
      await until(() => cards(el).length === 4, 'p3 removed');
      expect(titles(el)).to.deep.equal(['Product 1', 'Product 2, renamed', 'Product 4', 'Product 5']);
      expect(prices(el)[0]).to.equal('€7.00 Original price: €11.00');
      expect(cards(el)[2]!.querySelector<HTMLElement>('[part=badge]')!.hidden).to.equal(false);
      // p5 was fresh: not asked for, and its saved price stays.
      expect(prices(el)[3]).to.equal('€15.00');
      const calls = adapter.calls.filter((call) => call.method === 'products.get');
      expect(calls).to.have.length(1);
      expect((calls[0]!.args[0] as string[]).slice().sort()).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      expect(await storedIds()).to.deep.equal(['p1', 'p2', 'p4', 'p5']);
    });

    it('fetches products known by id only, and the product of the page, in the same batch', async () => {
      trackView({ id: 'p1' });
      trackView('p2');
      await until(async () => (await storedIds()).length === 2, 'the views');
      const adapter = new MemoryAdapter({ products: [product(1), product(2), product(3)] });
      const el = await carousel(html`<sf-recently-viewed product-id="p3"></sf-recently-viewed>`, { adapter });
      await until(() => titles(el).join() === 'Product 2,Product 1', 'fetched copies');
      const calls = adapter.calls.filter((call) => call.method === 'products.get');
      expect(calls).to.have.length(1);
      expect((calls[0]!.args[0] as string[]).slice().sort()).to.deep.equal(['p1', 'p2', 'p3']);
      expect((await stored())[0]!.product?.title).to.equal('Product 3');
    });

    it('keeps showing the saved products when the refresh fails, and says so with sf-load-error', async () => {
      await seedHistory([product(1), product(2)], { fetchedAgo: 2 * 3600_000 });
      const adapter = new MemoryAdapter({ products: [product(1, { price: 1 })] });
      adapter.failNext('products.get');
      const failed = oneEvent(document.body, 'sf-load-error') as unknown as Promise<SfLoadErrorEvent>;
      const el = await carousel(undefined, { adapter });
      await until(() => cards(el).length === 2, 'saved copies');
      expect((await failed).error.status).to.equal(500);
      expect(titles(el)).to.deep.equal(['Product 1', 'Product 2']);
      expect(prices(el)).to.deep.equal(['€11.00', '€12.00']);
    });

    it('offline: keeps the saved products, and refreshes when the network is back', async () => {
      await seedHistory([product(1)], { fetchedAgo: 2 * 3600_000 });
      const adapter = new MemoryAdapter({ products: [product(1, { price: 3 })] });
      adapter.offline = true;
      const failed = oneEvent(document.body, 'sf-load-error') as unknown as Promise<SfLoadErrorEvent>;
      const el = await carousel(undefined, { adapter });
      expect((await failed).error.kind).to.equal('network');
      expect(prices(el)).to.deep.equal(['€11.00']);
      adapter.offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => prices(el)[0] === '€3.00', 'the fresh price');
    });

    it('bad data from the shop does not blank the widget', async () => {
      await seedHistory([product(1)], { fetchedAgo: 2 * 3600_000 });
      const adapter = new MemoryAdapter({ products: [product(1)] });
      adapter.respondNext('products.get', { products: 'none' });
      const failed = oneEvent(document.body, 'sf-load-error') as unknown as Promise<SfLoadErrorEvent>;
      const el = await carousel(undefined, { adapter });
      expect((await failed).error.kind).to.equal('invalid-response');
      expect(titles(el)).to.deep.equal(['Product 1']);
    });

    it('trusts saved copies for ttl minutes (60 by default)', async () => {
      await seedHistory([product(1), product(2)], { fetchedAgo: 30 * 60_000 });
      const adapter = new MemoryAdapter({ products: [product(1, { price: 2 }), product(2, { price: 3 })] });
      const trusting = await carousel(undefined, { adapter });
      await until(() => cards(trusting).length === 2, 'saved copies');
      const strict = await carousel(html`<sf-recently-viewed ttl="10"></sf-recently-viewed>`, { adapter });
      await until(() => prices(strict).join() === '€2.00,€3.00', 'fresh prices');
      expect(adapter.calls.filter((call) => call.method === 'products.get')).to.have.length(1);
    });

    it('stops refreshing when it leaves the page, quietly', async () => {
      await seedHistory([product(1)], { fetchedAgo: 2 * 3600_000 });
      const adapter = new MemoryAdapter({ products: [product(1, { price: 2 })] });
      adapter.pause();
      const errors: Event[] = [];
      const onError = (event: Event) => errors.push(event);
      document.addEventListener('sf-load-error', onError);
      const el = await carousel(undefined, { adapter });
      const parent = el.parentElement!;
      await until(() => adapter.calls.length === 1, 'the refresh');
      el.remove();
      adapter.resume();
      await recordView({ id: 'p9' });
      expect((await stored()).find((entry) => entry.id === 'p1')?.product?.price).to.equal(11);
      parent.append(el);
      await until(() => prices(el).join() === '€2.00', 'refreshed once back on the page');
      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[1]!.args[0]).to.deep.equal(['p9', 'p1']);
      document.removeEventListener('sf-load-error', onError);
      expect(errors).to.deep.equal([]);
    });

    it('without a products capability, shows the saved products and warns', async () => {
      await seedHistory([product(1)], { fetchedAgo: 2 * 3600_000 });
      const warnings: string[] = [];
      patch(console, 'warn', (...args: unknown[]) => void warnings.push(args.join(' ')));
      const el = await carousel(undefined, { adapter: new MemoryAdapter({ faq: { entries: [] } }) });
      await until(() => warnings.some((warning) => warning.includes('"products"')), 'the warning');
      expect(titles(el)).to.deep.equal(['Product 1']);
    });
  });

  describe('consent', () => {
    afterEach(() => configure({ consent: 'granted' }));

    it('stores nothing until consent, while showing this visit, then stores it', async () => {
      configure({ consent: 'required' });
      const el = await carousel();
      trackView(product(1));
      trackView(product(2));
      await until(() => cards(el).length === 2, 'this visit');
      expect(store.persisting).to.equal(false);
      expect(await onDisk()).to.equal(undefined);
      configure({ consent: 'granted' });
      await until(async () => Array.isArray(await onDisk()), 'written after consent');
      expect(((await onDisk()) as Array<{ id: string }>).map((entry) => entry.id)).to.deep.equal(['p2', 'p1']);
    });
  });

  describe('clear', () => {
    it('clears the history when the shopper asks, and takes no space again', async () => {
      await seedHistory([product(1), product(2)]);
      const el = await carousel();
      await until(() => cards(el).length === 2, 'two cards');
      const cleared = oneEvent(el, 'sf-recently-viewed-clear');
      button(el, 'clear-button').click();
      expect((await cleared).composed).to.equal(true);
      await until(() => cards(el).length === 0, 'no cards');
      expect(await storedIds()).to.deep.equal([]);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });

    it('lets the shop veto the clear', async () => {
      await seedHistory([product(1)]);
      const el = await carousel();
      await until(() => cards(el).length === 1, 'the card');
      el.addEventListener('sf-recently-viewed-clear', (event) => event.preventDefault(), { once: true });
      button(el, 'clear-button').click();
      expect(await storedIds()).to.deep.equal(['p1']);
      expect(cards(el)).to.have.length(1);
    });
  });

  describe('events', () => {
    it('fires sf-recently-viewed-click with the product and position; the shop may route it itself', async () => {
      await seedHistory([product(1), product(2)]);
      const el = await carousel();
      await until(() => cards(el).length === 2, 'two cards');
      const seen: SfRecentlyViewedClickEvent[] = [];
      document.addEventListener(
        'sf-recently-viewed-click',
        (event) => {
          seen.push(event);
          event.preventDefault();
        },
        { once: true },
      );
      const link = cards(el)[1]!.querySelector('a')!;
      const native = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      link.dispatchEvent(native);
      expect(seen).to.have.length(1);
      expect(seen[0]!.product.id).to.equal('p2');
      expect(seen[0]!.position).to.equal(2);
      expect(native.defaultPrevented).to.equal(true);
    });
  });
});
