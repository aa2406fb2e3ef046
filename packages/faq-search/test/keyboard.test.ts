import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, store, type FaqEntry } from '@shopfront/core';
import '../src/define.js';
import type { SfFaqSearch } from '../src/faq-search.js';
import type { SfFaqOpenEvent } from '../src/events.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleFaq } from '../../../test/helpers/sample-data.js';

const faq: FaqEntry[] = [
  ...sampleFaq,
  {
    id: 'gift-cards',
    question: 'Can I send a gift card?',
    answer: 'Yes: gift cards are emailed within minutes.\n\nThey never expire.',
    category: 'Payments',
    popularity: 40,
    url: 'https://shop.example.com/pages/gift-cards',
  },
  { id: 'creme', question: 'Is the crème brûlée vegan?', answer: 'No, it contains cream.', category: 'Care', popularity: 5 },
  { id: 'postage-jp', question: '送料はいくらですか？', answer: '5000円以上のご注文で送料無料です。', category: 'Shipping', popularity: 1 },
];

const seeded = (entries: unknown[] = faq, version = 'v1') => new MemoryAdapter({ faq: { entries: entries as FaqEntry[], version } });

const shadow = (el: SfFaqSearch) => el.shadowRoot!;
const field = (el: SfFaqSearch) => shadow(el).querySelector('input')!;
const options = (el: SfFaqSearch) => [...shadow(el).querySelectorAll<HTMLElement>('[role=option]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const popup = (el: SfFaqSearch) => shadow(el).querySelector<HTMLElement>('.popup')!;
async function mountBox(adapter = seeded(), template = html`<sf-faq-search></sf-faq-search>`, locale?: string) {
  const el = await mount<SfFaqSearch>(template, { adapter, locale });
  return el;
}

/** Focuses the field and types like a shopper, over what was there. */
async function type(el: SfFaqSearch, words: string) {
  field(el).focus();
  field(el).select();
  await sendKeys({ type: words });
}

describe('<sf-faq-search>', () => {
  beforeEach(() => store.clear());
  afterEach(() => {
    unmountAll();
    document.querySelectorAll('body > sf-chat-launcher').forEach((node) => node.remove());
  });

  describe('keyboard (WAI-ARIA combobox with listbox popup)', () => {
    async function withAnswers() {
      const el = await mountBox();
      await type(el, 'can');
      await until(() => options(el).length === 2 && options(el)[0]!.querySelector('mark'), 'two answers');
      return el;
    }
    const active = (el: SfFaqSearch) => field(el).getAttribute('aria-activedescendant');
    const selected = (el: SfFaqSearch) => options(el).findIndex((option) => option.getAttribute('aria-selected') === 'true');

    it('moves through the answers with the arrows, wrapping, with DOM focus kept in the field', async () => {
      const el = await withAnswers();
      expect(active(el)).to.equal(null);
      await sendKeys({ press: 'ArrowDown' });
      expect([active(el), selected(el)]).to.deep.equal(['option-0', 0]);
      await sendKeys({ press: 'ArrowDown' });
      expect([active(el), selected(el)]).to.deep.equal(['option-1', 1]);
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el)).to.equal('option-0');
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el)).to.equal('option-1');
      expect(shadow(el).activeElement).to.equal(field(el));
    });

    it('jumps to the first and last answer with Home and End', async () => {
      const el = await withAnswers();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'End' });
      expect(active(el)).to.equal('option-1');
      await sendKeys({ press: 'Home' });
      expect(active(el)).to.equal('option-0');
    });

    it('opens the highlighted answer in place with Enter, with a link to its page, and fires sf-faq-open', async () => {
      const el = await withAnswers();
      const opened = oneEvent(el, 'sf-faq-open') as Promise<SfFaqOpenEvent>;
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      const event = await opened;
      expect([event.entry.id, event.query]).to.deep.equal(['gift-cards', 'can']);
      await until(() => shadow(el).querySelector('[part=answer]'), 'the answer');
      const answer = shadow(el).querySelector('[part=answer]')!;
      expect([...answer.querySelectorAll('p')].map(text)).to.deep.equal([
        'Can I send a gift card?',
        'Yes: gift cards are emailed within minutes.',
        'They never expire.',
      ]);
      expect(answer.querySelector('a')!.getAttribute('href')).to.equal('https://shop.example.com/pages/gift-cards');
      expect(field(el).getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('goes back from an answer to its place in the list with the Down arrow', async () => {
      const el = await withAnswers();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await until(() => shadow(el).querySelector('[part=answer]'));
      await sendKeys({ press: 'ArrowDown' });
      expect(shadow(el).querySelector('[part=answer]')).to.equal(null);
      expect(active(el)).to.equal('option-1');
    });

    it('closes the popup with Escape, and clears the box with a second Escape', async () => {
      const el = await withAnswers();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
      expect(popup(el).hidden).to.equal(true);
      expect([field(el).getAttribute('aria-expanded'), active(el)]).to.deep.equal(['false', null]);
      expect(field(el).value).to.equal('can');
      await sendKeys({ press: 'Escape' });
      expect(field(el).value).to.equal('');
    });

    it('opens an answer with a click without taking focus from the field', async () => {
      const el = await withAnswers();
      options(el)[0]!.click();
      await until(() => shadow(el).querySelector('[part=answer]'));
      expect(text(shadow(el).querySelector('#answer-title'))).to.equal('Can I return an item?');
    });

    it('keeps an answer closed when the shop cancels sf-faq-open', async () => {
      const el = await withAnswers();
      el.addEventListener('sf-faq-open', (event) => event.preventDefault());
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(shadow(el).querySelector('[part=answer]')).to.equal(null);
      expect(options(el)).to.have.length(2);
    });
  });
});
