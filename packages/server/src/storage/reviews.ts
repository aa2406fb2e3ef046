/** Product reviews: pages in five orders behind keyset cursors, helpful votes, moderation and replies. */
import type { MerchantReply, Review, ReviewPhoto, ReviewSort, ReviewSummary } from '@shopfront/core/schemas.js';
import type { Buyer } from './orders.js';
import type { DataSubject } from './subject.js';

export type ReviewStatus = 'pending' | 'published' | 'rejected';

export interface NewReview {
  productId: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email?: string;
  customerId?: string;
  visitorId?: string;
  verifiedBuyer?: boolean;
  language?: string;
  photos: ReviewPhoto[];
  status: ReviewStatus;
  /** Seeding sets these; live submissions take now and 0. */
  createdAt?: string;
  helpfulCount?: number;
  reply?: MerchantReply | null;
  id?: string;
}

/** A position in a sorted review list: the sort and the last row's keys. */
export interface ReviewCursor {
  sort: ReviewSort;
  keys: Array<string | number>;
}

export interface ReviewListQuery {
  sort: ReviewSort;
  rating?: number;
  withMedia?: boolean;
  after?: ReviewCursor;
  limit: number;
}

export interface ReviewListResult {
  reviews: Review[];
  /** Where the next page starts, or null on the last page. */
  next: ReviewCursor | null;
}

export type ModerationReview = Review & { status: ReviewStatus; email?: string; customerId?: string; productTitle?: string };

export interface ReviewStorage {
  /** Counts and average over the product's published reviews. */
  summary(shopId: number, productId: string): Promise<ReviewSummary>;
  /** A page of published reviews; a cursor from another sort is an `InvalidInputError` on `cursor`. */
  list(shopId: number, productId: string, query: ReviewListQuery): Promise<ReviewListResult>;
  insert(shopId: number, reviews: NewReview[]): Promise<Review[]>;
  /** Once per visitor and review: a repeat leaves the count as it was. `undefined` for no published review. */
  vote(shopId: number, reviewId: string, visitorId: string, helpful: boolean): Promise<number | undefined>;
  /** Newest first. */
  forModeration(shopId: number, status: ReviewStatus, limit: number): Promise<ModerationReview[]>;
  moderationReview(shopId: number, reviewId: string): Promise<ModerationReview | undefined>;
  /** Who may see a review's photos: its shop and status (photo URLs name the review, not the shop). */
  photoAccess(reviewId: string): Promise<{ shopId: number; status: ReviewStatus; photos: ReviewPhoto[] } | undefined>;
  /**
   * Publishes or rejects, and says what the status was just before this change (read and
   * written as one step, so of two concurrent publishes only one sees `pending`).
   */
  setStatus(
    shopId: number,
    reviewId: string,
    status: ReviewStatus,
  ): Promise<{ review: ModerationReview; previous: ReviewStatus } | undefined>;
  /**
   * Marks the buyer's reviews of these products verified: by customer id, or by email for
   * reviews written without one. Returns how many changed.
   */
  markVerified(shopId: number, buyer: Buyer, productIds: string[]): Promise<number>;
  /** Sets (or replaces) the shop's reply; the review as it is now, or undefined. */
  reply(shopId: number, reviewId: string, reply: MerchantReply): Promise<ModerationReview | undefined>;
  /** Every review the subject wrote (by customer id or email), whatever its status, oldest first. */
  exportCustomer(shopId: number, subject: DataSubject): Promise<ModerationReview[]>;
  /**
   * Deletes those reviews, and the votes others cast on them, as one step. Returns what was
   * deleted, so the caller can remove the photo files and drop cached pages.
   */
  eraseCustomer(shopId: number, subject: DataSubject): Promise<Array<Pick<ModerationReview, 'id' | 'productId' | 'photos'>>>;
}
