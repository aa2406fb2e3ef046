import { expect, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, provideHook, store, type FaqEntry } from '@shopfront/core';
import '../src/define.js';
import type { SfFaqSearch } from '../src/faq-search.js';
import { buildIndex } from '../src/engine/engine.js';
import type { SfFaqNoResultsEvent, SfFaqOpenEvent, SfFaqSearchEvent } from '../src/events.js';
import { fingerprint } from '../src/search-loader.js';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleFaq } from '../../../test/helpers/sample-data.js';
import { corpusQueries, faqCorpus } from './fixtures/corpus.js';

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
const popup = (el: SfFaqSearch) => shadow(el).querySelector<HTMLElement>('.popup')!;
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

  describe('states', () => {
    it('keeps the field usable while the FAQ loads, with a loading state in the popup', async () => {
      const adapter = seeded();
      adapter.pause();
      const el = await mountBox(adapter);
      field(el).focus();
      await el.updateComplete;
      expect(popup(el).querySelector('[part=skeleton][role=status]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      adapter.resume();
      await until(() => options(el).length === 5);
    });

    it('shows the error state with a retry for a bad payload, never a blank, and recovers', async () => {
      const adapter = seeded();
      adapter.respondNext('faq.entries', { version: 'v1', entries: 'not a list' });
      const el = await mountBox(adapter);
      field(el).focus();
      await until(() => popup(el).querySelector('[role=alert]'), 'the error state');
      expect(text(popup(el).querySelector('[role=alert] p'))).to.equal(
        "We received something we didn't understand. Please try again later.",
      );
      await expect(el).to.be.accessible();
      popup(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
      await until(() => options(el).length === 5, 'the questions after retrying');
    });

    it('offline, shows the saved FAQ with a notice, and still searches it', async () => {
      const first = await mountBox();
      await until(async () => (await store.get('cache:faq-entries')) !== undefined, 'the saved FAQ');
      unmountAll();
      const adapter = seeded();
      adapter.offline = true;
      const el = await mountBox(adapter);
      field(el).focus();
      await until(() => popup(el).querySelector('[part=notice]'), 'the offline notice');
      expect(text(popup(el).querySelector('[part=notice]'))).to.equal("You're offline. Showing what was saved earlier.");
      await expect(el).to.be.accessible();
      await type(el, 'wool');
      await untilFirst(el, 'How do I wash wool?');
      expect(first.isConnected).to.equal(false);
    });

    it('skips a malformed entry with a warning, and the rest stay searchable', async () => {
      const adapter = seeded([faq[0], { id: 'broken', answer: 'No question here.' }, faq[3]]);
      let el!: SfFaqSearch;
      const warnings = await captureWarnings(async () => {
        el = await mountBox(adapter);
        field(el).focus();
        await until(() => options(el).length === 2, 'the valid questions');
      });
      expect(warnings.some((warning) => warning.includes('skipped item 1') && warning.includes('question'))).to.equal(true);
      await type(el, 'gfit');
      await untilFirst(el, 'Can I send a gift card?');
    });

    it('says so when the FAQ is empty', async () => {
      const el = await mountBox(seeded([]));
      field(el).focus();
      await until(() => text(popup(el).querySelector('.none')) === 'There are no questions here yet.');
      await expect(el).to.be.accessible();
    });

    it('renders nothing, with one warning, when the backend has no FAQ', async () => {
      let el!: SfFaqSearch;
      const warnings = await captureWarnings(async () => {
        el = await mountBox(new MemoryAdapter({ reviews: [] }));
        await until(() => !shadow(el).querySelector('input'), 'nothing rendered');
      });
      expect(warnings.filter((warning) => warning.includes('<sf-faq-search> renders nothing'))).to.have.length(1);
    });
  });

  describe('the index', () => {
    it('saves the index with the FAQ’s version, and rebuilds it when the version changes', async () => {
      // Versions no other test uses: an index built earlier on the page is reused, not saved again.
      const el = await mountBox(seeded(faq, 'save-1'));
      await type(el, 'wool');
      await untilFirst(el, 'How do I wash wool?');
      await until(async () => (await store.get('faq-search-index'))?.fingerprint.includes(':save-1:'), 'the saved index');
      unmountAll();

      const changed = [...faq, { id: 'llama', question: 'Do you sell llama wool?', answer: 'Yes, in winter.', popularity: 1 }];
      const next = await mountBox(seeded(changed, 'save-2'));
      await type(next, 'llama');
      await untilFirst(next, 'Do you sell llama wool?');
      await until(async () => (await store.get('faq-search-index'))?.fingerprint.includes(':save-2:'), 'the rebuilt index');
    });

    it('searches with the saved index instead of building one again', async () => {
      const data = { version: 'saved', entries: faq };
      // A saved index that, unlike the entries, knows the word "llamas" for the first entry: only using it finds that.
      const decoy = buildIndex(faq.map((entry, i) => (i === 0 ? { ...entry, question: 'Where are the llamas?' } : entry)));
      await store.set('faq-search-index', { fingerprint: fingerprint(data), index: decoy });
      const el = await mountBox(seeded(faq, 'saved'));
      await type(el, 'llamas');
      await until(() => text(options(el)[0]) === 'How long does shipping take?', 'the entry the saved index points to');
    });

    it('searches a 2,000-entry FAQ, indexed in idle slices', async () => {
      const corpus = faqCorpus(2000, 4);
      const { typo } = corpusQueries(corpus, 1, 9);
      const target = corpus.find((entry) => entry.id === typo[0]!.target)!;
      const el = await mountBox(seeded(corpus));
      field(el).focus();
      field(el).value = typo[0]!.query;
      field(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await until(() => options(el).some((option) => text(option).startsWith(target.question)), 'the asked entry', 20000);
    });
  });

  describe('look and language', () => {
    it('speaks Arabic and lays out right to left', async () => {
      const el = await mountBox(seeded(), html`<sf-faq-search></sf-faq-search>`, 'ar');
      await until(() => field(el).getAttribute('aria-label') === 'البحث في الأسئلة الشائعة', 'the Arabic strings');
      expect(getComputedStyle(el).direction).to.equal('rtl');
      field(el).focus();
      await until(() => options(el).length === 5);
      // Logical properties: the search icon sits at the right edge in RTL.
      const icon = shadow(el).querySelector('svg')!.getBoundingClientRect();
      const box = field(el).getBoundingClientRect();
      expect(box.right - icon.right).to.be.lessThan(icon.left - box.left);
      await expect(el).to.be.accessible();
    });

    it('follows the dark theme through the design tokens', async () => {
      const el = await mountBox(seeded(), html`<sf-faq-search theme="dark"></sf-faq-search>`);
      field(el).focus();
      await until(() => options(el).length === 5);
      expect(getComputedStyle(popup(el)).backgroundColor).to.equal('rgb(31, 41, 55)');
      await expect(el).to.be.accessible();
    });

    it('stops animating for shoppers who ask for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await mountBox(seeded(), html`<sf-faq-search mode="page"></sf-faq-search>`);
        await until(() => shadow(el).querySelector('[part=question]'));
        expect(getComputedStyle(shadow(el).querySelector('[part=question]')!, '::after').transitionDuration).to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });
});
