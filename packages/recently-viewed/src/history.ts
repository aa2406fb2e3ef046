/**
 * The shopper's history of viewed products: recording, dedupe, cap, expiry and
 * validation of what was stored. No DOM: the element, the `trackView` hook and
 * other tabs all go through these functions. The history lives in core's store
 * under `recently-viewed`: product data the shop publishes and when it was
 * viewed, nothing about the shopper.
 */
import * as z from 'zod/mini';
import { Id, lazy, lenientArray, Product, store } from '@shopfront/core';

/** One viewed product. `product` is the last known copy, absent until fetched. */
export interface ViewedProduct {
  id: string;
  /** `Date.now()` of the latest view. */
  viewedAt: number;
  /** `Date.now()` when the shop last confirmed `product` (0: never). */
  fetchedAt: number;
  product?: Product;
}

declare module '@shopfront/core' {
  interface StoreSchema {
    'recently-viewed': ViewedProduct[];
  }
}

/** How much history to keep; a missing or mistyped limit means the default. */
export interface HistoryLimits {
  /** Products shown (default 12); one more is kept for the product on the current page. */
  max?: number;
  /** Views older than this many days are forgotten (default 30). */
  days?: number;
}

export const HISTORY_KEY = 'recently-viewed';

const History = /* @__PURE__ */ lazy(() =>
  lenientArray(z.object({ id: Id, viewedAt: z.number(), fetchedAt: z.number(), product: z.optional(Product) }), 1e4),
);

/** The stored value, valid entries only: a corrupt entry is dropped with a warning and the rest kept. */
export function parseHistory(value: unknown): ViewedProduct[] {
  // A first visit has no history: nothing to check, so the schemas are not built for it.
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
  const result = History.safeParse(value);
  return result.success ? result.data : [];
}

/** A product (full data) or a product id, from `trackView`, the attribute or the page's JSON. */
export function toView(candidate: unknown): Pick<ViewedProduct, 'id' | 'product'> | undefined {
  // Most pages have no product to record (undefined): answered before building the product schema.
  if (candidate == null) return undefined;
  const product = Product.safeParse(candidate);
  if (product.success) return { id: product.data.id, product: product.data };
  const id = Id.safeParse((candidate as { id?: unknown } | null)?.id ?? candidate);
  return id.success ? { id: id.data } : undefined;
}

/** `value` if it is a positive number, else `fallback`: a mistyped attribute must not wipe the history. */
export const positive = (value: number | undefined, fallback: number) => (value! > 0 ? value! : fallback);

/** The entries viewed within `days`, newest first, at most `max`, leaving out `exclude`. */
export const recent = (history: ViewedProduct[], now: number, { max, days }: HistoryLimits = {}, exclude?: string) =>
  history.filter((entry) => entry.id != exclude && now - entry.viewedAt < positive(days, 30) * 864e5).slice(0, positive(max, 12));

/**
 * Moves the viewed product to the front; keeps `max` others (one more than is
 * shown, for the product on the current page, which is not).
 */
export function addView(history: ViewedProduct[], view: Pick<ViewedProduct, 'id' | 'product'>, now: number, limits?: HistoryLimits) {
  const previous = history.find((entry) => entry.id == view.id);
  // An id alone keeps the copy we have.
  const entry: ViewedProduct = view.product
    ? { id: view.id, viewedAt: now, fetchedAt: now, product: view.product }
    : { id: view.id, viewedAt: now, fetchedAt: previous?.fetchedAt ?? 0, product: previous?.product };
  return [entry, ...recent(history, now, limits, view.id)];
}

/** Ids whose copy is missing or older than `ttl` ms: what to fetch again. */
export const staleIds = (entries: ViewedProduct[], now: number, ttl: number) =>
  entries.filter((entry) => !entry.product || now - entry.fetchedAt > ttl).map((entry) => entry.id);

/** Read-modify-write of the history: atomic across tabs and within this one (the store's update). */
export const updateHistory = (updater: (history: ViewedProduct[]) => ViewedProduct[]) =>
  store.update(HISTORY_KEY, (stored) => updater(parseHistory(stored)));

/**
 * Records a view and returns the new history. Anything that is neither a valid
 * product nor an id is ignored with a warning.
 */
export async function recordView(candidate: unknown, limits?: HistoryLimits | null): Promise<ViewedProduct[] | undefined> {
  const view = toView(candidate);
  if (view) return updateHistory((history) => addView(history, view, Date.now(), limits ?? {}));
  console.warn('[shopfront] not a product:', candidate);
}

/** Forgets every view, in this tab and the others. */
export const clearHistory = () => store.delete(HISTORY_KEY);
