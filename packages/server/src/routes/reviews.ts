/** `/api/v1` reviews: summary, sorted and filtered pages, submission with photos, helpful votes. */
import * as z from 'zod/mini';
import {
  Id,
  REVIEW_PHOTO_TYPES,
  ReviewDraft,
  ReviewPage,
  ReviewQuery,
  ReviewSubmission,
  ReviewSummary,
  ReviewVote,
} from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { reviewsTag } from '../read-cache.js';
import { reviewForResponse } from '../responses.js';
import { prepareReviewPhoto, type PreparedPhoto } from '../review-photos.js';
import { reviewLinkOrder } from '../services/email.js';
import { submitInvitedReview, submitReview } from '../services/reviews.js';
import type { ReviewCursor } from '../storage/index.js';

const encodeCursor = (cursor: ReviewCursor) => Buffer.from(JSON.stringify([cursor.sort, ...cursor.keys])).toString('base64url');

function decodeCursor(value: string): ReviewCursor {
  try {
    const [sort, ...keys] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, ...Array<string | number>];
    if (typeof sort === 'string' && keys.every((key) => typeof key === 'string' || typeof key === 'number')) {
      return { sort: sort as ReviewCursor['sort'], keys };
    }
  } catch {
    // falls through to the 400
  }
  throw new HttpError(400, 'cursor: not one this server made (use the previous page’s nextCursor).', 'cursor');
}

export const VoteRequest = z.object({ helpful: z.boolean() });
/** Without photos: files cannot travel in JSON. */
export const ReviewDraftJson = z.omit(ReviewDraft, { photos: true });

const productId = { productId: { schema: Id, description: "The product's id in the shop", example: 'prod-1' } };
const { sort, rating, withMedia, cursor, limit } = ReviewQuery.shape;

/** Product cards a page asks about at once. */
const MAX_SUMMARIES = 50;
const ReviewSummaries = z.object({ summaries: z.array(ReviewSummary).check(z.maxLength(MAX_SUMMARIES)) });

