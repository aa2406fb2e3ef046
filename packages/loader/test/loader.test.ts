import { expect } from '@open-wc/testing';
import { getRuntime, MemoryAdapter, type ShopfrontApi } from '@shopfront/core';
import { resetSettings } from '../../core/src/settings.js';
import { findOwnScript, settingsFromScript, startLoader, type WidgetEntry } from '@shopfront/loader';
import { ShopifyAdapter } from '@shopfront/adapter-shopify';
import { adapters } from '../src/widgets.js';
import { captureWarnings, until } from '../../../test/helpers/mount.js';

// A shop that pasted the queue stub and used it before the loader arrived.
window.Shopfront = [
  ['configure', { currency: 'CHF' }],
  ['trackView', { id: 'queued-product' }],
];

let stop: () => void = () => {};
const added: Element[] = [];
const add = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild!;
  document.body.append(element);
  added.push(element);
  return element;
};

/** A fake widget whose code "loads" by recording the call. */
function fakeWidget(extra: Partial<WidgetEntry> = {}): WidgetEntry & { loads: number } {
  const entry = { loads: 0, load: async () => void entry.loads++, ...extra };
  return entry;
}

afterEach(() => {
  stop();
  added.splice(0).forEach((element) => element.remove());
  resetSettings();
});

describe('settings from the script tag', () => {
  it('reads every data-* setting', () => {
    const script = document.createElement('script');
    script.src = 'https://cdn.example.com/shopfront/shopfront.js';
    Object.assign(script.dataset, {
      endpoint: '/api',
      shop: 'pk_demo',
      locale: 'fr-CA',
      currency: 'cad',
      customer: '42',
      customerSignature: `1764680000.${'a'.repeat(64)}`,
      consent: 'required',
      theme: 'dark',
      adapter: 'rest',
    });
    expect(settingsFromScript(script)).to.deep.equal({
      endpoint: 'https://cdn.example.com/api',
      shop: 'pk_demo',
      locale: 'fr-CA',
      currency: 'CAD',
      adapterName: 'rest',
      consent: 'required',
      theme: 'dark',
      customer: { id: '42', signature: `1764680000.${'a'.repeat(64)}` },
    });
    expect(settingsFromScript(null)).to.deep.equal({});
  });

  it('finds its own module script, with or without a query string', () => {
    const script = add('<script type="text/plain" src="/assets/shopfront.js?v=3"></script>');
    expect(findOwnScript(new URL('/assets/shopfront.js?v=3', location.href).href)).to.equal(script);
    expect(findOwnScript(new URL('/assets/shopfront.js', location.href).href)).to.equal(script);
    expect(findOwnScript('https://elsewhere.example/x.js')).to.equal(null);
  });
});

