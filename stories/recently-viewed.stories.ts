/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AdapterError, MemoryAdapter, store, type Product } from '@shopfront/core';
import '@shopfront/recently-viewed/define.js';
import beanie from './support/recently-viewed/beanie.svg?no-inline';
import boots from './support/recently-viewed/boots.svg?no-inline';
import mug from './support/recently-viewed/mug.svg?no-inline';
import scarf from './support/recently-viewed/scarf.svg?no-inline';
import socks from './support/recently-viewed/socks.svg?no-inline';
import sweater from './support/recently-viewed/sweater.svg?no-inline';

/**
 * `<sf-recently-viewed>` shows the products this shopper viewed, from their own
 * browser. Each story writes its history into the store before it renders, so
 * the stories have no autodocs page (one page would show every story with the
 * same, shared, history): `recently-viewed.mdx` is its docs page, with one story.
 */

/** Pictures served by Storybook itself: absolute http(s) URLs, as the schemas require. */
const image = (src: string) => ({ url: new URL(src, location.href).href, alt: '', width: 400, height: 400 });

const catalogue: Product[] = [
  ['harbour-sweater', 'Harbour wool sweater', 89, sweater],
  ['fjord-scarf', 'Fjord lambswool scarf', 45, scarf],
  ['stoneware-mug', 'Stoneware mug', 18, mug],
  ['trail-boots', 'Trail leather boots', 189, boots],
  ['ribbed-beanie', 'Ribbed beanie', 29, beanie],
  ['merino-socks', 'Merino hiking socks', 19, socks],
].map(([handle, title, price, picture]) => ({
  id: handle as string,
  handle: handle as string,
  title: title as string,
  url: `https://shop.example.com/products/${handle}`,
  image: image(picture as string),
  price: price as number,
  compareAtPrice: null,
  currency: 'EUR',
  available: true,
}));

/** `count` products, cycling through the catalogue with distinct ids. */
const products = (count: number, change: (product: Product, index: number) => Partial<Product> = () => ({})): Product[] =>
  Array.from({ length: count }, (_, index) => {
    const base = catalogue[index % catalogue.length]!;
    const round = Math.floor(index / catalogue.length);
    const product = round ? { ...base, id: `${base.id}-${round}`, title: `${base.title} (${['navy', 'oat', 'moss'][round - 1]})` } : base;
    return { ...product, ...change(product, index) };
  });

/** Writes the history (newest first) before the story renders. `fetchedAgo` in ms makes copies stale. */
const seeded =
  (history: Product[], fetchedAgo = 0) =>
  async () => {
    const now = Date.now();
    await store.clear();
    await store.set(
      'recently-viewed',
      history.map((product, index) => ({ id: product.id, viewedAt: now - (index + 1) * 60_000, fetchedAt: now - fetchedAgo, product })),
    );
    return {};
  };

type Args = { productId?: string; max?: number; ttl?: number; fallback?: boolean; addToCart?: boolean };

