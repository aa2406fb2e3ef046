/**
 * What Shopfront asks of the Admin API: a one-use discount code that only one
 * customer can use (loyalty redemptions and referral rewards), and each
 * product's `reviews.rating` / `reviews.rating_count` metafields, which the
 * theme blocks (and themes, and Shopify's search) read.
 */
import { AdminApiError, toGid, userErrorMessage, type AdminClient, type UserError } from './admin-api.js';

export type DiscountValue = { type: 'fixed'; amount: number } | { type: 'percentage'; percent: number };

export interface DiscountCodeRequest {
  /** The code the shopper types at checkout (Shopfront's `SF-…`). */
  code: string;
  /** Shown to the merchant in Shopify's discount list. */
  title: string;
  /** The Shopify customer who alone may use it. */
  customerId: string;
  value: DiscountValue;
  startsAt?: Date;
  endsAt?: Date | null;
  /** Smallest order subtotal, in the shop's currency. */
  minimumSubtotal?: number;
}

export interface CreatedDiscount {
  id: string;
  code: string;
}

const CREATE_DISCOUNT = `mutation ShopfrontDiscountCreate($discount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $discount) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } }
    userErrors { field code message }
  }
}`;

const DISCOUNT_BY_CODE = `query ShopfrontDiscountByCode($code: String!) {
  codeDiscountNodeByCode(code: $code) { id codeDiscount { ... on DiscountCodeBasic { title } } }
}`;

const money = (amount: number) => amount.toFixed(2);

export function discountInput(request: DiscountCodeRequest): Record<string, unknown> {
  const { value } = request;
  if (value.type === 'fixed' && !(value.amount > 0)) throw new AdminApiError('user', 'A fixed discount needs an amount above zero.');
  if (value.type === 'percentage' && !(value.percent > 0 && value.percent <= 100)) {
    throw new AdminApiError('user', 'A percentage discount needs a percent between 0 and 100.');
  }
  return {
    title: request.title,
    code: request.code,
    startsAt: (request.startsAt ?? new Date()).toISOString(),
    endsAt: request.endsAt ? request.endsAt.toISOString() : null,
    // One use in all, by that customer only: a code shown to one shopper is worth nothing to anyone else.
    usageLimit: 1,
    appliesOncePerCustomer: true,
    context: { customers: { add: [toGid('Customer', request.customerId)] } },
    customerGets: {
      value:
        value.type === 'fixed'
          ? { discountAmount: { amount: money(value.amount), appliesOnEachItem: false } }
          : { percentage: Math.round(value.percent * 100) / 10_000 },
      items: { all: true },
    },
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
    ...(request.minimumSubtotal
      ? { minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: money(request.minimumSubtotal) } } }
      : {}),
  };
}

/**
 * Creates the code in Shopify. Safe to call again after a failure that left us
 * unsure (a timeout): when Shopify says the code is taken by a discount with our
 * title, that discount is the one we made and is returned.
 */
export async function createDiscountCode(client: AdminClient, request: DiscountCodeRequest): Promise<CreatedDiscount> {
  const result = await client.graphql<{
    discountCodeBasicCreate: {
      codeDiscountNode: { id: string; codeDiscount: { codes?: { nodes: Array<{ code: string }> } } } | null;
      userErrors: UserError[];
    } | null;
  }>(CREATE_DISCOUNT, { discount: discountInput(request) });
  const payload = result.discountCodeBasicCreate;
  if (!payload) throw new AdminApiError('invalid-response', 'discountCodeBasicCreate answered nothing.');
  if (payload.userErrors.length) {
    if (payload.userErrors.some((error) => error.code === 'TAKEN')) {
      const existing = await client.graphql<{ codeDiscountNodeByCode: { id: string; codeDiscount: { title?: string } } | null }>(
        DISCOUNT_BY_CODE,
        { code: request.code },
      );
      const node = existing.codeDiscountNodeByCode;
      if (node && node.codeDiscount.title === request.title) return { id: node.id, code: request.code };
    }
    throw new AdminApiError('user', userErrorMessage('Creating the discount code failed', payload.userErrors), {
      userErrors: payload.userErrors,
    });
  }
  const node = payload.codeDiscountNode;
  if (!node) throw new AdminApiError('invalid-response', 'discountCodeBasicCreate answered without the discount.');
  return { id: node.id, code: node.codeDiscount.codes?.nodes[0]?.code ?? request.code };
}

