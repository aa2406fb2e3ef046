import type { FaqIndex, Field } from './build-index.js';
import { isUnspaced, tokenize } from './tokenize.js';

export interface SearchOptions {
  /** Most hits returned (default 10); `total` still counts every match. */
  limit?: number;
  /** Keeps only the documents it accepts (a category chip). */
  filter?: (document: number) => boolean;
  /**
   * Share of the query's significant words (4 letters or more, or any word of an
   * unspaced script; every word if none is) an entry must match (default 0.5):
   * "do you sell unicorns" must not list every entry that says "do you".
   */
  minCoverage?: number;
  /**
   * Weight of a match per field. Defaults: question 3, answer 1, tags 1.5,
   * category 1. Raise `tags` or `category` to favour entries tagged with the words searched.
   */
  boost?: Partial<Record<Field, number>>;
}

export interface SearchHit {
  /** Position of the entry in the list indexed. */
  document: number;
  id: string;
  score: number;
}

/** Which folded characters of a matched word to highlight: `[from, to)`. */
export type MatchSpan = readonly [from: number, to: number];

export interface SearchResult {
  hits: SearchHit[];
  /** How many entries matched, before `limit`. */
  total: number;
  /** Every word that matched, folded, with the part of it that matched: what `highlight()` reads. */
  matches: Map<string, MatchSpan>;
}

interface Expansion {
  term: number;
  quality: number;
  span: MatchSpan;
}

const DEFAULT_BOOST = [3, 1, 1.5, 1];
/** BM25's usual constants: how fast repeats stop counting, how much length matters. */
const K1 = 1.2;
const B = 0.75;
/** Words one query word may stand for: keeps a one-letter prefix from touching the whole vocabulary. */
const MAX_EXPANSIONS = 48;

