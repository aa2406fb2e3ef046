/**
 * A `BackendAdapter` for a Shopify storefront. Reviews, loyalty, chat and the
 * FAQ are Shopfront's HTTP contract, reached through the shop's app proxy
 * (`https://<shop>/apps/shopfront/api/v1`, same origin): it is the RestAdapter,
 * given a `fetch` that sends the storefront's cookies (so Shopify can tell us,
 * in its signed query, which customer is logged in) and leaves out `shop`
 * (Shopify adds it, signed; a second one is refused). The chat stream goes
 * straight to the Shopfront server with CORS: proxies are not made for
 * long-lived streams. Products come from Shopify's Ajax API.
 */
import { RestAdapter, type RestAdapterOptions } from '@shopfront/adapter-rest';
import {
  warnOnce,
  type BackendAdapter,
  type ChatCapability,
  type FaqCapability,
  type LoyaltyCapability,
  type ProductsCapability,
  type ReviewsCapability,
} from '@shopfront/core';
import { ajaxProducts } from './ajax-products.js';

export interface ShopifyAdapterOptions extends Omit<RestAdapterOptions, 'endpoint' | 'shop' | 'customer'> {
  /** The app proxy's API root on the storefront: `https://shop.example/apps/shopfront/api/v1`. */
  endpoint: string;
  /** The shop's `*.myshopify.com` domain: how the Shopfront server knows it on the direct stream. */
  shop: string;
  /** The Shopfront server's own API root, for the chat stream; without it the stream goes through the proxy (and falls back to polling). */
  streamEndpoint?: string;
  /** ISO 4217 currency of the storefront's prices. */
  currency: string;
  /** Shopify's `routes.root` (default `window.Shopify.routes.root`, else `/`). */
  routesRoot?: string;
}

declare global {
  interface Window {
    Shopify?: { routes?: { root?: string }; currency?: { active?: string } };
  }
}

const stripSlash = (url: string) => url.replace(/\/+$/, '');

/** The server's API root for streams, when it is an http(s) URL; anything else streams through the proxy. */
function streamRootOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return stripSlash(url.href);
  } catch {
    // Reported below.
  }
  warnOnce(`ignored streamEndpoint "${value}": not an http(s) URL; chat streams through the app proxy`);
}

export class ShopifyAdapter implements BackendAdapter {
  readonly reviews: ReviewsCapability;
  readonly loyalty: LoyaltyCapability;
  readonly chat: ChatCapability;
  readonly faq: FaqCapability;
  readonly products: ProductsCapability;

  constructor(options: ShopifyAdapterOptions) {
    const { endpoint, shop, streamEndpoint, currency, routesRoot, fetch: baseFetch = (...args) => fetch(...args), ...rest } = options;
    const proxyRoot = stripSlash(new URL(endpoint).href);
    const streamRoot = streamRootOf(streamEndpoint);
    const throughProxy = (url: URL) => url.href === proxyRoot || url.href.startsWith(`${proxyRoot}/`);

    const proxyFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!throughProxy(url)) return baseFetch(input, init);
      url.searchParams.delete('shop');
      return baseFetch(url.href, { ...init, credentials: 'same-origin' });
    };

    const Base = options.EventSource ?? globalThis.EventSource;
    /** Opens the stream on the Shopfront server (naming the shop), or through the proxy (without `shop`, as Shopify adds it). */
    const streamUrl = (given: string | URL) => {
      const url = new URL(String(given));
      if (!throughProxy(url)) return url.href;
      if (streamRoot) return `${streamRoot}${url.href.slice(proxyRoot.length)}`;
      url.searchParams.delete('shop');
      return url.href;
    };
    const StreamSource = Base
      ? class extends Base {
          constructor(url: string | URL, init?: EventSourceInit) {
            super(streamUrl(url), init);
          }
        }
      : undefined;

    const inner = new RestAdapter({ ...rest, endpoint: proxyRoot, shop, customer: null, fetch: proxyFetch, EventSource: StreamSource });
    this.reviews = inner.reviews;
    this.loyalty = inner.loyalty;
    this.chat = inner.chat;
    this.faq = inner.faq;
    this.products = ajaxProducts({
      origin: new URL(endpoint).origin,
      routesRoot: routesRoot ?? globalThis.window?.Shopify?.routes?.root ?? '/',
      currency,
      fetch: baseFetch,
      timeout: rest.timeout,
    });
  }
}
