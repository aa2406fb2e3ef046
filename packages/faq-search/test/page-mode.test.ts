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
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const marks = (node: Element | undefined | null) => [...(node?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent);
const status = (el: SfFaqSearch) => text(shadow(el).querySelector('.sf-visually-hidden[role=status]'));

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

  describe('page mode', () => {
    const mountPage = (adapter = seeded()) => mount<SfFaqSearch>(html`<sf-faq-search mode="page"></sf-faq-search>`, { adapter });

    it('lists the whole FAQ by topic, in the shop’s order', async () => {
      const el = await mountPage();
      await until(() => shadow(el).querySelectorAll('[part=topic]').length === 4, 'four topics');
      expect([...shadow(el).querySelectorAll('[part=topic-heading]')].map(text)).to.deep.equal(['Shipping', 'Returns', 'Care', 'Payments']);
      const shipping = shadow(el).querySelector('[part=topic]')!;
      expect([...shipping.querySelectorAll('[part=question]')].map(text)).to.deep.equal([
        'How long does shipping take?',
        '送料はいくらですか？',
      ]);
      await expect(el).to.be.accessible();
    });

    it('opens an answer in place, with a link to its page', async () => {
      const el = await mountPage();
      await until(() => shadow(el).querySelectorAll('[part=question]').length === 6);
      const question = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=question]')].find(
        (button) => text(button) === 'Can I send a gift card?',
      )!;
      const opened = oneEvent(el, 'sf-faq-open') as Promise<SfFaqOpenEvent>;
      question.click();
      expect((await opened).entry.id).to.equal('gift-cards');
      await until(() => question.getAttribute('aria-expanded') === 'true');
      const answer = shadow(el).getElementById(question.getAttribute('aria-controls')!)!;
      expect(answer.hidden).to.equal(false);
      expect([...answer.querySelectorAll('p')].map(text)).to.deep.equal([
        'Yes: gift cards are emailed within minutes.',
        'They never expire.',
      ]);
      expect(answer.querySelector('a')!.getAttribute('href')).to.equal('https://shop.example.com/pages/gift-cards');
      await expect(el).to.be.accessible();
      question.click();
      await until(() => question.getAttribute('aria-expanded') === 'false');
    });

    it('searches from the top of the page and hands off when nothing fits', async () => {
      const el = await mountPage(seeded());
      await until(() => shadow(el).querySelector('input[type=search]'));
      await type(el, 'wahs wool');
      await until(() => text(shadow(el).querySelector('[part=results] [part=question]')) === 'How do I wash wool?', 'the result');
      expect(marks(shadow(el).querySelector('[part=results]'))).to.deep.equal(['wash', 'wool']);
      await until(() => status(el) === 'One answer found.', `the count, not "${status(el)}"`);
      await type(el, 'zzzzqqq');
      await until(() => shadow(el).querySelector('[part=no-results]'));
    });

    it('keeps the space of the FAQ while it loads, so the page below does not move', async () => {
      const adapter = seeded();
      adapter.pause();
      const el = await mountPage(adapter);
      const skeleton = shadow(el).querySelector<HTMLElement>('[part=skeleton]')!;
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(skeleton.getBoundingClientRect().height).to.equal(24 * parseFloat(getComputedStyle(document.documentElement).fontSize));
      await expect(el).to.be.accessible();
      adapter.resume();
      await until(() => shadow(el).querySelector('[part=topic]'));
    });
  });
});
