import { expect } from '@open-wc/testing';
import {
  buildIndex,
  buildIndexInSlices,
  fold,
  highlight,
  maxEdits,
  search,
  type IndexableEntry,
  type SearchOptions,
} from '../src/engine/engine.js';
import { corpusQueries, faqCorpus } from './fixtures/corpus.js';

const entries: IndexableEntry[] = [
  {
    id: 'shipping',
    question: 'How long does shipping take?',
    answer: 'Orders ship within 2 business days.',
    category: 'Shipping',
    popularity: 90,
  },
  { id: 'returns', question: 'Can I return an item?', answer: 'Yes, within 30 days of delivery.', category: 'Returns', popularity: 80 },
  { id: 'wool', question: 'How do I wash wool?', answer: 'Hand wash cold, dry flat.', category: 'Care', tags: ['wool'] },
  { id: 'creme', question: 'Is the Crème brûlée vegan?', answer: 'No, it contains cream and eggs.', category: 'Food' },
  {
    id: 'international',
    question: 'Do you deliver internationally?',
    answer: 'We deliver to 40 countries. International orders may pay customs.',
    category: 'Shipping',
  },
  { id: 'postage-jp', question: '送料はいくらですか？', answer: '5000円以上のご注文で送料無料です。', category: '配送' },
  { id: 'returns-zh', question: '如何退货？', answer: '收到商品后30天内可以退货。', category: '退货' },
  {
    id: 'austria',
    question: 'Wie lange dauert der Versand nach Österreich?',
    answer: 'Bitte Straße und Hausnummer angeben.',
    category: 'Versand',
  },
];
const index = buildIndex(entries);

const ids = (query: string, options?: SearchOptions) => search(index, query, options).hits.map((hit) => hit.id);
/** The highlighted parts of `text` for `query`, as `[start, end, text]`. */
const marks = (query: string, text: string) =>
  highlight(text, search(index, query).matches).map(([start, end]) => [start, end, text.slice(start, end)]);

