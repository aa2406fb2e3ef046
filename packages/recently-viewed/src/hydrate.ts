/**
 * Refreshing saved products, in a chunk of its own: it loads only when a copy
 * shown is older than the element's `ttl` (or missing), after the carousel has
 * rendered from what was saved.
 */
import { ProductList, reportLoadFailure, request, type BackendAdapter, type PartHost, type Product } from '@shopfront/core';
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
 * reports it as every widget does: `sf-load-error`, or one warning for a
 * backend without `products`.
 */
export async function hydrate(host: PartHost, adapter: BackendAdapter, ids: string[], signal: AbortSignal): Promise<void> {
  try {
    const { products } = await request(adapter, 'products', ProductList, (capability, inner) => capability.get(ids, { signal: inner }), {
      signal,
    });
    await updateHistory((history) => applyFetched(history, ids, products, Date.now()));
  } catch (error) {
    if (!signal.aborted) reportLoadFailure(host, error, 'shows saved prices');
  }
}
