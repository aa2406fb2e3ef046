/** `/api/v1` reviews: summary, sorted and filtered pages, submission with photos, helpful votes. */
import { Hono } from 'hono';
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
  type Review,
  type ReviewPhoto,
} from '@shopfront/core/schemas.js';
import { limitWrite, type Deps } from '../deps.js';
import { customerFrom } from '../identity.js';
import { HttpError, absolute, booleanParam, numeric, parseInput, readJson, respond, type AppContext, type AppEnv } from '../http.js';
import type { ReviewCursor, Shop } from '../storage.js';

/** Makes the review's photo URLs absolute for the response. */
export function reviewForResponse(review: Review, baseUrl: string): Review {
  return {
    ...review,
    photos: review.photos.map((photo) => ({
      ...photo,
      url: absolute(photo.url, baseUrl),
      ...(photo.thumbnailUrl ? { thumbnailUrl: absolute(photo.thumbnailUrl, baseUrl) } : {}),
    })),
  };
}

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
  throw new HttpError(400, 'The cursor is not one this server made.', 'cursor');
}

const VoteBody = z.object({ helpful: z.boolean() });

/** Points for a published review by a signed-in customer, when the shop's programme has a way to earn them. */
export async function awardReviewPoints(deps: Deps, shop: Shop, customerId: string | undefined) {
  if (!customerId) return;
  const { waysToEarn } = await deps.storage.loyaltySetup(shop.id);
  const way = waysToEarn.find((candidate) => candidate.kind === 'review');
  if (!way || way.points <= 0) return;
  await deps.storage.adjustPoints(shop.id, customerId, { points: way.points, kind: 'earn', label: way.label });
}

async function readDraft(c: AppContext): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    return readJson(c);
  }
  let form: Record<string, string | File | Array<string | File>>;
  try {
    form = (await c.req.parseBody({ all: true })) as typeof form;
  } catch {
    throw new HttpError(400, 'The form data could not be read.', 'body');
  }
  const one = (name: string) => {
    const value = form[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const text = (name: string) => {
    const value = one(name);
    return typeof value === 'string' ? value : value === undefined ? undefined : '';
  };
  const photos = ([] as Array<string | File>)
    .concat(form.photos ?? [])
    // An empty file input still submits an empty, unnamed part.
    .filter((photo) => !(photo instanceof File && photo.size === 0 && photo.name === ''));
  const email = text('email');
  return {
    productId: text('productId'),
    rating: numeric(text('rating')),
    title: text('title') ?? '',
    body: text('body'),
    name: text('name'),
    ...(email ? { email } : {}),
    ...(photos.length ? { photos } : {}),
  };
}

export function reviewRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const productIdOf = (c: AppContext) => parseInput(Id, c.req.param('productId'), { prefix: 'productId' });

  app.get('/products/:productId/reviews/summary', async (c) => {
    const summary = await deps.storage.reviewSummary(c.get('shop').id, productIdOf(c));
    return respond(c, ReviewSummary, summary);
  });

  app.get('/products/:productId/reviews', async (c) => {
    const productId = productIdOf(c);
    const query = parseInput(
      ReviewQuery,
      {
        sort: c.req.query('sort'),
        rating: numeric(c.req.query('rating')),
        withMedia: booleanParam(c.req.query('with_media')),
        cursor: c.req.query('cursor'),
        limit: numeric(c.req.query('limit')),
      },
      { names: { withMedia: 'with_media' } },
    );
    const page = await deps.storage.listReviews(c.get('shop').id, productId, {
      sort: query.sort ?? 'newest',
      rating: query.rating,
      withMedia: query.withMedia,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit ?? 10,
    });
    const baseUrl = c.get('baseUrl');
    return respond(c, ReviewPage, {
      reviews: page.reviews.map((review) => reviewForResponse(review, baseUrl)),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
  });

  app.post('/reviews', async (c) => {
    const shop = c.get('shop');
    limitWrite(deps, c);
    const customerId = customerFrom(c, shop);
    const draft = parseInput(ReviewDraft, await readDraft(c));
    const photos: ReviewPhoto[] = [];
    for (const [index, file] of (draft.photos ?? []).entries()) {
      const stored = await deps.media.saveImage(file, REVIEW_PHOTO_TYPES);
      if (!stored) throw new HttpError(400, `Photo ${index + 1} is not a JPEG, PNG, WebP, GIF or AVIF image.`, `photos.${index}`);
      photos.push({ url: stored.path, alt: `Photo from ${draft.name}`, width: stored.width, height: stored.height });
    }
    const { autoPublishAt } = shop.settings;
    const status = autoPublishAt !== null && draft.rating >= autoPublishAt ? 'published' : 'pending';
    const [review] = await deps.storage.insertReviews(shop.id, [
      {
        productId: draft.productId,
        rating: draft.rating,
        title: draft.title,
        body: draft.body,
        authorName: draft.name,
        email: draft.email,
        customerId,
        visitorId: c.get('visitorId'),
        photos: photos.map((photo) => Object.fromEntries(Object.entries(photo).filter(([, value]) => value !== undefined)) as ReviewPhoto),
        status,
      },
    ]);
    if (status === 'published') await awardReviewPoints(deps, shop, customerId);
    else {
      const pending = await deps.storage.moderationReview(shop.id, review!.id);
      if (pending) deps.hub.publishInbox(shop.id, { type: 'review', review: pending });
    }
    return respond(c, ReviewSubmission, { review: reviewForResponse(review!, c.get('baseUrl')), status }, 201);
  });

  app.post('/reviews/:reviewId/votes', async (c) => {
    const shop = c.get('shop');
    const reviewId = parseInput(Id, c.req.param('reviewId'), { prefix: 'reviewId' });
    const visitorId = c.get('visitorId');
    if (!visitorId) throw new HttpError(400, 'Voting needs the X-Shopfront-Visitor header.', 'visitor');
    limitWrite(deps, c);
    const { helpful } = parseInput(VoteBody, await readJson(c));
    const helpfulCount = await deps.storage.vote(shop.id, reviewId, visitorId, helpful);
    if (helpfulCount === undefined) throw new HttpError(404, 'No such review.', 'reviewId');
    return respond(c, ReviewVote, { reviewId, helpfulCount });
  });

  return app;
}
