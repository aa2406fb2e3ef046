/**
 * Products from the storefront itself: Shopify's Ajax API answers
 * `/products/<handle>.js` on the shop's own origin (under the market's locale
 * root, `/` or `/fr/`), with prices in hundredths of the shopper's currency. On
 * Shopify a recently viewed product is known by its handle, the only key that
 * URL takes.
 */
import * as z from 'zod/mini';
import {
  AdapterError,
  lazy,
  ProductList,
  toAdapterError,
  warnOnce,
  type CallOptions,
  type Product,
  type ProductsCapability,
} from '@shopfront/core';

/** The fields of Shopify's Ajax product JSON that Shopfront reads; the rest is ignored. */
const AjaxProduct = /* @__PURE__ */ lazy(() =>
  z.object({
    handle: z.string(),
    title: z.string(),
    url: z.string(),
    price: z.number(),
    compare_at_price: z.optional(z.nullable(z.number())),
    available: z.boolean(),
    featured_image: z.optional(z.nullable(z.string())),
    media: z.optional(
      z.array(
        z.object({
          alt: z.optional(z.nullable(z.string())),
          preview_image: z.optional(
            z.object({ src: z.optional(z.string()), width: z.optional(z.number()), height: z.optional(z.number()) }),
          ),
        }),
      ),
    ),
  }),
);
type AjaxProduct = z.infer<typeof AjaxProduct>;

export interface AjaxProductsOptions {
  /** The storefront's origin, `https://shop.example`. */
  origin: string;
  /** Shopify's `routes.root`: `/`, or `/fr/` in a market's language folder. */
  routesRoot: string;
  /** ISO 4217: the currency the storefront shows prices in. */
  currency: string;
  fetch?: typeof fetch;
  /** Milliseconds one product may take (default 10 000). */
  timeout?: number;
}

/** Requests in flight at once: a carousel of 12 should not open 12 connections. */
const CONCURRENCY = 4;
/** Width asked of Shopify's image CDN: a card is 10rem, twice that for sharp screens, and some room. */
const IMAGE_WIDTH = 480;

/** Shopfront's Product from Shopify's JSON, or `undefined` when it cannot be one (the list drops it with a warning). */
export function toProduct(json: AjaxProduct, { origin, currency }: Pick<AjaxProductsOptions, 'origin' | 'currency'>): unknown {
  const media = json.media?.[0];
  let image: Product['image'] = null;
  if (json.featured_image) {
    // Shopify writes image URLs without a scheme (`//cdn.shopify.com/…`).
    const url = new URL(json.featured_image, 'https://cdn.shopify.com');
    url.searchParams.set('width', String(IMAGE_WIDTH));
    const { width, height } = media?.preview_image ?? {};
    image = {
      url: url.href,
      alt: media?.alt || json.title,
      ...(width && height ? { width: Math.round(width), height: Math.round(height) } : {}),
    };
  }
  const cents = (value: number) => Math.round(value) / 100;
  return {
    id: json.handle,
    handle: json.handle,
    title: json.title,
    url: new URL(json.url, origin).href,
    image,
    price: cents(json.price),
    compareAtPrice: json.compare_at_price && json.compare_at_price > json.price ? cents(json.compare_at_price) : null,
    currency,
    available: json.available,
  };
}

export function ajaxProducts(options: AjaxProductsOptions): ProductsCapability {
  const root = options.routesRoot.endsWith('/') ? options.routesRoot : `${options.routesRoot}/`;

  /** One product's JSON; `undefined` when the shop no longer has it. */
  const one = async (handle: string, signal?: AbortSignal): Promise<AjaxProduct | undefined> => {
    const timeout = AbortSignal.timeout(options.timeout ?? 10_000);
    const url = new URL(`${root}products/${encodeURIComponent(handle)}.js`, options.origin);
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url.href, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) throw new AdapterError('timeout', 'The shop took too long to answer.', { cause: error });
      throw toAdapterError(error);
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new AdapterError('http', `The shop answered ${response.status}.`, { status: response.status });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AdapterError('invalid-response', 'The shop answered with something that is not product JSON.', { status: response.status });
    }
    const parsed = AjaxProduct.safeParse(body);
    // One odd product must not blank the carousel: it is left out, with a warning.
    if (!parsed.success) return void warnOnce(`skipped product "${handle}": not in Shopify's product format`);
    return parsed.data;
  };

  return {
    async get(ids: readonly string[], { signal }: CallOptions = {}) {
      // A handle is a URL segment: one with a slash or nothing in it cannot be a product.
      const handles = [...new Set(ids)].filter((id) => id && !id.includes('/')).slice(0, 250);
      const found: unknown[] = [];
      for (let start = 0; start < handles.length; start += CONCURRENCY) {
        const batch = await Promise.all(handles.slice(start, start + CONCURRENCY).map((handle) => one(handle, signal)));
        for (const json of batch) if (json) found.push(toProduct(json, options));
      }
      // Validated as every adapter's answer is: a product that is not one is dropped with a warning.
      return ProductList.parse({ products: found });
    },
  };
}
