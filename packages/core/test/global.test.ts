import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { installGlobal, provideHook, ShopfrontElement, getRuntime, MemoryAdapter, type ShopfrontApi } from '@shopfront/core';
import { resetSettings } from '../src/settings.js';
import { captureWarnings, until } from '../../../test/helpers/mount.js';

// The queue stub a shop pastes in <head>, filled before Shopfront loads. This
// must run before anything in this file installs the global.
const early: string[] = [];
window.Shopfront = [
  ['configure', { shop: 'queued-shop', locale: 'de' }],
  ['openChat', 'Where is my order?'],
  (api: ShopfrontApi) => early.push(`callback saw ${api.version}`),
  ['noSuchMethod'],
];

describe('window.Shopfront', () => {
  after(() => resetSettings());

  it('replays calls queued before it loaded, in order', async () => {
    const warnings = await captureWarnings(() => installGlobal());
    const api = window.Shopfront as ShopfrontApi;
    expect(Array.isArray(api)).to.equal(false);
    expect(getRuntime().settings).to.include({ shop: 'queued-shop', locale: 'de' });
    expect(early).to.deep.equal([`callback saw ${api.version}`]);
    expect(warnings.join()).to.contain('noSuchMethod');
  });

  it('holds hook calls until the widget that answers them loads', () => {
    const opened: unknown[] = [];
    const remove = provideHook('openChat', (prefill) => opened.push(prefill));
    expect(opened).to.deep.equal(['Where is my order?']);
    (window.Shopfront as ShopfrontApi).openChat('Another question');
    expect(opened).to.deep.equal(['Where is my order?', 'Another question']);
    remove();
  });

  it('keeps the queue interface after loading', () => {
    const api = window.Shopfront as ShopfrontApi;
    api.push(['configure', { currency: 'CHF' }]);
    expect(getRuntime().settings.currency).to.equal('CHF');
  });

  it('identify and grantConsent are settings', () => {
    const api = window.Shopfront as ShopfrontApi;
    api.identify({ id: 'customer-7' });
    api.grantConsent();
    expect(getRuntime().settings.customer).to.deep.equal({ id: 'customer-7' });
    expect(getRuntime().settings.consent).to.equal('granted');
  });

  it('ready() resolves once an adapter is configured', async () => {
    let resolved = false;
    const ready = (window.Shopfront as ShopfrontApi).ready().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).to.equal(false);
    (window.Shopfront as ShopfrontApi).configure({ adapter: new MemoryAdapter() });
    await ready;
    expect(resolved).to.equal(true);
  });

  it('configure twice merges and breaks nothing', () => {
    const api = window.Shopfront as ShopfrontApi;
    api.configure({ locale: 'fr' });
    api.configure({ locale: 'es', theme: 'dark' });
    expect(getRuntime().settings).to.include({ locale: 'es', theme: 'dark' });
  });
});

describe('Shopfront loaded twice', () => {
  class ProbeA extends ShopfrontElement {
    override render() {
      return html`<p>${this.runtime?.settings.locale ?? 'none'}</p>`;
    }
  }

  it('a second independent copy of core shares settings, keeps the first API and definitions, and warns once', async () => {
    ProbeA.define('sf-twice-probe');
    const first = window.Shopfront;
    const warnings = await captureWarnings(async () => {
      const copy = await import(/* @vite-ignore */ '/__bundle/packages/core/src/index.ts?version=9.9.9' as string);
      expect(copy.ShopfrontElement).not.to.equal(ShopfrontElement);
      class ProbeB extends copy.ShopfrontElement {}
      expect(() => (ProbeB as unknown as typeof ShopfrontElement).define('sf-twice-probe')).not.to.throw();
      (ProbeB as unknown as typeof ShopfrontElement).define('sf-twice-probe');
      expect(customElements.get('sf-twice-probe')).to.equal(ProbeA);
      copy.installGlobal();
      expect(window.Shopfront).to.equal(first);

      const element = document.createElement('sf-twice-probe') as ProbeA;
      document.body.append(element);
      copy.configure({ locale: 'it' });
      await until(() => element.shadowRoot?.textContent === 'it', 'the element to see settings from the other copy');
      expect(getRuntime().settings.locale).to.equal('it');
      element.remove();
    });
    expect(warnings.filter((w) => w.includes('already defined'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('already loaded'))).to.have.length(1);
  });
});
