import { tokenize } from './tokenize.js';

/** What the engine reads from an FAQ entry; core's `FaqEntry` fits. */
export interface IndexableEntry {
  id: string;
  question: string;
  answer: string;
  category?: string;
  tags?: readonly string[];
  popularity?: number;
}

/** Fields, in the order postings number them. */
export const FIELDS = ['question', 'answer', 'tags', 'category'] as const;
export type Field = (typeof FIELDS)[number];

/** Bumped whenever `FaqIndex` changes shape: a saved index of another format is rebuilt. */
export const INDEX_FORMAT = 2;

/**
 * A built index: strings and typed arrays only, so IndexedDB stores it and
 * `structuredClone` copies it fast.
 */
export interface FaqIndex {
  format: number;
  /** Entry ids by document number (the entry's position in the list indexed). */
  ids: string[];
  /** Every folded word, sorted by UTF-16 code unit. */
  terms: string[];
  /** How many leading characters `terms[i]` shares with `terms[i - 1]` (at most 255): the sorted terms read as a trie. */
  shared: Uint8Array;
  /** The postings of `terms[i]` are `postings[offsets[i]]` up to `postings[offsets[i + 1]]`. */
  offsets: Uint32Array;
  /** `document × 256 + field × 64 + occurrences` (at most 63), ordered by document then field. */
  postings: Uint32Array;
  /** How many documents hold each term. */
  documentFrequency: Uint32Array;
  /** Words per document and field: `lengths[document × 4 + field]`. */
  lengths: Uint16Array;
  /** Average words per field over all documents. */
  averageLengths: number[];
  /** Popularity per document on a log scale from 0 to 1: breaks ties. */
  popularity: Float32Array;
}

/**
 * Builds the index one entry (then 256 terms) per step: a caller that must not block (the page)
 * pauses between steps, a benchmark runs them all at once.
 */
export function* indexSteps(entries: readonly IndexableEntry[]): Generator<void, FaqIndex, void> {
  const count = entries.length;
  const byTerm = new Map<string, number[]>();
  const lengths = new Uint16Array(count * 4);
  const totals = [0, 0, 0, 0];
  const occurrences = new Map<string, number>();
  const countWord = (term: string) => void occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
  let mostPopular = 0;

  for (let document = 0; document < count; document++) {
    const entry = entries[document]!;
    const texts = [entry.question, entry.answer, entry.tags?.join(' ') ?? '', entry.category ?? ''];
    for (let field = 0; field < 4; field++) {
      tokenize(texts[field]!, countWord);
      let words = 0;
      for (const [term, times] of occurrences) {
        words += times;
        let postings = byTerm.get(term);
        if (!postings) byTerm.set(term, (postings = []));
        postings.push(document * 256 + field * 64 + Math.min(times, 63));
      }
      occurrences.clear();
      lengths[document * 4 + field] = Math.min(words, 65535);
      totals[field]! += words;
    }
    mostPopular = Math.max(mostPopular, entry.popularity ?? 0);
    yield;
  }

  const terms = [...byTerm.keys()].sort();
  const shared = new Uint8Array(terms.length);
  for (let i = 1; i < terms.length; i++) {
    const term = terms[i]!;
    const before = terms[i - 1]!;
    let length = 0;
    while (length < 255 && term.charCodeAt(length) === before.charCodeAt(length) && length < term.length) length++;
    shared[i] = length;
  }
  const offsets = new Uint32Array(terms.length + 1);
  const documentFrequency = new Uint32Array(terms.length);
  let size = 0;
  for (const term of terms) size += byTerm.get(term)!.length;
  const postings = new Uint32Array(size);
  let at = 0;
  for (let i = 0; i < terms.length; i++) {
    offsets[i] = at;
    let previous = -1;
    for (const posting of byTerm.get(terms[i]!)!) {
      postings[at++] = posting;
      if (posting >>> 8 !== previous) documentFrequency[i]!++;
      previous = posting >>> 8;
    }
    // The postings of a large FAQ take a while to pack: let the caller pause.
    if (i % 256 === 255) yield;
  }
  offsets[terms.length] = at;

  const scale = Math.log1p(mostPopular) || 1;
  return {
    format: INDEX_FORMAT,
    ids: entries.map((entry) => entry.id),
    terms,
    shared,
    offsets,
    postings,
    documentFrequency,
    lengths,
    averageLengths: totals.map((total) => total / Math.max(1, count) || 1),
    popularity: Float32Array.from(entries, (entry) => Math.log1p(entry.popularity ?? 0) / scale),
  };
}

/** Builds the index in one go. */
export function buildIndex(entries: readonly IndexableEntry[]): FaqIndex {
  const steps = indexSteps(entries);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Builds the index in slices of about `sliceMs` of work, awaiting `pause()`
 * between them (an idle callback in a page), so typing never waits for it.
 */
export async function buildIndexInSlices(
  entries: readonly IndexableEntry[],
  pause: () => Promise<unknown>,
  sliceMs = 8,
): Promise<FaqIndex> {
  const steps = indexSteps(entries);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
