/** Shared by this package's tests: products, a seeded history, what the carousel shows. */
import { store, type Product } from '@shopfront/core';
import type { ViewedProduct } from '../src/history.js';
import { sampleProduct } from '../../../test/helpers/sample-data.js';

/** A local image (300×200, not the frame's 1:1), so tests load a real file and make no outside requests. */
export const IMAGE_URL = new URL('./fixtures/product.svg', import.meta.url).href;

export function product(n: number, overrides: Partial<Product> = {}): Product {
  return sampleProduct({
    id: `p${n}`,
    handle: `product-${n}`,
    title: `Product ${n}`,
    url: `https://shop.example.com/products/product-${n}`,
    image: { url: IMAGE_URL, alt: '' },
    price: 10 + n,
    ...overrides,
  });
}

/** Writes a history, newest first: `products[0]` viewed a minute ago, the next a minute before… */
export async function seedHistory(products: Product[], { now = Date.now(), fetchedAgo = 60_000 } = {}): Promise<ViewedProduct[]> {
  const entries = products.map((p, i) => ({ id: p.id, viewedAt: now - (i + 1) * 60_000, fetchedAt: now - fetchedAgo, product: p }));
  await store.set('recently-viewed', entries);
  return entries;
}

export const stored = async () => (await store.get('recently-viewed')) ?? [];
export const storedIds = async () => (await stored()).map((entry) => entry.id);

export const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.card')];
export const titles = (el: Element) => cards(el).map((card) => card.querySelector('.title')!.textContent);
export const prices = (el: Element) => cards(el).map((card) => card.querySelector('p')!.innerText.replace(/\s+/g, ' ').trim());

const restores: Array<() => void> = [];

/** Replaces `object[key]` until `restoreAll()`. */
export function patch<T extends object, K extends keyof T>(object: T, key: K, replacement: T[K]): void {
  const original = object[key];
  object[key] = replacement;
  restores.push(() => (object[key] = original));
}

export function restoreAll(): void {
  restores
    .splice(0)
    .reverse()
    .forEach((restore) => restore());
}

/** Moves the clock: `Date.now()` answers `offset` ms later than it really is. */
export function moveClock(offset: number): void {
  const realNow = Date.now.bind(Date);
  patch(Date, 'now', () => realNow() + offset);
}

/** Resolves after `count` rendered frames. */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}
