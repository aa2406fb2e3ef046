/** `/api/v1` FAQ (with an ETag, so clients revalidate for the price of a 304) and products by id. */
import * as z from 'zod/mini';
import { FaqEntries, FaqSearchResult, Id, ProductList } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { searchFaq } from '../faq-search.js';
import { absolute } from '../http.js';
import { faqTag } from '../read-cache.js';
import { productForResponse } from '../responses.js';

const SearchQuery = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const ProductIds = z.array(Id).check(z.minLength(1), z.maxLength(250));

export function catalogueRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/faq',
      operationId: 'listFaqEntries',
      summary: 'Every FAQ entry',
      description: '`version` and the `ETag` change whenever an entry changes; send `If-None-Match` to get a 304 instead of the entries.',
      tags: ['FAQ'],
      security: 'shop',
      cached: ({ shop }) => faqTag(shop.id),
      responses: { 200: { description: 'The entries', schema: FaqEntries } },
      handler: async ({ shop }, c) => {
        const faq = await deps.storage.catalogue.faq(shop.id);
        const baseUrl = c.get('baseUrl');
        return {
          status: 200,
          body: {
            version: faq.version,
            entries: faq.entries.map((entry) => (entry.url ? { ...entry, url: absolute(entry.url, baseUrl) } : entry)),
          },
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/faq/search',
      operationId: 'searchFaq',
      summary: 'Search the FAQ on the server',
      tags: ['FAQ'],
      security: 'shop',
      query: { q: { schema: SearchQuery, description: 'Words to find', example: 'returns' } },
      responses: { 200: { description: 'Matching entries’ ids, best first', schema: FaqSearchResult } },
      handler: async ({ shop, query }) => {
        const { entries } = await deps.storage.catalogue.faq(shop.id);
        return { status: 200, body: { hits: searchFaq(entries, query.q) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/products',
      operationId: 'getProducts',
      summary: 'Products by id',
      description: 'In the order asked; ids the shop does not know are left out.',
      tags: ['Products'],
      security: 'shop',
      query: { ids: { schema: ProductIds, description: 'Comma-separated product ids, at most 250', example: ['prod-1', 'prod-2'] } },
      responses: { 200: { description: 'The products', schema: ProductList } },
      handler: async ({ shop, query }, c) => {
        const products = await deps.storage.catalogue.products(shop.id, query.ids);
        const baseUrl = c.get('baseUrl');
        return { status: 200, body: { products: products.map((product) => productForResponse(product, baseUrl)) } };
      },
    }),
  ];
}
