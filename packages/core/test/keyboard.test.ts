import { expect, html as testHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ArrowKeys, RovingTabindex, ShopfrontElement } from '@shopfront/core';
import { mount, unmountAll } from '../../../test/helpers/mount.js';

const NAMES = ['one', 'two', 'three'];

/** Tabs with a roving tabindex, and a list whose active option moves with Up and Down while focus stays in a field. */
class SfKeysProbe extends ShopfrontElement {
  selected = 0;
  active = -1;
  readonly tabs = new RovingTabindex(
    this,
    () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')],
    (index) => ((this.selected = index), this.requestUpdate()),
  );
  readonly list = new ArrowKeys(this, {
    count: () => NAMES.length,
    index: () => this.active,
    move: (index) => ((this.active = index), this.requestUpdate()),
    vertical: true,
  });

  override render() {
    return html`<div role="tablist" aria-label="Sections" @keydown=${this.tabs.onKeydown}>
        ${NAMES.map(
          (name, i) =>
            html`<button id=${name} role="tab" aria-selected=${String(i === this.selected)} tabindex=${i === this.selected ? 0 : -1}>
              ${name}
            </button>`,
        )}
      </div>
      <input aria-label="Search" @keydown=${this.list.onKeydown} /> <span id="active">${this.active}</span>`;
  }
}
SfKeysProbe.define('sf-keys-probe');

const focused = (el: Element) => el.shadowRoot!.activeElement?.id;
const active = (el: Element) => el.shadowRoot!.querySelector('#active')!.textContent;

describe('keyboard controllers', () => {
  afterEach(() => unmountAll());

  it('roving tabindex: arrows move focus and selection among tabs, wrapping; Home and End go to the ends', async () => {
    const el = await mount<SfKeysProbe>(testHtml`<sf-keys-probe></sf-keys-probe>`);
    el.shadowRoot!.querySelector<HTMLElement>('#one')!.focus();
    for (const [key, id] of [
      ['ArrowRight', 'two'],
      ['ArrowRight', 'three'],
      ['ArrowRight', 'one'],
      ['ArrowLeft', 'three'],
      ['Home', 'one'],
      ['End', 'three'],
    ] as const) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(focused(el), key).to.equal(id);
      expect(el.shadowRoot!.querySelector(`#${id}`)!.getAttribute('aria-selected'), key).to.equal('true');
    }
    // One Tab stop: the selected tab.
    expect([...el.shadowRoot!.querySelectorAll('[role=tab]')].map((tab) => tab.getAttribute('tabindex'))).to.deep.equal(['-1', '-1', '0']);
  });

  it('mirrors Left and Right when laid out right to left', async () => {
    const el = await mount<SfKeysProbe>(testHtml`<sf-keys-probe dir="rtl" lang="ar"></sf-keys-probe>`);
    el.shadowRoot!.querySelector<HTMLElement>('#one')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('two');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal('one');
  });

  it('arrow keys in a column: from no item Down goes to the first and Up to the last; other keys pass through', async () => {
    const el = await mount<SfKeysProbe>(testHtml`<sf-keys-probe></sf-keys-probe>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)).to.equal('0');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active(el)).to.equal('2');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)).to.equal('0');
    el.active = -1;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active(el)).to.equal('2');
    // Left and Right are the field's (the caret), and typing types.
    await sendKeys({ type: 'ab' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect([input.value, input.selectionStart, active(el)]).to.deep.equal(['ab', 1, '2']);
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });
});
