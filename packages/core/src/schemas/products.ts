import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { Amount, CurrencyCode, HttpUrl, Id, Image, lenientArray, text } from './common.js';

export const Product = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    handle: z.optional(text(255, 1)),
    title: text(300, 1),
    url: HttpUrl,
    image: z.optional(z.nullable(Image)),
    price: Amount,
    /** The price before a sale; shown struck through when above `price`. */
    compareAtPrice: z.optional(z.nullable(Amount)),
    currency: CurrencyCode,
    available: z.boolean(),
  }),
);
export type Product = z.infer<typeof Product>;

/** Products the backend knows; ids it does not know are simply absent. */
export const ProductList = /* @__PURE__ */ lazy(() => z.object({ products: lenientArray(Product, 250) }));
export type ProductList = z.infer<typeof ProductList>;
