/**
 * The search behind the box and the page, apart from how they look: the
 * result views and the engine (two chunks fetched side by side on first focus,
 * a search, or when the page is idle), the engine's index for the FAQ shown,
 * the popular questions the empty box offers, and what is said once the
 * shopper pauses typing.
 */
import type { CSSResult, ReactiveController } from 'lit';
import { LazyPart, whenIdle, type FaqEntries, type FaqEntry } from '@shopfront/core';
import { SfFaqSearchEvent } from './events.js';
import type * as Views from './results.js';
import type { FaqHost } from './results.js';
import type * as Engine from './search-loader.js';
import type { Found, Searcher } from './search-loader.js';

/** What the search sees of its element. */
export interface SearchHost extends FaqHost {
  /** Most answers the box lists; page mode lists every match. */
  readonly limit: number;
  /** Quiet milliseconds before the count is announced and `sf-faq-search` fires. */
  readonly debounce: number;
}

const byPopularity = new WeakMap<readonly FaqEntry[], FaqEntry[]>();

/** The most asked questions of `category` (every topic when empty), at most `limit`. */
export function popularEntries(entries: readonly FaqEntry[], category: string, limit: number): FaqEntry[] {
  // Sorted once per FAQ: it may have thousands of entries.
  let sorted = byPopularity.get(entries);
  if (!sorted) byPopularity.set(entries, (sorted = [...entries].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0))));
  return sorted.filter((entry) => !category || entry.category === category).slice(0, limit);
}

export class SearchController implements ReactiveController {
  /** Answers queries once the engine has loaded and its index is ready for the FAQ shown. */
  searcher?: Searcher;
  /** What the live region says: how many answers the query found, once the shopper paused typing. */
  announcement = '';
  /** After a failed fetch, the next `load()` (a focus, a keystroke) tries again. */
  readonly #results: LazyPart<{ styles: CSSResult; views: typeof Views; engine: typeof Engine }>;
  #preparing?: FaqEntries;
  #idleRequested = false;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #host: SearchHost;
  /** The FAQ shown, once loaded. */
  readonly #data: () => FaqEntries | undefined;

  constructor(host: SearchHost, data: () => FaqEntries | undefined) {
    this.#host = host;
    this.#data = data;
    host.addController(this);
    this.#results = new LazyPart(host, () =>
      Promise.all([import('./results.js'), import('./search-loader.js')]).then(([views, engine]) => ({
        styles: views.styles,
        views,
        engine,
      })),
    );
  }

  /** The result views, once they have loaded. */
  get views() {
    return this.#results.value?.views;
  }

  /** Fetches the views and the engine (once). */
  load(): void {
    void this.#results.load();
  }

  /** The answers to `query`, best first: at most `limit` in the box, every match on the page. */
  find(query: string): Found {
    const host = this.#host;
    return this.searcher!.find(query, host.mode === 'page' ? Infinity : host.limit, host.category);
  }

  /** The query changed: once the shopper pauses, the count is announced and `sf-faq-search` fires. */
  typed(): void {
    this.load();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settle(), this.#host.debounce);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  hostUpdated(): void {
    const data = this.#data();
    if (data && !this.#idleRequested) {
      this.#idleRequested = true;
      whenIdle(() => this.load());
    }
    const engine = this.#results.value?.engine;
    if (!data || !engine || this.#preparing === data) return;
    this.#preparing = data;
    void engine.prepareSearch(data).then(async (searcher) => {
      if (this.#preparing !== data) return;
      const first = !this.searcher;
      this.searcher = searcher;
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      // A search typed before the engine was ready is announced now.
      if (first && this.#timer === undefined && this.#host.query.trim()) this.#settle();
    });
  }

  /** After the quiet time: the count for the live region, and `sf-faq-search` for the shop. */
  #settle(): void {
    this.#timer = undefined;
    const host = this.#host;
    const { views } = this;
    const query = host.query.trim();
    if (!query) this.announcement = '';
    else {
      if (!this.searcher || !views) return;
      const found = this.find(query);
      const message = views.textOf(host).count(host.mode === 'page' ? found.total : found.entries.length);
      // The same words twice would not be announced again.
      this.announcement = this.announcement === message ? `${message}\u00a0` : message;
      host.dispatchEvent(new SfFaqSearchEvent(query, found.total));
    }
    host.requestUpdate();
  }
}
