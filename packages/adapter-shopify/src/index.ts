export { ShopifyAdapter } from './shopify-adapter.js';
export type { ShopifyAdapterOptions } from './shopify-adapter.js';
export { ajaxProducts, toProduct } from './ajax-products.js';
export type { AjaxProductsOptions } from './ajax-products.js';
