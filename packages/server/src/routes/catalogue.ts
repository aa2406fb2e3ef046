/** `/api/v1` FAQ (with an ETag, so clients revalidate for the price of a 304) and products by id. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { FaqEntries, FaqSearchResult, Id, ProductList, type Product } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { searchFaq } from '../faq-search.js';
import { absolute, parseInput, respond, type AppEnv } from '../http.js';
import type { StoredProduct } from '../storage.js';

const SearchQuery = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const ProductIds = z.array(Id).check(z.minLength(1), z.maxLength(250));

export function productForResponse(product: StoredProduct, baseUrl: string): Product {
  const { description: _description, ...rest } = product;
  return {
    ...rest,
    url: absolute(product.url, baseUrl),
    ...(product.image ? { image: { ...product.image, url: absolute(product.image.url, baseUrl) } } : {}),
  };
}

export function catalogueRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/faq', async (c) => {
    const shop = c.get('shop');
    const faq = await deps.storage.faq(shop.id);
    const etag = `"faq-${faq.version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
    const baseUrl = c.get('baseUrl');
    return respond(c, FaqEntries, {
      version: faq.version,
      entries: faq.entries.map((entry) => (entry.url ? { ...entry, url: absolute(entry.url, baseUrl) } : entry)),
    });
  });

  app.get('/faq/search', async (c) => {
    const query = parseInput(SearchQuery, c.req.query('q'), { prefix: 'q' });
    const { entries } = await deps.storage.faq(c.get('shop').id);
    return respond(c, FaqSearchResult, { hits: searchFaq(entries, query) });
  });

  app.get('/products', async (c) => {
    const raw = c.req.query('ids');
    const ids = parseInput(ProductIds, raw === undefined ? undefined : raw.split(','), { prefix: 'ids' });
    const products = await deps.storage.products(c.get('shop').id, ids);
    const baseUrl = c.get('baseUrl');
    return respond(c, ProductList, { products: products.map((product) => productForResponse(product, baseUrl)) });
  });

  return app;
}