describe('startLoader', () => {
  it('replays the queue stub and answers a queued hook by loading its widget', async () => {
    const viewed: unknown[] = [];
    const recently = fakeWidget({
      answers: ['trackView'],
      load: async () => {
        recently.loads++;
        const { provideHook } = await import('@shopfront/core');
        provideHook('trackView', (product) => viewed.push(product));
      },
    });
    stop = startLoader({ widgets: { 'sf-fake-recent': recently } });
    expect(getRuntime().settings.currency).to.equal('CHF');
    expect(Array.isArray(window.Shopfront)).to.equal(false);
    await until(() => viewed.length === 1, 'the queued trackView to reach the widget');
    expect(viewed).to.deep.equal([{ id: 'queued-product' }]);
    (window.Shopfront as ShopfrontApi).trackView({ id: 'live-product' });
    expect(viewed).to.deep.equal([{ id: 'queued-product' }, { id: 'live-product' }]);
    expect(recently.loads).to.equal(1);
  });

  it('configures from the settings it was given', () => {
    stop = startLoader({ widgets: {}, settings: { shop: 'pk_script', locale: 'de' } });
    expect(getRuntime().settings).to.include({ shop: 'pk_script', locale: 'de' });
  });

  it('loads nothing for a page without widgets', async () => {
    const widget = fakeWidget();
    stop = startLoader({ widgets: { 'sf-fake-a': widget } });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(widget.loads).to.equal(0);
  });

  it('loads a widget below the fold only when it nears the viewport', async () => {
    const widget = fakeWidget();
    add('<div style="block-size: 300vh"></div>');
    const element = add('<sf-fake-below style="display:block; block-size: 10px"></sf-fake-below>');
    stop = startLoader({ widgets: { 'sf-fake-below': widget }, rootMargin: '0px' });
    // Give the observer its first callback: the element is far below, so nothing loads.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(widget.loads).to.equal(0);
    element.scrollIntoView();
    await until(() => widget.loads === 1, 'the widget to load once visible');
    window.scrollTo(0, 0);
  });

  it('loads a widget added to the page later, once', async () => {
    const widget = fakeWidget();
    stop = startLoader({ widgets: { 'sf-fake-late': widget } });
    add('<section><sf-fake-late></sf-fake-late><sf-fake-late></sf-fake-late></section>');
    await until(() => widget.loads === 1, 'the late widget');
    add('<sf-fake-late></sf-fake-late>');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(widget.loads).to.equal(1);
  });

  it('loads idle widgets without waiting for visibility', async () => {
    const widget = fakeWidget({ when: 'idle' });
    add('<div style="block-size: 300vh"></div>');
    add('<sf-fake-idle></sf-fake-idle>');
    stop = startLoader({ widgets: { 'sf-fake-idle': widget }, rootMargin: '0px' });
    await until(() => widget.loads === 1, 'the idle widget');
  });

  it('decides per element when a widget loads', async () => {
    const widget = fakeWidget({ when: (element) => (element.getAttribute('placement') === 'floating' ? 'idle' : 'visible') });
    add('<div style="block-size: 300vh"></div>');
    add('<sf-fake-badge placement="floating"></sf-fake-badge>');
    stop = startLoader({ widgets: { 'sf-fake-badge': widget }, rootMargin: '0px' });
    await until(() => widget.loads === 1, 'the floating badge');
  });

  it('loads the adapter named by the settings together with the first widget', async () => {
    let registered = 0;
    const widget = fakeWidget();
    add('<sf-fake-data></sf-fake-data>');
    stop = startLoader({
      widgets: { 'sf-fake-data': widget },
      adapters: { rest: async () => void registered++ },
      settings: { endpoint: 'https://shop.example.com/api', shop: 'pk' },
    });
    await until(() => widget.loads === 1, 'the widget');
    expect(registered).to.equal(1);
  });

  it("builds the Shopify app embed's adapter from the loader's own table", async () => {
    add('<sf-fake-embed></sf-fake-embed>');
    const widget = fakeWidget();
    stop = startLoader({
      widgets: { 'sf-fake-embed': widget },
      adapters,
      settings: {
        adapterName: 'shopify',
        endpoint: new URL('/apps/shopfront/api/v1', location.href).href,
        shop: 'demo.myshopify.com',
        currency: 'EUR',
      },
    });
    await until(() => getRuntime().adapter !== undefined, 'the shopify adapter');
    expect(getRuntime().adapter).to.be.instanceOf(ShopifyAdapter);
  });

  it('does not load an adapter when one is configured directly', async () => {
    let registered = 0;
    add('<sf-fake-direct></sf-fake-direct>');
    const widget = fakeWidget();
    stop = startLoader({
      widgets: { 'sf-fake-direct': widget },
      adapters: { rest: async () => void registered++ },
      settings: { adapter: new MemoryAdapter() },
    });
    await until(() => widget.loads === 1, 'the widget');
    expect(registered).to.equal(0);
  });

  it('logs a widget that fails to load and tries again on the next sighting', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      stop = startLoader({
        widgets: {
          'sf-fake-flaky': {
            load: async () => {
              attempts++;
              if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
            },
          },
        },
      });
      add('<sf-fake-flaky></sf-fake-flaky>');
      await until(() => errors.length === 1, 'the logged failure');
      add('<sf-fake-flaky></sf-fake-flaky>');
      await until(() => attempts === 2, 'the retry');
    } finally {
      console.error = original;
    }
  });

  it('a second loader on the page warns once and does nothing', async () => {
    const first = fakeWidget();
    const second = fakeWidget();
    stop = startLoader({ widgets: { 'sf-fake-twice': first } });
    const warnings = await captureWarnings(() => {
      startLoader({ widgets: { 'sf-fake-twice': second } });
      startLoader({ widgets: { 'sf-fake-twice': second } });
    });
    add('<sf-fake-twice></sf-fake-twice>');
    await until(() => first.loads === 1, 'the first loader to act');
    expect(second.loads).to.equal(0);
    expect(warnings.filter((w) => w.includes('twice'))).to.have.length(1);
  });
});