describe('FAQ search engine', () => {
  describe('typos', () => {
    it('finds "shipping" when the shopper types "shiping"', () => {
      expect(ids('shiping')[0]).to.equal('shipping');
    });

    it('counts two swapped letters as one typo: "retrun" finds returns', () => {
      expect(ids('retrun')[0]).to.equal('returns');
    });

    it('forgives two typos from eight letters: "intrenatinal" finds international delivery', () => {
      expect(ids('intrenatinal')).to.deep.equal(['international']);
    });

    it('forgives no typo under four letters: "wol" finds nothing', () => {
      expect(ids('wol')).to.deep.equal([]);
    });

    it('forgives only one typo from four to seven letters: "shpiing" finds nothing', () => {
      expect(ids('shpiing')).to.deep.equal([]);
    });

    it('allows one edit from 4 letters and two from 8, none in unspaced scripts or numbers', () => {
      expect([maxEdits('abc'), maxEdits('abcd'), maxEdits('abcdefg'), maxEdits('abcdefgh')]).to.deep.equal([0, 1, 1, 2]);
      expect([maxEdits('送料無料です'), maxEdits('123456789')]).to.deep.equal([0, 0]);
    });
  });

  describe('prefixes', () => {
    it('finds answers while the word is being typed: "shipp" finds shipping', () => {
      expect(ids('how long shipp')[0]).to.equal('shipping');
    });

    it('finds through a typo while typing: "intrenat" finds international delivery', () => {
      expect(ids('intrenat')).to.deep.equal(['international']);
    });

    it('ranks the whole word above words it begins', () => {
      const ranked = buildIndex([
        { id: 'longer', question: 'Shipping costs', answer: '' },
        { id: 'exact', question: 'Ship costs', answer: '' },
      ]);
      expect(search(ranked, 'ship').hits.map((hit) => hit.id)).to.deep.equal(['exact', 'longer']);
    });
  });

  describe('accents and case', () => {
    it('finds "Crème brûlée" typed without accents, and in capitals', () => {
      expect(ids('creme brulee')[0]).to.equal('creme');
      expect(ids('CRÈME BRÛLÉE')[0]).to.equal('creme');
    });

    it('finds "Österreich" from "osterreich" and "Straße" from "strasse"', () => {
      expect(ids('osterreich')).to.deep.equal(['austria']);
      expect(ids('strasse')).to.deep.equal(['austria']);
    });

    it('treats accents typed as combining marks like precomposed ones', () => {
      expect(fold('Cre\u0300me')).to.equal('creme');
      expect(ids('Cre\u0300me')[0]).to.equal('creme');
    });

    it('keeps marks that belong to the letter (Devanagari vowels, kana voicing)', () => {
      expect(fold('हिंदी')).to.equal('हिंदी');
      expect(fold('ガイド')).to.equal('ガイド');
    });
  });

  describe('CJK', () => {
    it('segments Japanese into words: "送料" finds the postage question', () => {
      expect(ids('送料')).to.deep.equal(['postage-jp']);
    });

    it('finds Chinese by word and by part of a word', () => {
      expect(ids('退货')).to.deep.equal(['returns-zh']);
      expect(ids('货')).to.deep.equal(['returns-zh']);
    });
  });

  describe('ranking', () => {
    const ranking = buildIndex([
      { id: 'answer-only', question: 'What is your policy?', answer: 'Any return is free. A return label comes with every return.' },
      { id: 'question', question: 'Can I return an item?', answer: 'Yes.' },
      { id: 'tagged', question: 'Sizing help', answer: 'See the chart.', tags: ['return'], category: 'Returns' },
    ]);

    it('ranks a question match above answer matches', () => {
      expect(search(ranking, 'return').hits[0]!.id).to.equal('question');
    });

    it('boosts tags and categories when asked', () => {
      expect(search(ranking, 'return', { boost: { tags: 20 } }).hits[0]!.id).to.equal('tagged');
      expect(search(ranking, 'returns', { boost: { category: 20 } }).hits[0]!.id).to.equal('tagged');
    });

    it('puts entries that match more of the words first', () => {
      expect(ids('wash wool')[0]).to.equal('wool');
      expect(ids('deliver customs')[0]).to.equal('international');
    });

    it('does not take a match of short words alone for an answer: "do you sell unicorns" finds nothing', () => {
      expect(ids('do you sell unicorns')).to.deep.equal([]);
      expect(ids('do you deliver')[0]).to.equal('international');
      expect(ids('return policy')).to.deep.equal(['returns']);
    });

    it('breaks ties with popularity', () => {
      const tie = buildIndex([
        { id: 'rare', question: 'Gift cards', answer: 'Yes.', popularity: 1 },
        { id: 'popular', question: 'Gift cards', answer: 'Yes.', popularity: 500 },
      ]);
      expect(search(tie, 'gift').hits.map((hit) => hit.id)).to.deep.equal(['popular', 'rare']);
    });

    it('filters and limits, and still counts every match', () => {
      const result = search(index, 'how', { limit: 1 });
      expect(result.hits).to.have.length(1);
      expect(result.total).to.equal(2);
      expect(ids('deliver', { filter: (document) => entries[document]!.category === 'Returns' })).to.deep.equal(['returns']);
    });
  });

  describe('highlight ranges', () => {
    it('marks the whole word for a typo', () => {
      expect(marks('shiping', 'How long does shipping take?')).to.deep.equal([[14, 22, 'shipping']]);
    });

    it('marks only the typed part of a prefix', () => {
      expect(marks('shipp', 'How long does shipping take?')).to.deep.equal([[14, 19, 'shipp']]);
    });

    it('marks the matched beginning of a word typed with a typo', () => {
      expect(marks('intrenat', 'Do you deliver internationally?')).to.deep.equal([[15, 23, 'internat']]);
    });

    it('marks accented words as written', () => {
      expect(marks('creme brulee', 'Is the Crème brûlée vegan?')).to.deep.equal([
        [7, 12, 'Crème'],
        [13, 19, 'brûlée'],
      ]);
      expect(marks('creme', 'Cre\u0300me')).to.deep.equal([[0, 6, 'Cre\u0300me']]);
      expect(marks('stra', 'Straße')).to.deep.equal([[0, 4, 'Stra']]);
      expect(marks('strasse', 'Straße')).to.deep.equal([[0, 6, 'Straße']]);
    });

    it('marks CJK words exactly, joining neighbours', () => {
      expect(marks('送料', '5000円以上のご注文で送料無料です。')).to.deep.equal([[12, 14, '送料']]);
      expect(marks('送料無料', '5000円以上のご注文で送料無料です。')).to.deep.equal([[12, 16, '送料無料']]);
    });

    it('marks nothing that did not match', () => {
      expect(marks('wool', 'How long does shipping take?')).to.deep.equal([]);
    });
  });

  describe('the index', () => {
    it('builds in slices, pausing between them, into the same index', async () => {
      const corpus = faqCorpus(800, 3);
      let pauses = 0;
      const sliced = await buildIndexInSlices(corpus, async () => void pauses++, 0);
      expect(pauses).to.be.greaterThan(100);
      const whole = buildIndex(corpus);
      expect(sliced.terms).to.deep.equal(whole.terms);
      expect([...sliced.postings]).to.deep.equal([...whole.postings]);
    });

    it('still searches after a structured clone (as IndexedDB stores it)', () => {
      const copy = structuredClone(index);
      expect(search(copy, 'shiping').hits.map((hit) => hit.id)).to.deep.equal(ids('shiping'));
    });

    it('finds the asked entry among 1,000 despite a typo, 9 times in 10 at least', () => {
      const corpus = faqCorpus(1000, 5);
      const big = buildIndex(corpus);
      const { exact, typo } = corpusQueries(corpus, 60, 11);
      const found = (queries: typeof exact, depth: number) =>
        queries.filter(({ query, target }) => search(big, query, { limit: depth }).hits.some((hit) => hit.id === target)).length /
        queries.length;
      expect(found(exact, 1)).to.equal(1);
      expect(found(typo, 5)).to.be.at.least(0.9);
    });
  });
});
