import type { ReactiveController } from 'lit';
import { LazyPart, store, yieldToMain, type BackendAdapter, type PartHost } from '@shopfront/core';
import { HISTORY_KEY, parseHistory, recent, recordView, staleIds, toView, type ViewedProduct } from './history.js';
import type * as Hydrate from './hydrate.js';

/** What the history needs of its element: the limits of what it shows, and the product on this page. */
type Host = PartHost & {
  max: number;
  days: number;
  /** Minutes a saved copy is trusted before it is fetched again. */
  ttl: number;
  /** The product on this page. */
  productId?: string;
};

/**
 * The history as an element shows it: records the page's product, follows the
 * store (this tab and the others), and has stale copies refreshed in one
 * `products.get` batch. A failed refresh keeps what is shown.
 */
export class HistoryController implements ReactiveController {
  /** Entries to show, newest first, each with a product copy; undefined until the store has answered. */
  shown?: ViewedProduct[];
  readonly #host: Host;
  /** The refreshing code: it loads only when a copy shown is stale. */
  readonly #hydrate: LazyPart<typeof Hydrate>;
  readonly #attempted = new Set<string>();
  /** Recent entries, with or without a copy, and this page's product. */
  #wanted: ViewedProduct[] = [];
  #current?: string;
  #loadedFor?: string | null;
  #adapter?: BackendAdapter;
  #abort?: AbortController;
  #unsubscribe?: () => void;
  #changes = 0;

  constructor(host: Host) {
    (this.#host = host).addController(this);
    this.#hydrate = new LazyPart(host, () => import('./hydrate.js'));
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    this.#loadedFor = null;
    this.#unsubscribe = store.subscribe(HISTORY_KEY, (value) => this.#show(value, ++this.#changes));
    addEventListener('online', this.#retry);
    // Loads again (hostUpdate), and tries every stale id again.
    this.#attempted.clear();
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#unsubscribe!();
    removeEventListener('online', this.#retry);
    this.#abort!.abort();
  }

  hostUpdate(): void {
    const { productId, runtime } = this.#host;
    if (this.#loadedFor !== productId) void this.#load((this.#loadedFor = productId));
    if (runtime?.adapter != this.#adapter) {
      this.#adapter = runtime?.adapter;
      this.#retry();
    }
  }

  async #load(productId?: string): Promise<void> {
    // Checking the page's product builds the product schema: a task of its own, after the first render's.
    await yieldToMain();
    let page: unknown;
    try {
      page = JSON.parse(document.querySelector('script[type="application/json"][data-sf-product]')!.textContent!);
    } catch {
      // No product JSON on this page, or not JSON.
    }
    const pageId = toView(page)?.id;
    this.#current = productId ?? pageId;
    // The page's JSON, for its full data, when it describes the product of the attribute (or there is none).
    const view = productId && productId != pageId ? productId : page;
    const changes = this.#changes;
    const value = view ? await recordView(view, this.#host) : await store.get(HISTORY_KEY);
    // A change seen meanwhile (our own record, another tab) is newer than this read.
    if (changes == this.#changes) this.#show(value);
  }

  #show(value: unknown, _change?: number): void {
    const history = parseHistory(value);
    const visible = recent(history, Date.now(), this.#host, this.#current);
    this.shown = visible.filter((entry) => entry.product);
    this.#wanted = visible.concat(history.filter((entry) => entry.id == this.#current));
    this.#refresh();
  }

  /** Tries every stale id again: a new adapter, the network is back, the element is back on the page. */
  readonly #retry = () => {
    this.#attempted.clear();
    this.#refresh();
  };

  /** Refreshes stale copies, each id once until `#retry`; the fetching code loads only when there are some. */
  #refresh(): void {
    const host = this.#host;
    const adapter = this.#adapter;
    const ids = staleIds(this.#wanted, Date.now(), (host.ttl >= 0 ? host.ttl : 60) * 6e4).filter(
      (id) => adapter && !this.#attempted.has(id) && this.#attempted.add(id),
    );
    if (ids.length) void this.#hydrate.load().then((module) => module?.hydrate(host, adapter!, ids, this.#abort!.signal));
    host.requestUpdate();
  }
}
