import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { css, html } from 'lit';
import { hostStyles, ShopfrontElement, MemoryAdapter } from '@shopfront/core';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';

class SfProbe extends ShopfrontElement {
  static override styles = css`
    p {
      color: var(--_accent);
    }
  `;
  override render() {
    return html`<p>${this.i18n.locale} ${this.i18n.format.number(1234.5)}</p>`;
  }
}
SfProbe.define('sf-probe');

const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('ShopfrontElement', () => {
  afterEach(() => {
    unmountAll();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  it('puts the design tokens before its own styles', () => {
    expect(SfProbe.elementStyles[0]).to.equal(hostStyles);
    expect(SfProbe.elementStyles).to.have.length(2);
  });

  it('reads token values set anywhere up the page', async () => {
    const el = await mount<SfProbe>(testHtml`<div style="--sf-color-accent: rgb(1, 2, 3)"><sf-probe></sf-probe></div>`);
    const probe = el.querySelector('sf-probe')!;
    expect(getComputedStyle(probe.shadowRoot!.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(probe).display).to.equal('block');
  });

  it('renders each element the first time in a task of its own, and later updates at once', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    try {
      // Upgraded together, in this task.
      box.innerHTML = '<sf-probe></sf-probe><sf-probe></sf-probe>';
      const [first, second] = [...box.querySelectorAll<SfProbe>('sf-probe')] as [SfProbe, SfProbe];
      // Lit alone would have rendered both in this task's microtasks, one after the other.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(first.hasUpdated, 'rendered in the task that upgraded it').to.equal(false);
      await first.updateComplete;
      expect(text(first)).to.equal('en 1,234.5');
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(second.hasUpdated, "rendered in the first one's task").to.equal(false);
      await second.updateComplete;
      expect(text(second)).to.equal('en 1,234.5');

      // A later update: before any other task could run.
      let otherTaskRan = false;
      setTimeout(() => (otherTaskRan = true));
      first.lang = 'de';
      first.requestUpdate();
      await first.updateComplete;
      expect(text(first)).to.equal('de 1.234,5');
      expect(otherTaskRan).to.equal(false);
    } finally {
      box.remove();
    }
  });

  it('define is a no-op for the same class and warns once for another', async () => {
    expect(() => SfProbe.define('sf-probe')).not.to.throw();
    class Impostor extends ShopfrontElement {}
    const warnings = await captureWarnings(() => {
      Impostor.define('sf-probe');
      Impostor.define('sf-probe');
    });
    expect(customElements.get('sf-probe')).to.equal(SfProbe);
    expect(warnings).to.have.length(1);
  });

  it('takes its locale from its own lang, then the setting, then the page', async () => {
    document.documentElement.lang = 'de';
    const plain = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`);
    expect(text(plain)).to.equal('de 1.234,5');
    const configured = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`, { locale: 'fr' });
    expect(text(configured)).to.match(/^fr 1\s234,5$/);
    const own = await mount<SfProbe>(testHtml`<sf-probe lang="es"></sf-probe>`, { locale: 'fr' });
    expect(text(own)).to.equal('es 1234,5');
  });

  it('follows a change of the page language', async () => {
    const el = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`);
    expect(text(el)).to.equal('en 1,234.5');
    document.documentElement.lang = 'de';
    await until(() => text(el) === 'de 1.234,5', 'a re-render in German');
  });

  it('lays out right to left for Arabic unless the page says otherwise', async () => {
    const el = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`, { locale: 'ar' });
    expect(el.matches(':state(rtl)')).to.equal(true);
    expect(getComputedStyle(el).direction).to.equal('rtl');
    el.reconfigure({ locale: 'en' });
    await until(() => getComputedStyle(el).direction === 'ltr', 'left to right');
    const pinned = await mount<HTMLElement>(testHtml`<div dir="ltr"><sf-probe></sf-probe></div>`, { locale: 'ar' });
    expect(getComputedStyle(pinned.querySelector('sf-probe')!).direction).to.equal('ltr');
  });

  it('follows the theme setting, and its own theme attribute first', async () => {
    const el = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`, { theme: 'dark' });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('light');
    expect(el.getAttribute('theme')).to.equal('light');
    const auto = await mount<SfProbe>(testHtml`<sf-probe></sf-probe>`);
    expect(getComputedStyle(auto).colorScheme).to.equal('light dark');
  });

  it('gets the adapter when configure() runs after it upgraded', async () => {
    const el = await fixture<SfProbe>(testHtml`<sf-probe></sf-probe>`);
    expect(el.runtime?.adapter).to.equal(undefined);
    const adapter = new MemoryAdapter();
    const { configure } = await import('@shopfront/core');
    configure({ adapter });
    await until(() => el.runtime?.adapter === adapter, 'the adapter');
  });

  it('gets the runtime when it upgrades before the page has a body (context root)', async () => {
    const frame = document.createElement('iframe');
    const core = new URL('../src/index.ts', import.meta.url).href;
    frame.srcdoc = `<!doctype html><html><head><script type="module">
      import { ShopfrontElement, configure, MemoryAdapter } from ${JSON.stringify(core)};
      const body = document.body;
      body.remove();
      class Early extends ShopfrontElement {}
      Early.define('sf-early');
      // The element upgrades and asks for its runtime while the provider cannot exist yet.
      const early = document.createElement('sf-early');
      body.append(early);
      document.documentElement.append(body);
      configure({ adapter: new MemoryAdapter(), shop: 'early-shop' });
      addEventListener('load', () => parent.postMessage({ shop: early.runtime?.settings.shop ?? null, hasAdapter: !!early.runtime?.adapter }, '*'));
    </script></head><body></body></html>`;
    const answer = new Promise<{ shop: string | null; hasAdapter: boolean }>((resolve) =>
      addEventListener('message', (e) => resolve(e.data), { once: true }),
    );
    document.body.append(frame);
    expect(await answer).to.deep.equal({ shop: 'early-shop', hasAdapter: true });
    frame.remove();
  });
});
