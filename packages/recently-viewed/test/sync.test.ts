import { expect, html } from '@open-wc/testing';
import { store, type ShopfrontApi } from '@shopfront/core';
import '../src/define.js';
import type { SfRecentlyViewed } from '../src/recently-viewed.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { cards, product, titles } from './helpers.js';

/**
 * A second tab: an iframe is its own browsing context, with its own copy of
 * Shopfront (modules, store, BroadcastChannel) over the same IndexedDB.
 */
async function openSecondTab(): Promise<{ frame: HTMLIFrameElement; carousel: () => SfRecentlyViewed; trackView: (p: unknown) => void }> {
  const frame = document.createElement('iframe');
  const defineUrl = new URL('../src/define.ts', import.meta.url).href;
  frame.srcdoc = `<!doctype html><body><sf-recently-viewed></sf-recently-viewed><script type="module">
      await import(${JSON.stringify(defineUrl)});
      parent.postMessage('second tab ready', '*');
    </script></body>`;
  const ready = new Promise((resolve) => addEventListener('message', (event) => event.data === 'second tab ready' && resolve(null)));
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow as Window & { Shopfront: ShopfrontApi };
  return {
    frame,
    carousel: () => frame.contentDocument!.querySelector('sf-recently-viewed')!,
    trackView: (p) => win.Shopfront.trackView(p),
  };
}

describe('<sf-recently-viewed> across tabs', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => store.clear());
  afterEach(() => {
    unmountAll();
    frame?.remove();
  });

  it('shows a view from another tab at once, and a clear in this tab empties the other', async () => {
    const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
    await until(() => el.shadowRoot!.querySelector('slot[name=fallback]'), 'known empty');
    const other = await openSecondTab();
    frame = other.frame;
    expect(other.carousel().shadowRoot).not.to.equal(null);

    other.trackView(product(1));
    other.trackView(product(2));
    await until(() => titles(el).join() === 'Product 2,Product 1', 'views from the other tab, here');
    await until(() => titles(other.carousel()).join() === 'Product 2,Product 1', 'and there');

    (window.Shopfront as ShopfrontApi).trackView(product(3));
    await until(() => titles(other.carousel()).join() === 'Product 3,Product 2,Product 1', 'a view from here, there');

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=clear-button]')!.click();
    await until(() => cards(el).length === 0, 'cleared here');
    await until(() => cards(other.carousel()).length === 0, 'cleared there');
  });

  it('two tabs recording at once lose nothing', async () => {
    const other = await openSecondTab();
    frame = other.frame;
    for (let n = 1; n <= 4; n++) {
      other.trackView(product(n));
      (window.Shopfront as ShopfrontApi).trackView(product(10 + n));
    }
    const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
    await until(() => cards(el).length === 8, 'all eight views');
    expect(titles(el).slice().sort()).to.deep.equal([
      'Product 1',
      'Product 11',
      'Product 12',
      'Product 13',
      'Product 14',
      'Product 2',
      'Product 3',
      'Product 4',
    ]);
  });

  it('records views a page reported before Shopfront loaded', async () => {
    frame = document.createElement('iframe');
    const defineUrl = new URL('../src/define.ts', import.meta.url).href;
    frame.srcdoc = `<!doctype html><body><script>
        window.Shopfront = window.Shopfront || [];
        Shopfront.push(['trackView', ${JSON.stringify(product(5))}], ['trackView', { id: 'p6' }]);
      </script><script type="module">
        await import(${JSON.stringify(defineUrl)});
      </script></body>`;
    document.body.append(frame);
    const el = await mount<SfRecentlyViewed>(html`<sf-recently-viewed></sf-recently-viewed>`);
    await until(async () => ((await store.get('recently-viewed')) ?? []).length === 2, 'both queued views');
    expect(((await store.get('recently-viewed')) ?? []).map((entry) => entry.id)).to.deep.equal(['p6', 'p5']);
    await until(() => titles(el).join() === 'Product 5', 'the one with data shown here');
  });
});
