import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, provideHook, store, type FaqEntry } from '@shopfront/core';
import '../src/define.js';
import type { SfFaqSearch } from '../src/faq-search.js';
import type { SfFaqSearchEvent } from '../src/events.js';
import type { SfFaqNoResultsEvent } from '../src/no-results-event.js';
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
const marks = (node: Element | undefined | null) => [...(node?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent);
/** Marks in an option's question, not in the answer snippet under it. */
const questionMarks = (option: Element | undefined) =>
  [...(option?.querySelectorAll('mark') ?? [])].filter((mark) => !mark.closest('.snippet')).map((mark) => mark.textContent);
const snippetMarks = (option: Element | undefined) => marks(option?.querySelector('.snippet'));
/** An option's question with its highlights in brackets: "How long does [shipp]ing take?". */
const bracketed = (option: Element | undefined): string =>
  [...(option?.childNodes ?? [])]
    .map((node) => {
      if (node instanceof HTMLElement && node.classList.contains('snippet')) return '';
      if (node instanceof HTMLElement && node.localName === 'mark') return `[${node.textContent}]`;
      if (node instanceof HTMLElement) return bracketed(node);
      return node.nodeType === Node.TEXT_NODE ? node.textContent : '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
const status = (el: SfFaqSearch) => text(shadow(el).querySelector('.sf-visually-hidden[role=status]'));

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

/** Waits until the options show `question` first, with highlights (the engine has answered). */
const untilFirst = (el: SfFaqSearch, question: string) =>
  until(() => text(options(el)[0]).startsWith(question) && options(el)[0]!.querySelector('mark'), `"${question}" first`);

describe('<sf-faq-search>', () => {
  beforeEach(() => store.clear());
  afterEach(() => {
    unmountAll();
    document.querySelectorAll('body > sf-chat-launcher').forEach((node) => node.remove());
  });

  describe('the box', () => {
    it('offers the most asked questions when the shopper focuses the empty box', async () => {
      const el = await mountBox();
      await until(() => el.shadowRoot!.querySelector('input'));
      field(el).focus();
      await until(() => options(el).length === 5, 'five popular questions');
      expect(options(el).map(text)).to.deep.equal([
        'How long does shipping take?',
        'Can I return an item?',
        'Can I send a gift card?',
        'Is the crème brûlée vegan?',
        '送料はいくらですか？',
      ]);
      expect(text(shadow(el).querySelector('#list-label'))).to.equal('Popular questions');
      expect(field(el).getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('finds "shipping" from the typo "shiping", marking the whole word', async () => {
      const el = await mountBox();
      await type(el, 'shiping');
      await untilFirst(el, 'How long does shipping take?');
      expect(bracketed(options(el)[0])).to.equal('How long does [shipping] take?');
      expect(shadow(el).querySelector('#list-label')!.textContent).to.equal('Answers');
      await expect(el).to.be.accessible();
    });

    it('marks only the typed part of a word while the shopper types', async () => {
      const el = await mountBox();
      await type(el, 'how long shipp');
      await untilFirst(el, 'How long does shipping take?');
      // The mark sits exactly on "shipp"; the rest of the word stays plain text.
      expect(bracketed(options(el)[0])).to.equal('[How] [long] does [shipp]ing take?');
    });

    it('finds "crème brûlée" typed without accents, and marks it as written', async () => {
      const el = await mountBox();
      await type(el, 'creme brulee');
      await untilFirst(el, 'Is the crème brûlée vegan?');
      expect(bracketed(options(el)[0])).to.equal('Is the [crème] [brûlée] vegan?');
    });

    it('finds a Japanese question from a word inside it', async () => {
      const el = await mountBox();
      field(el).focus();
      field(el).value = '送料';
      field(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await untilFirst(el, '送料はいくらですか？');
      expect(bracketed(options(el)[0])).to.equal('[送料]はいくらですか？');
      expect(snippetMarks(options(el)[0])).to.deep.equal(['送料']);
    });

    it('ranks a question that matches above an answer that does', async () => {
      const el = await mountBox(
        seeded([
          { id: 'policy', question: 'What is your policy?', answer: 'Every return is free; a return label comes with every return.' },
          { id: 'return', question: 'Can I return a gift?', answer: 'Yes.' },
        ]),
      );
      await type(el, 'return');
      await untilFirst(el, 'Can I return a gift?');
      expect(text(options(el)[1])).to.contain('What is your policy?');
      // The answer that matched shows as a snippet, marked.
      expect(snippetMarks(options(el)[1])).to.deep.equal(['return', 'return', 'return']);
    });

    it('shows text as text: markup in a question is never parsed', async () => {
      const el = await mountBox(seeded([{ id: 'x', question: 'Is <img src=x onerror=alert(1)> <b>bold</b> allowed?', answer: 'No.' }]));
      await type(el, 'bold');
      await untilFirst(el, 'Is <img src=x onerror=alert(1)> <b>bold</b> allowed?');
      expect(shadow(el).querySelector('img, b')).to.equal(null);
      expect(questionMarks(options(el)[0])).to.deep.equal(['bold']);
    });

    it('announces how many answers it found once the shopper pauses', async () => {
      const el = await mountBox();
      await type(el, 'can');
      await until(() => status(el) === '2 answers found.', 'the count announced');
      await type(el, 'xyzzyq');
      await until(() => status(el) === 'No answers found.', 'no answers announced');
    });

    it('fires one sf-faq-search with the final query and its count after quick typing', async () => {
      const el = await mountBox(seeded(), html`<sf-faq-search debounce="50"></sf-faq-search>`);
      const searches: SfFaqSearchEvent[] = [];
      el.addEventListener('sf-faq-search', (event) => searches.push(event));
      const settled = oneEvent(el, 'sf-faq-search');
      field(el).focus();
      for (const value of ['g', 'gi', 'gif', 'gift']) {
        field(el).value = value;
        field(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      await settled;
      expect(searches.map((event) => [event.query, event.count])).to.deep.equal([['gift', 1]]);
    });

    it('moves to the first popular question with the Down arrow', async () => {
      const el = await mountBox();
      field(el).focus();
      await until(() => options(el).length === 5);
      await sendKeys({ press: 'ArrowDown' });
      expect(field(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    });
  });

  describe('topics', () => {
    it('narrows the questions to a topic with the chips', async () => {
      const el = await mountBox();
      field(el).focus();
      await until(() => shadow(el).querySelectorAll('[part=chip]').length === 5, 'the chips');
      const chip = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=chip]')].find((button) => text(button) === 'Shipping')!;
      chip.click();
      await until(() => options(el).length === 2);
      expect(options(el).map(text)).to.deep.equal(['How long does shipping take?', '送料はいくらですか？']);
      expect(chip.getAttribute('aria-pressed')).to.equal('true');
      expect(shadow(el).activeElement).to.equal(field(el));
      await expect(el).to.be.accessible();
    });
  });

  describe('no answer', () => {
    it('"Ask us" opens the chat with the question typed in, and fires sf-faq-no-results', async () => {
      document.body.append(document.createElement('sf-chat-launcher'));
      const prefills: unknown[] = [];
      const removeHook = provideHook('openChat', (prefill) => prefills.push(prefill));
      try {
        const el = await mountBox();
        await type(el, 'do you sell unicorns');
        await until(() => shadow(el).querySelector('[part=ask-button]'), 'the hand-off');
        expect(text(shadow(el).querySelector('[part=no-results] p'))).to.equal('We have no answer for “do you sell unicorns” yet.');
        await expect(el).to.be.accessible();
        const asked = oneEvent(el, 'sf-faq-no-results') as Promise<SfFaqNoResultsEvent>;
        shadow(el).querySelector<HTMLButtonElement>('[part=ask-button]')!.click();
        expect((await asked).query).to.equal('do you sell unicorns');
        expect(prefills).to.deep.equal(['do you sell unicorns']);
      } finally {
        removeHook();
      }
    });

    it('lets the shop hand off its own way by cancelling sf-faq-no-results', async () => {
      document.body.append(document.createElement('sf-chat-launcher'));
      const prefills: unknown[] = [];
      const removeHook = provideHook('openChat', (prefill) => prefills.push(prefill));
      try {
        const el = await mountBox();
        el.addEventListener('sf-faq-no-results', (event) => event.preventDefault());
        await type(el, 'unicorns');
        await until(() => shadow(el).querySelector('[part=ask-button]'));
        shadow(el).querySelector<HTMLButtonElement>('[part=ask-button]')!.click();
        expect(prefills).to.deep.equal([]);
      } finally {
        removeHook();
      }
    });

    it('without a chat, links to the shop’s contact address with the question as the mail', async () => {
      const el = await mountBox(seeded(), html`<sf-faq-search contact-url="mailto:help@shop.example"></sf-faq-search>`);
      await type(el, 'unicorns');
      await until(() => shadow(el).querySelector('[part=contact-link]'), 'the contact link');
      expect(shadow(el).querySelector('[part=contact-link]')!.getAttribute('href')).to.equal('mailto:help@shop.example?body=unicorns');
      expect(shadow(el).querySelector('[part=ask-button]')).to.equal(null);
    });

    it('refuses a contact link that is not mailto or http(s)', async () => {
      const el = await mountBox(seeded(), html`<sf-faq-search contact-url="javascript:alert(1)"></sf-faq-search>`);
      await type(el, 'unicorns');
      await until(() => shadow(el).querySelector('[part=no-results]'));
      expect(shadow(el).querySelector('a')).to.equal(null);
    });
  });
});