const meta: Meta<Args> = {
  title: 'Widgets/Recently viewed',
  component: 'sf-recently-viewed',
  tags: ['!autodocs'],
  render: ({ productId, max, ttl, fallback, addToCart }) =>
    html`<sf-recently-viewed product-id=${ifDefined(productId)} max=${ifDefined(max)} ttl=${ifDefined(ttl)}>
        ${fallback ? html`<p slot="fallback">Nothing viewed yet. <a href="https://shop.example.com/collections/bestsellers">See our bestsellers</a>.</p>` : ''}
        ${
          addToCart
            ? html`<template slot="add-to-cart"
                ><form action="https://shop.example.com/cart/add" method="post">
                  <input type="hidden" name="id" data-product-id /><button>Add to cart</button>
                </form></template
              >`
            : ''
        }
      </sf-recently-viewed>
      <p style="margin-block-start: 1rem">The shop's content continues below.</p>`,
  parameters: { shopfront: { adapter: () => new MemoryAdapter({ products: products(12) }) } },
  loaders: [seeded(products(3))],
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing viewed yet: the element shows nothing and takes no space (the paragraph below sits at the top). */
export const Empty: Story = { tags: ['state:empty'], loaders: [seeded([])] };

/** Nothing viewed yet, and the shop put something in the `fallback` slot. */
export const EmptyWithFallback: Story = { loaders: [seeded([])], args: { fallback: true } };

export const OneProduct: Story = { loaders: [seeded(products(1))] };

export const ThreeProducts: Story = {};

export const TwelveProducts: Story = { tags: ['state:full'], loaders: [seeded(products(12))] };

/** On a product page: the page's product (`product-id`) is recorded and left out. */
export const OnAProductPage: Story = { loaders: [seeded(products(4))], args: { productId: 'harbour-sweater' } };

export const LongTitles: Story = {
  loaders: [
    seeded(
      products(5, (product, index) =>
        index % 2 ? {} : { title: `${product.title} — limited edition, hand-finished in our Porto workshop, with free repairs for life` },
      ),
    ),
  ],
};

export const MissingImages: Story = { loaders: [seeded(products(4, (_, index) => (index % 2 ? {} : { image: null })))] };

/** Sale prices (struck through, with a hidden "Original price:" for screen readers) and a sold-out product. */
export const SalePrices: Story = {
  loaders: [
    seeded(
      products(5, (product, index) =>
        index === 2 ? { available: false } : index % 2 ? {} : { compareAtPrice: product.price, price: Math.round(product.price * 0.7) },
      ),
    ),
  ],
};

export const RightToLeft: Story = {
  parameters: { locale: 'ar' },
  loaders: [
    seeded(
      products(6, (_, index) => ({
        title: ['كنزة صوف هاربور', 'وشاح من صوف الحمل', 'كوب حجري', 'حذاء جلد للمشي', 'قبعة محبوكة', 'جوارب ميرينو'][index],
      })),
    ),
  ],
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  loaders: [seeded(products(6, (p, i) => (i === 1 ? { compareAtPrice: 60 } : {})))],
};

/** Shop tokens (with `light-dark()` colours, for the dark scheme) and the widget's own: square corners, a serif face, wider cards with portrait images. */
export const Themed: Story = {
  loaders: [seeded(products(6))],
  args: {
    '--sf-color-accent': 'light-dark(#0f766e, #5eead4)',
    '--sf-color-surface': 'light-dark(#fbf7f0, #1c1917)',
    '--sf-radius': '0',
    '--sf-font-family': 'Georgia, serif',
    '--sf-recently-viewed-card-width': '13rem',
    '--sf-recently-viewed-image-aspect-ratio': '4 / 5',
  } as Args,
};

/** A `<template slot="add-to-cart">` copied into every card, in the light DOM where the shop's styles and scripts reach it. */
export const AddToCart: Story = { loaders: [seeded(products(4))], args: { addToCart: true } };

/**
 * Loading: the saved copies (older than `ttl`) show at once while fresh prices load (this adapter never
 * answers). With nothing saved the element waits without taking any space, so this is the loading state a shopper sees.
 */
export const RefreshingPrices: Story = {
  name: 'Loading (refreshing prices)',
  tags: ['state:loading'],
  loaders: [seeded(products(4), 3 * 3600_000)],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = new MemoryAdapter({ products: products(4, (product) => ({ price: product.price - 5 })) });
        adapter.pause();
        return adapter;
      },
    },
  },
};

/** Saved copies older than `ttl`, refreshed on render: the sweater's price went down and the mug sold out. */
export const RefreshedPrices: Story = {
  loaders: [seeded(products(4), 3 * 3600_000)],
  parameters: {
    shopfront: {
      adapter: () =>
        new MemoryAdapter({
          products: products(4, (product, index) =>
            index === 0 ? { price: 69, compareAtPrice: 89 } : index === 2 ? { available: false } : {},
          ),
        }),
    },
  },
};

/** Saved copies older than `ttl`, and a shop whose every refresh fails with `error`. */
const savedThenFailing = (error: AdapterError): Story => ({
  loaders: [seeded(products(4), 3 * 3600_000)],
  parameters: {
    shopfront: {
      adapter: () => {
        const adapter = new MemoryAdapter({ products: products(4) });
        adapter.failNext('products.get', error, 10);
        return adapter;
      },
    },
  },
});

/** The shop could not be reached: the saved products stay, and `sf-load-error` is fired for monitoring. */
export const Offline: Story = { tags: ['state:offline'], ...savedThenFailing(new AdapterError('network', 'offline')) };

/** The shop answered with an error (503): the saved products stay, and `sf-load-error` is fired for monitoring. */
export const ErrorState: Story = {
  tags: ['state:error'],
  ...savedThenFailing(new AdapterError('http', 'Service unavailable', { status: 503 })),
};