/** Typos forgiven in a word: one from 4 letters, two from 8; none in unspaced scripts or numbers. */
export function maxEdits(word: string): number {
  if (isUnspaced(word) || /^\d+$/.test(word)) return 0;
  const length = [...word].length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** First index whose term is `>= value`. */
function lowerBound(terms: readonly string[], value: string, from = 0): number {
  let low = from;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A prefix counts less than the whole word, and less the more of the word is missing. */
const prefixQuality = (typed: number, length: number) => 0.9 * (0.5 + (0.5 * typed) / length);
const typoQuality = (edits: number) => 1 - 0.25 * edits;

/**
 * The indexed words `word` may stand for: itself, words it begins (when
 * `prefix`), words within its edit budget, words whose beginning is within it
 * (a typo while typing), and for unspaced scripts words that contain it.
 */
function expand(index: FaqIndex, word: string, prefix: boolean): Expansion[] {
  const { terms } = index;
  const found: Expansion[] = [];
  const edits = maxEdits(word);
  const length = word.length;

  if (edits === 0) {
    for (let i = lowerBound(terms, word); i < terms.length && terms[i]!.startsWith(word); i++) {
      const term = terms[i]!;
      if (term.length === length) found.push({ term: i, quality: 1, span: [0, length] });
      else if (prefix) found.push({ term: i, quality: prefixQuality(length, term.length), span: [0, length] });
      else break;
    }
    if (isUnspaced(word)) {
      terms.forEach((term, i) => {
        const at = term.indexOf(word);
        if (at > 0) found.push({ term: i, quality: 0.5 * prefixQuality(length, term.length), span: [at, at + length] });
      });
    }
    return strongest(index, found);
  }

  // Edit distance (transpositions count as one) against every term, walking
  // the sorted terms as a trie: terms that share a beginning share DP rows,
  // and a beginning already too far from `word` skips every term that has it.
  const deepest = length + edits;
  const rows = Array.from({ length: deepest + 1 }, () => new Uint8Array(length + 1));
  rows[0]!.forEach((_, j) => (rows[0]![j] = j));
  // Best distance between `word` and a beginning of the term, up to each depth, and that depth.
  const bestDistance = new Uint8Array(deepest + 1).fill(255);
  const bestDepth = new Uint8Array(deepest + 1);
  const { shared } = index;
  const prefixMatch = (term: number, distance: number, depth: number): Expansion => {
    const exact = distance === 0 && depth === length;
    const termLength = terms[term]!.length;
    return {
      term,
      quality: exact ? prefixQuality(length, termLength) : typoQuality(distance) * prefixQuality(depth, termLength),
      span: [0, depth],
    };
  };
  // Rows are valid for the first `valid` characters of the term before.
  let valid = 0;

  for (let i = 0; i < terms.length;) {
    const term = terms[i]!;
    const last = Math.min(term.length, deepest);
    let depth = Math.min(valid, shared[i]!) + 1;
    let pruned = false;
    for (; depth <= last; depth++) {
      const row = rows[depth]!;
      const above = rows[depth - 1]!;
      const twoAbove = depth > 1 ? rows[depth - 2]! : undefined;
      const char = term.charCodeAt(depth - 1);
      const before = depth > 1 ? term.charCodeAt(depth - 2) : -1;
      row[0] = depth;
      let smallest = depth;
      for (let j = 1; j <= length; j++) {
        const same = word.charCodeAt(j - 1) === char;
        let cell = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (same ? 0 : 1));
        if (twoAbove && j > 1 && !same && word.charCodeAt(j - 2) === char && word.charCodeAt(j - 1) === before) {
          cell = Math.min(cell, twoAbove[j - 2]! + 1);
        }
        row[j] = cell;
        if (cell < smallest) smallest = cell;
      }
      const atEnd = row[length]!;
      const shallower = bestDistance[depth - 1]!;
      // On a tie, the deeper beginning: "shpi" highlights "ship" of "shipping", not "shi".
      if (atEnd <= shallower) {
        bestDistance[depth] = atEnd;
        bestDepth[depth] = depth;
      } else {
        bestDistance[depth] = shallower;
        bestDepth[depth] = bestDepth[depth - 1]!;
      }
      if (smallest > edits) {
        pruned = true;
        break;
      }
    }
    if (pruned) {
      // Rows only grow from here: no term under this beginning is a whole match,
      // but each is a prefix match if a shorter beginning already was one.
      valid = depth;
      let end = i + 1;
      while (end < terms.length && shared[end]! >= depth) end++;
      const distance = bestDistance[depth - 1]!;
      if (prefix && distance <= edits) for (let j = i; j < end; j++) found.push(prefixMatch(j, distance, bestDepth[depth - 1]!));
      i = end;
      continue;
    }
    valid = last;
    const whole = term.length <= deepest ? rows[term.length]![length]! : 255;
    const wholeMatch: Expansion | undefined = whole <= edits ? { term: i, quality: typoQuality(whole), span: [0, term.length] } : undefined;
    const beginning = prefix && bestDistance[last]! <= edits ? prefixMatch(i, bestDistance[last]!, bestDepth[last]!) : undefined;
    const better = wholeMatch && beginning ? (wholeMatch.quality >= beginning.quality ? wholeMatch : beginning) : (wholeMatch ?? beginning);
    if (better) found.push(better);
    i++;
  }
  return strongest(index, found);
}

/** The best `MAX_EXPANSIONS`: by quality, then by how many documents hold the word. */
function strongest(index: FaqIndex, found: Expansion[]): Expansion[] {
  if (found.length <= MAX_EXPANSIONS) return found;
  const frequency = index.documentFrequency;
  return found.sort((a, b) => b.quality - a.quality || frequency[b.term]! - frequency[a.term]!).slice(0, MAX_EXPANSIONS);
}

interface Scratch {
  totals: Float64Array;
  best: Float64Array;
  wordsMatched: Uint8Array;
  significantMatched: Uint8Array;
}
const scratches = new WeakMap<FaqIndex, Scratch>();

/** Per-document score buffers, made once per index and left zeroed after each search: typing makes no garbage. */
function scratchFor(index: FaqIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const count = index.ids.length;
    scratch = {
      totals: new Float64Array(count),
      best: new Float64Array(count),
      wordsMatched: new Uint8Array(count),
      significantMatched: new Uint8Array(count),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * Ranks entries for `query`: BM25 per field with question matches weighted
 * above answer matches, each query word scored by its best expansion (exact,
 * prefix, typo), entries that match more of the words first, popularity last.
 */
export function search(index: FaqIndex, query: string, options: SearchOptions = {}): SearchResult {
  const words: string[] = [];
  let endsInWord = false;
  tokenize(query, (term, _start, end) => {
    if (!words.includes(term)) words.push(term);
    endsInWord = end === query.length;
  });
  const matches = new Map<string, MatchSpan>();
  if (words.length === 0) return { hits: [], total: 0, matches };

  const { terms, offsets, postings, lengths, averageLengths, documentFrequency } = index;
  const count = index.ids.length;
  const boost = options.boost ?? {};
  const weights = DEFAULT_BOOST.map((weight, field) => boost[(['question', 'answer', 'tags', 'category'] as const)[field]!] ?? weight);
  const { totals, best, wordsMatched, significantMatched } = scratchFor(index);
  const isSignificant = (word: string) => word.length >= 4 || isUnspaced(word);
  const significantWords = words.filter(isSignificant).length;
  const candidates: number[] = [];

  words.forEach((word, position) => {
    const significant = !significantWords || isSignificant(word);
    // The word being typed is a prefix; a finished one only if it is long enough to mean something.
    const prefix = (position === words.length - 1 && endsInWord) || word.length >= 3;
    const reached: number[] = [];
    const expansions = expand(index, word, prefix);
    const rarity = (term: number) => {
      const documents = documentFrequency[term]!;
      return Math.log(1 + (count - documents + 0.5) / (documents + 0.5));
    };
    // No expansion counts as rarer than the likeliest one (the word itself when
    // it is indexed): a rare longer word ("returns") must not outrank "return".
    let likeliest = expansions[0];
    for (const expansion of expansions) if (expansion.quality > likeliest!.quality) likeliest = expansion;
    const ceiling = likeliest ? rarity(likeliest.term) : 0;
    for (const { term, quality, span } of expansions) {
      const text = terms[term]!;
      const known = matches.get(text);
      if (!known || span[1] - span[0] > known[1] - known[0]) matches.set(text, span);
      const idf = Math.min(rarity(term), ceiling) * quality;
      // Postings come by document: sum a document's fields, then keep its best word.
      for (let p = offsets[term]!, end = offsets[term + 1]!; p < end;) {
        const document = postings[p]! >>> 8;
        let sum = 0;
        for (; p < end && postings[p]! >>> 8 === document; p++) {
          const posting = postings[p]!;
          const field = (posting >>> 6) & 3;
          const times = posting & 63;
          const ratio = lengths[document * 4 + field]! / averageLengths[field]!;
          sum += (weights[field]! * times * (K1 + 1)) / (times + K1 * (1 - B + B * ratio));
        }
        const score = sum * idf;
        if (best[document] === 0) reached.push(document);
        if (score > best[document]!) best[document] = score;
      }
    }
    for (const document of reached) {
      if (totals[document] === 0) candidates.push(document);
      totals[document]! += best[document]!;
      wordsMatched[document]!++;
      if (significant) significantMatched[document]!++;
      best[document] = 0;
    }
  });

  const limit = options.limit ?? 10;
  const filter = options.filter;
  const minCoverage = options.minCoverage ?? 0.5;
  let hits: SearchHit[] = [];
  let total = 0;
  const everything = limit >= candidates.length;
  for (const document of candidates) {
    const coverage = wordsMatched[document]! / words.length;
    if (significantMatched[document]! / (significantWords || words.length) < minCoverage || (filter && !filter(document))) continue;
    total++;
    const score = totals[document]! * coverage * coverage * (1 + 0.1 * index.popularity[document]!);
    if (everything) {
      hits.push({ document, id: index.ids[document]!, score });
      continue;
    }
    // Keep the best `limit` in order as we go: no sort of every candidate.
    if (hits.length === limit && score <= hits[limit - 1]!.score) continue;
    let at = hits.length;
    while (at > 0 && hits[at - 1]!.score < score) at--;
    hits.splice(at, 0, { document, id: index.ids[document]!, score });
    if (hits.length > limit) hits.pop();
  }
  for (const document of candidates) {
    totals[document] = 0;
    wordsMatched[document] = 0;
    significantMatched[document] = 0;
  }
  if (everything) hits = hits.sort((a, b) => b.score - a.score || a.document - b.document);
  return { hits, total, matches };
}