export function reviewRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/products/{productId}/reviews/summary',
      operationId: 'getReviewSummary',
      summary: 'Star average and histogram',
      description: "Over the product's published reviews.",
      tags: ['Reviews'],
      security: 'shop',
      params: productId,
      cached: ({ shop }) => reviewsTag(shop.id),
      responses: { 200: { description: 'The summary', schema: ReviewSummary } },
      handler: async ({ shop, params }) => ({ status: 200, body: await deps.storage.reviews.summary(shop.id, params.productId) }),
    }),

    defineRoute({
      method: 'get',
      path: '/reviews/summaries',
      operationId: 'getReviewSummaries',
      summary: 'Star summaries of many products at once',
      description:
        'One request for every product card on a page (a grid, search results): the summaries in the order the ids were given, ' +
        'a product nobody reviewed with zeros. At most 50 ids.',
      tags: ['Reviews'],
      security: 'shop',
      query: {
        ids: {
          schema: z.array(Id).check(z.minLength(1), z.maxLength(MAX_SUMMARIES)),
          description: 'Product ids, comma-separated',
          example: ['prod-1', 'prod-2'],
        },
      },
      cached: ({ shop }) => reviewsTag(shop.id),
      responses: { 200: { description: 'The summaries', schema: ReviewSummaries } },
      handler: async ({ shop, query }) => {
        const ids = [...new Set(query.ids)];
        const summaries = await Promise.all(ids.map((id) => deps.storage.reviews.summary(shop.id, id)));
        return { status: 200, body: { summaries } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/products/{productId}/reviews',
      operationId: 'listReviews',
      summary: 'A page of published reviews',
      description:
        'Keyset pagination: `nextCursor` encodes the last row’s sort keys, so reviews arriving meanwhile neither repeat nor shift the next page.',
      tags: ['Reviews'],
      security: 'shop',
      params: productId,
      query: {
        sort: { schema: sort, description: 'Order; default `newest`' },
        rating: { schema: rating, description: 'Only reviews with this many stars' },
        with_media: { schema: withMedia, description: 'Only reviews with photos' },
        cursor: { schema: cursor, description: '`nextCursor` of the previous page (made for the same sort)' },
        limit: { schema: limit, description: 'Page size; default 10' },
      },
      cached: ({ shop }) => reviewsTag(shop.id),
      responses: { 200: { description: 'The page; `nextCursor` is null on the last one', schema: ReviewPage } },
      handler: async ({ shop, params, query }, c) => {
        const page = await deps.storage.reviews.list(shop.id, params.productId, {
          sort: query.sort ?? 'newest',
          rating: query.rating,
          withMedia: query.with_media,
          after: query.cursor ? decodeCursor(query.cursor) : undefined,
          limit: query.limit ?? 10,
        });
        const baseUrl = c.get('baseUrl');
        return {
          status: 200,
          body: {
            reviews: page.reviews.map((review) => reviewForResponse(review, baseUrl)),
            nextCursor: page.next ? encodeCursor(page.next) : null,
          },
        };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/reviews',
      operationId: 'submitReview',
      summary: 'Submit a review',
      description:
        'With up to 5 photos as `multipart/form-data` (JPEG, PNG, WebP, GIF or AVIF, at most 8 MB each, the type read from the bytes; re-encoded without metadata, with a thumbnail), or as JSON without photos. ' +
        'Photos of a review that is not published are not served publicly. ' +
        "Published at once at or above the shop's auto-publish rating, otherwise pending moderation. A signed-in customer's review is linked to them. " +
        "With `invitation`, the token of the review request email's link (`?sf_review=`): the review's email is the buyer's from the token (`email` is ignored), " +
        'verified by their orders; one review per order and product.',
      tags: ['Reviews'],
      security: 'customer',
      visitor: 'optional',
      rateLimited: true,
      body: { json: ReviewDraftJson, multipart: ReviewDraft },
      responses: { 201: { description: 'Stored; `status` says whether it is published or pending', schema: ReviewSubmission } },
      errors: {
        400: 'A photo is not an accepted image (`field`: `photos.N`), or `invitation` is not this shop’s review link for the product',
        409: 'The invitation’s product was already reviewed with it (`field`: `invitation`)',
      },
      handler: async ({ shop, customerId, visitorId, body: draft }, c) => {
        const invitation = draft.invitation === undefined ? undefined : reviewLinkOrder(shop, draft.invitation);
        if (draft.invitation !== undefined && !invitation)
          throw new HttpError(400, 'invitation: not a review link from this shop (copy the whole link from the email).', 'invitation');
        if (invitation && invitation.productId !== draft.productId)
          throw new HttpError(400, 'invitation: the review link is for another product.', 'invitation');
        // Every photo is checked and re-encoded in memory first: a refused request leaves nothing on disk.
        const uploads: PreparedPhoto[] = [];
        for (const [index, file] of ('photos' in draft ? (draft.photos ?? []) : []).entries()) {
          const prepared = await prepareReviewPhoto(file, REVIEW_PHOTO_TYPES);
          if (!prepared) throw new HttpError(400, `photos.${index}: not a JPEG, PNG, WebP, GIF or AVIF image.`, `photos.${index}`);
          uploads.push(prepared);
        }
        const submission = {
          productId: draft.productId,
          rating: draft.rating,
          title: draft.title,
          body: draft.body,
          authorName: draft.name,
          customerId,
          visitorId,
          photos: [],
        };
        const submitted = invitation
          ? await submitInvitedReview(deps, shop, invitation, submission, uploads)
          : await submitReview(deps, shop, { ...submission, email: draft.email }, uploads);
        if (submitted === 'already-reviewed')
          throw new HttpError(409, 'invitation: this product was already reviewed from this review link.', 'invitation');
        const { review, status } = submitted;
        return { status: 201, body: { review: reviewForResponse(review, c.get('baseUrl')), status } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/reviews/{reviewId}/votes',
      operationId: 'voteReview',
      summary: 'Vote a review helpful (or not)',
      description: 'Once per visitor, with a visitor id from `POST /visitors`: a repeat returns the unchanged count.',
      tags: ['Reviews'],
      security: 'shop',
      visitor: 'required',
      rateLimited: true,
      params: { reviewId: { schema: Id, description: "The review's id" } },
      body: { json: VoteRequest },
      responses: { 200: { description: 'The review’s helpful count now', schema: ReviewVote } },
      errors: { 403: 'A visitor id this server did not issue', 404: 'No such published review' },
      handler: async ({ shop, params, visitorId, body }) => {
        const helpfulCount = await deps.storage.reviews.vote(shop.id, params.reviewId, visitorId!, body.helpful);
        if (helpfulCount === undefined) throw new HttpError(404, 'No such review.', 'reviewId');
        deps.hub.invalidate(reviewsTag(shop.id));
        return { status: 200, body: { reviewId: params.reviewId, helpfulCount } };
      },
    }),
  ];
}
