import { expect, html as testHtml } from '@open-wc/testing';
import { html, nothing } from 'lit';
import { LazyPart, ShopfrontElement } from '@shopfront/core';
import { failNextFetch } from '../../../test/helpers/fail-fetch.js';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';
import type { GreetingPart } from './fixtures/greeting-part.js';

class SfPartProbe extends ShopfrontElement {
  readonly greeting = new LazyPart(this, () => import('./fixtures/greeting-part.js').then(({ GreetingPart }) => new GreetingPart(this)));
  override render() {
    return this.greeting.value?.render() ?? nothing;
  }
}
SfPartProbe.define('sf-part-probe');

const fetches = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/greeting-part.ts')).length;

describe('LazyPart', () => {
  afterEach(() => unmountAll());

  it('loads once for every caller, adopts the part’s styles and renders it; after a failed fetch the next load works', async () => {
    const el = await mount<SfPartProbe>(testHtml`<sf-part-probe></sf-part-probe>`);
    await failNextFetch('/greeting-part.ts');
    let failed: Array<GreetingPart | undefined> = [];
    const warnings = await captureWarnings(async () => {
      failed = await Promise.all([el.greeting.load(), el.greeting.load()]);
    });
    expect(failed).to.deep.equal([undefined, undefined]);
    expect(el.greeting.value).to.equal(undefined);
    expect(warnings.join()).to.contain('the next use tries again');
    expect(el.shadowRoot!.querySelector('.greeting')).to.equal(null);

    const [first, second] = await Promise.all([el.greeting.load(), el.greeting.load()]);
    expect(first).to.equal(second);
    expect(el.greeting.value).to.equal(first);
    await until(() => el.shadowRoot!.querySelector('.greeting'), 'the part, rendered');
    const greeting = el.shadowRoot!.querySelector('.greeting')!;
    expect(greeting.textContent).to.equal('Close');
    expect(getComputedStyle(greeting).color).to.equal('rgb(1, 2, 3)');
    expect(await el.greeting.load()).to.equal(first);
    // One failed fetch and one that worked; later loads use the part already here.
    expect(fetches()).to.equal(2);
  });

  it('gives each element its own part, with the styles in its own shadow root', async () => {
    const a = await mount<SfPartProbe>(testHtml`<sf-part-probe></sf-part-probe>`);
    const b = await mount<SfPartProbe>(testHtml`<sf-part-probe lang="fr"></sf-part-probe>`);
    const [partA, partB] = await Promise.all([a.greeting.load(), b.greeting.load()]);
    expect(partA).not.to.equal(partB);
    await until(() => b.shadowRoot!.querySelector('.greeting')?.textContent === 'Fermer', 'the French part');
    expect(a.shadowRoot!.adoptedStyleSheets).to.include(partA!.styles.styleSheet);
    expect(b.shadowRoot!.adoptedStyleSheets).to.include(partB!.styles.styleSheet);
  });
});

describe('a part’s host', () => {
  afterEach(() => unmountAll());

  it('sets custom states through the element', async () => {
    class SfStateProbe extends ShopfrontElement {
      override render() {
        return html`<p></p>`;
      }
    }
    SfStateProbe.define('sf-state-probe');
    const el = await mount<SfStateProbe>(testHtml`<sf-state-probe></sf-state-probe>`);
    el.setState('open', true);
    expect(el.matches(':state(open)')).to.equal(true);
    el.setState('open', false);
    expect(el.matches(':state(open)')).to.equal(false);
    expect(el.matches(':state(ltr)')).to.equal(true);
  });
});
