/**
 * The search engine with its saved index, loaded when the shopper first focuses
 * the box or the page is idle. The index is built once from the entries, saved
 * in the store with their version, and rebuilt when it changes.
 */
import { store, whenIdle, type FaqEntries, type FaqEntry } from '@shopfront/core';
import { buildIndexInSlices, highlight, INDEX_FORMAT, search, type FaqIndex, type HighlightRange } from './engine/engine.js';

interface SavedIndex {
  /** Which entries it was built from (see `fingerprint`). */
  fingerprint: string;
  index: FaqIndex;
}

declare module '@shopfront/core' {
  interface StoreSchema {
    /** The FAQ search index, rebuilt when the entries' version changes. */
    'faq-search-index': SavedIndex;
  }
}

/** Entries matching a query, best first, and where to highlight them. */
export interface Found {
  entries: FaqEntry[];
  /** Documents (positions in the list) of `entries`, for stable element ids. */
  documents: number[];
  /** Every match, before the limit. */
  total: number;
  mark: (text: string) => HighlightRange[];
}

export interface Searcher {
  readonly entries: readonly FaqEntry[];
  find(query: string, limit: number, category: string): Found;
}

/**
 * The entries' version, plus their ids and sizes: two FAQs that happen to share a
 * version (a demo and a shop, two locales) never share an index.
 */
export function fingerprint(data: FaqEntries): string {
  let hash = 2166136261;
  for (const entry of data.entries) {
    const key = `${entry.id}\n${entry.question}\n${entry.answer.length}\n${entry.category ?? ''}\n${entry.tags?.join() ?? ''}`;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  }
  return `${INDEX_FORMAT}:${data.version}:${data.entries.length}:${hash >>> 0}`;
}

/** Resolves when the browser is idle (or soon, if it never is). */
const idle = () => new Promise<void>((resolve) => whenIdle(resolve, 100));

let building: { fingerprint: string; index: Promise<FaqIndex> } | undefined;

async function loadIndex(data: FaqEntries, key: string): Promise<FaqIndex> {
  const saved = await store.get('faq-search-index');
  if (saved?.fingerprint === key && saved.index?.format === INDEX_FORMAT) return saved.index;
  const index = await buildIndexInSlices(data.entries, idle);
  void store.set('faq-search-index', { fingerprint: key, index });
  return index;
}

/**
 * A searcher over `data`: the saved index if it was built from these entries,
 * else one built in idle slices (and saved). Built once per page, however many
 * boxes ask.
 */
export async function prepareSearch(data: FaqEntries): Promise<Searcher> {
  const key = fingerprint(data);
  if (building?.fingerprint !== key) building = { fingerprint: key, index: loadIndex(data, key) };
  const index = await building.index;
  const { entries } = data;
  // Renders ask again for the same search (a key press, a chip): answer from the last one.
  let last: { key: string; found: Found } | undefined;
  return {
    entries,
    find(query, limit, category) {
      const key = `${query}\n${limit}\n${category}`;
      if (last?.key === key) return last.found;
      const result = search(index, query, { limit, filter: category ? (document) => entries[document]!.category === category : undefined });
      const documents = result.hits.map((hit) => hit.document);
      const found: Found = {
        entries: documents.map((document) => entries[document]!),
        documents,
        total: result.total,
        mark: (text) => highlight(text, result.matches),
      };
      last = { key, found };
      return found;
    },
  };
}
