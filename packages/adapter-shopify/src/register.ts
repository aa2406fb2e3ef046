/**
 * Registers the ShopifyAdapter as `shopify`: the adapter the app embed names
 * (`data-adapter="shopify"`, `data-endpoint` the app proxy, `data-shop` the
 * myshopify domain, `data-currency`), with the server's stream root from
 * `Shopfront.configure({ streamEndpoint })`.
 */
import { registerAdapter, type ShopfrontSettings } from '@shopfront/core';
import { ShopifyAdapter } from './shopify-adapter.js';

/** What the app embed adds to Shopfront's settings. */
export interface ShopifySettings extends ShopfrontSettings {
  streamEndpoint?: string;
}

registerAdapter('shopify', (settings: ShopifySettings) => {
  if (!settings.endpoint || !settings.shop) throw new Error('the shopify adapter needs `endpoint` (the app proxy) and `shop`');
  const currency = settings.currency ?? globalThis.window?.Shopify?.currency?.active;
  if (!currency) throw new Error('the shopify adapter needs the storefront currency (`data-currency`)');
  return new ShopifyAdapter({ endpoint: settings.endpoint, shop: settings.shop, currency, streamEndpoint: settings.streamEndpoint });
});