export interface ProductRating {
  productId: string;
  /** The average on a 1–5 scale; ignored when `count` is 0. */
  average: number;
  count: number;
}

const SET_METAFIELDS = `mutation ShopfrontRatingsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { namespace key value }
    userErrors { field code message elementIndex }
  }
}`;

const DELETE_METAFIELDS = `mutation ShopfrontRatingsDelete($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) {
    deletedMetafields { ownerId namespace key }
    userErrors { field message }
  }
}`;

/** Shopify's standard review metafields: themes, Shopify search and Google Shopping read these. */
export const RATING_NAMESPACE = 'reviews';

/** `metafieldsSet` takes at most 25 metafields per call; each product has two. */
const PRODUCTS_PER_CALL = 12;

export function ratingMetafields(rating: ProductRating): Array<Record<string, string>> {
  const ownerId = toGid('Product', rating.productId);
  if (!Number.isInteger(rating.count) || rating.count < 0)
    throw new AdminApiError('user', 'A review count is a whole number of at least 0.');
  const average = Math.min(5, Math.max(1, rating.average));
  return [
    ...(rating.count > 0
      ? [
          {
            ownerId,
            namespace: RATING_NAMESPACE,
            key: 'rating',
            type: 'rating',
            value: JSON.stringify({ value: average.toFixed(2), scale_min: '1.0', scale_max: '5.0' }),
          },
        ]
      : []),
    { ownerId, namespace: RATING_NAMESPACE, key: 'rating_count', type: 'number_integer', value: String(rating.count) },
  ];
}

/**
 * Writes each product's rating and review count. A product with no reviews
 * left loses its `reviews.rating` (a rating of nothing is not a rating of 1).
 */
export async function setProductRatings(client: AdminClient, ratings: readonly ProductRating[]): Promise<void> {
  for (let start = 0; start < ratings.length; start += PRODUCTS_PER_CALL) {
    const batch = ratings.slice(start, start + PRODUCTS_PER_CALL);
    const result = await client.graphql<{ metafieldsSet: { userErrors: UserError[] } | null }>(SET_METAFIELDS, {
      metafields: batch.flatMap(ratingMetafields),
    });
    const errors = result.metafieldsSet?.userErrors ?? [];
    if (errors.length)
      throw new AdminApiError('user', userErrorMessage('Setting the rating metafields failed', errors), { userErrors: errors });
    const unrated = batch.filter((rating) => rating.count === 0);
    if (unrated.length) {
      const deleted = await client.graphql<{ metafieldsDelete: { userErrors: UserError[] } | null }>(DELETE_METAFIELDS, {
        metafields: unrated.map((rating) => ({ ownerId: toGid('Product', rating.productId), namespace: RATING_NAMESPACE, key: 'rating' })),
      });
      const deleteErrors = deleted.metafieldsDelete?.userErrors ?? [];
      if (deleteErrors.length)
        throw new AdminApiError('user', userErrorMessage('Removing a rating failed', deleteErrors), { userErrors: deleteErrors });
    }
  }
}

const APP_INSTALLATION = `query ShopfrontAppInstallation { currentAppInstallation { id } }`;

/** The app-data metafield the app embed reads (`app.metafields.shopfront.server_origin`) to open chat streams straight to us. */
export const SERVER_ORIGIN_METAFIELD = { namespace: 'shopfront', key: 'server_origin' } as const;

/** Tells the theme extension where this server is (once per install, and when the public URL changes). */
export async function setServerOrigin(client: AdminClient, origin: string): Promise<void> {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new AdminApiError('user', 'The server origin must be https.');
  const installation = await client.graphql<{ currentAppInstallation: { id: string } | null }>(APP_INSTALLATION);
  const ownerId = installation.currentAppInstallation?.id;
  if (!ownerId) throw new AdminApiError('invalid-response', 'Shopify did not say which installation this is.');
  const result = await client.graphql<{ metafieldsSet: { userErrors: UserError[] } | null }>(SET_METAFIELDS, {
    metafields: [{ ownerId, ...SERVER_ORIGIN_METAFIELD, type: 'url', value: url.origin }],
  });
  const errors = result.metafieldsSet?.userErrors ?? [];
  if (errors.length) throw new AdminApiError('user', userErrorMessage('Setting the server origin failed', errors), { userErrors: errors });
}
