import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, store, type FaqEntry } from '@shopfront/core';
import '../src/define.js';
import type { SfFaqSearch } from '../src/faq-search.js';
import { buildIndex } from '../src/engine/engine.js';
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

/** Waits until the options show `question` first, with highlights (the engine has answered). */
const untilFirst = (el: SfFaqSearch, question: string) =>
  until(() => text(options(el)[0]).startsWith(question) && options(el)[0]!.querySelector('mark'), `"${question}" first`);

describe('<sf-faq-search>', () => {
  beforeEach(() => store.clear());
  afterEach(() => {
    unmountAll();
    document.querySelectorAll('body > sf-chat-launcher').forEach((node) => node.remove());
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
