import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { Count, Email, HttpUrl, Id, MAX_LENGTH, Timestamp, lenientArray, text } from './common.js';

/** Photos one review may have. */
export const REVIEW_MAX_PHOTOS = 5;

export const Rating = /* @__PURE__ */ lazy(() => z.int().check(z.gte(1), z.lte(5)));

export const ReviewPhoto = /* @__PURE__ */ lazy(() =>
  z.object({
    url: HttpUrl,
    thumbnailUrl: z.optional(HttpUrl),
    alt: z.optional(text(300)),
    width: z.optional(z.int().check(z.gte(1), z.lte(20000))),
    height: z.optional(z.int().check(z.gte(1), z.lte(20000))),
  }),
);
export type ReviewPhoto = z.infer<typeof ReviewPhoto>;

export const MerchantReply = /* @__PURE__ */ lazy(() =>
  z.object({
    body: text(MAX_LENGTH.reviewBody, 1),
    authorName: z.optional(text(MAX_LENGTH.name)),
    createdAt: Timestamp,
  }),
);
export type MerchantReply = z.infer<typeof MerchantReply>;

export const Review = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    productId: Id,
    rating: Rating,
    title: text(MAX_LENGTH.reviewTitle),
    body: text(MAX_LENGTH.reviewBody),
    authorName: text(MAX_LENGTH.name, 1),
    verifiedBuyer: z.boolean(),
    /** BCP 47 language of the review text, when known. */
    language: z.optional(text(35)),
    createdAt: Timestamp,
    helpfulCount: Count,
    /** Photos whose URL is not http(s) are dropped; the review still shows. */
    photos: lenientArray(ReviewPhoto, REVIEW_MAX_PHOTOS),
    reply: z.optional(z.nullable(MerchantReply)),
  }),
);
export type Review = z.infer<typeof Review>;

export const RatingHistogram = /* @__PURE__ */ lazy(() => z.object({ 1: Count, 2: Count, 3: Count, 4: Count, 5: Count }));
export type RatingHistogram = z.infer<typeof RatingHistogram>;

export const ReviewSummary = /* @__PURE__ */ lazy(() =>
  z.object({
    productId: Id,
    average: z.number().check(z.gte(0), z.lte(5)),
    count: Count,
    histogram: RatingHistogram,
  }),
);
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** Many products' summaries at once (`GET /reviews/summaries?ids=`). */
export const ReviewSummaries = /* @__PURE__ */ lazy(() => z.object({ summaries: z.array(ReviewSummary) }));
export type ReviewSummaries = z.infer<typeof ReviewSummaries>;

export const ReviewSort = /* @__PURE__ */ lazy(() => z.enum(['newest', 'highest', 'lowest', 'helpful', 'media-first']));
export type ReviewSort = z.infer<typeof ReviewSort>;

export const ReviewQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    sort: z.optional(ReviewSort),
    rating: z.optional(Rating),
    withMedia: z.optional(z.boolean()),
    cursor: z.optional(text(512, 1)),
    limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
  }),
);
export type ReviewQuery = z.infer<typeof ReviewQuery>;

export const ReviewPage = /* @__PURE__ */ lazy(() =>
  z.object({
    reviews: z.array(Review).check(z.maxLength(100)),
    /** Opaque; `null` on the last page. */
    nextCursor: z.nullable(text(512, 1)),
  }),
);
export type ReviewPage = z.infer<typeof ReviewPage>;

export const REVIEW_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
export const REVIEW_PHOTO_MAX_BYTES = 8 * 1024 * 1024;

export const ReviewPhotoUpload = /* @__PURE__ */ lazy(() => z.file().check(z.maxSize(REVIEW_PHOTO_MAX_BYTES), z.mime(REVIEW_PHOTO_TYPES)));

/** Longest review link token: an order id, product id and email (at their longest, under 800 characters), and a signature. */
const REVIEW_INVITATION_MAX_LENGTH = 2048;

export const ReviewDraft = /* @__PURE__ */ lazy(() =>
  z.object({
    productId: Id,
    rating: Rating,
    title: text(MAX_LENGTH.reviewTitle),
    body: text(MAX_LENGTH.reviewBody, 1),
    name: text(MAX_LENGTH.name, 1),
    email: z.optional(Email),
    photos: z.optional(z.array(ReviewPhotoUpload).check(z.maxLength(REVIEW_MAX_PHOTOS))),
    /** The token of the review request email's link (`?sf_review=`): the server takes the buyer's email from it. */
    invitation: z.optional(text(REVIEW_INVITATION_MAX_LENGTH, 1)),
  }),
);
export type ReviewDraft = z.infer<typeof ReviewDraft>;

export const ReviewSubmission = /* @__PURE__ */ lazy(() =>
  z.object({
    review: Review,
    /** `pending` until the shop approves it. */
    status: z.enum(['published', 'pending']),
  }),
);
export type ReviewSubmission = z.infer<typeof ReviewSubmission>;

export const ReviewVote = /* @__PURE__ */ lazy(() =>
  z.object({
    reviewId: Id,
    helpfulCount: Count,
  }),
);
export type ReviewVote = z.infer<typeof ReviewVote>;
