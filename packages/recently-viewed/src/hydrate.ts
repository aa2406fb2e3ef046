/**
 * Refreshing saved products, in a chunk of its own: it loads only when a copy
 * shown is older than the element's `ttl` (or missing), after the carousel has
 * rendered from what was saved.
 */
import { ProductList, request, SfLoadErrorEvent, toAdapterError, warnOnce, type BackendAdapter, type Product } from '@shopfront/core';
import { updateHistory, type ViewedProduct } from './history.js';

/** Applies the shop's answer for `asked`: fresh copies replace old ones; ids it no longer knows are dropped. */
export function applyFetched(history: ViewedProduct[], asked: string[], products: Product[], now: number): ViewedProduct[] {
  return history.flatMap((entry) => {
    const product = products.find((fresh) => fresh.id == entry.id);
    if (!asked.includes(entry.id)) return [entry];
    return product ? [{ id: entry.id, viewedAt: entry.viewedAt, fetchedAt: now, product }] : [];
  });
}

/**
 * Fetches `ids` in one `products.get` call and writes the answer into the
 * history, which tells every tab. On failure what is shown stays, and `host`
 * fires `sf-load-error` (a backend without `products` only logs a warning).
 */
export async function hydrate(host: HTMLElement, adapter: BackendAdapter, ids: string[], signal: AbortSignal): Promise<void> {
  try {
    const { products } = await request(adapter, 'products', ProductList, (capability, inner) => capability.get(ids, { signal: inner }), {
      signal,
    });
    await updateHistory((history) => applyFetched(history, ids, products, Date.now()));
  } catch (error) {
    if (signal.aborted) return;
    const failure = toAdapterError(error);
    if (failure.kind == 'unsupported') warnOnce(`<${host.localName}> shows saved prices: ${failure.message}`);
    else host.dispatchEvent(new SfLoadErrorEvent(failure));
  }
}
