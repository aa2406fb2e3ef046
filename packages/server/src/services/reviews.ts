/**
 * Reviews as the shop runs them: which submissions publish at once and which wait
 * for moderation, the verified badge from the shop's orders, points for a
 * published review, and the shop's replies.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Review } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { reviewsTag } from '../read-cache.js';
import { planReviewPhotos, type PreparedPhoto } from '../review-photos.js';
import type { Buyer, ModerationReview, NewReview, ReviewStatus, Shop } from '../storage/index.js';
import { settleReviewPoints } from './earning.js';

/** Published at once when the shop auto-publishes this rating; otherwise held for moderation. */
export function statusOnArrival(shop: Shop, rating: number): 'published' | 'pending' {
  const { autoPublishAt } = shop.settings;
  return autoPublishAt !== null && rating >= autoPublishAt ? 'published' : 'pending';
}

/** What a review request's link (its token, read by `reviewLinkOrder`) says was bought, by whom. */
export interface ReviewInvitation {
  orderId: string;
  productId: string;
  email: string;
}

/**
 * The id of the one review an invitation makes: the same for every submission with it, so the
 * reviews table's unique id keeps it to one with no column of its own. UUID-shaped (version 8),
 * and unguessable without the shop's secret.
 */
function invitedReviewId(shop: Shop, invitation: ReviewInvitation): string {
  const hex = createHmac('sha256', shop.secret)
    .update(JSON.stringify(['review-invitation', shop.id, invitation.orderId, invitation.productId]))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Submitted = { review: Review; status: 'published' | 'pending' };

/**
 * Stores a shopper's review; a published one earns its points, a held one shows up in the inbox.
 * Uploaded photos come already checked and re-encoded: they are written only now, once the
 * request has been accepted, and removed again if the review's row cannot be stored.
 */
export async function submitReview(
  deps: Deps,
  shop: Shop,
  submission: Omit<NewReview, 'status' | 'id'>,
  uploads: readonly PreparedPhoto[] = [],
): Promise<Submitted> {
  const stored = await storeReview(
    deps,
    shop,
    randomUUID(),
    submission,
    { customerId: submission.customerId, email: submission.email },
    uploads,
  );
  if (stored === 'already-reviewed') throw new Error('A new random review id was taken.');
  return stored;
}

/**
 * A review through the review request's link (the caller checked its token): the buyer's. Its
 * email is the one the order named, whatever the browser sent, and verified by that email's
 * orders, whoever is signed in. One review per order and product: `already-reviewed` for the
 * next, whatever became of the first.
 */
export async function submitInvitedReview(
  deps: Deps,
  shop: Shop,
  invitation: ReviewInvitation,
  submission: Omit<NewReview, 'status' | 'id' | 'email'>,
  uploads: readonly PreparedPhoto[] = [],
): Promise<Submitted | 'already-reviewed'> {
  const id = invitedReviewId(shop, invitation);
  if (await deps.storage.reviews.moderationReview(shop.id, id)) return 'already-reviewed';
  const { email } = invitation;
  return storeReview(deps, shop, id, { ...submission, email }, { email }, uploads, true);
}

async function storeReview(
  deps: Deps,
  shop: Shop,
  id: string,
  submission: Omit<NewReview, 'status' | 'id'>,
  buyer: Buyer,
  uploads: readonly PreparedPhoto[],
  /** Its id is the invitation's: a failed insert may be the same invitation's review, sent twice at once. */
  invitation = false,
): Promise<Submitted | 'already-reviewed'> {
  const status = statusOnArrival(shop, submission.rating);
  // Verified only by the shop's orders, never by what the browser sends (an order arriving later verifies it then).
  const verifiedBuyer = await deps.storage.orders.hasBought(shop.id, buyer, submission.productId);
  const { files, photos } = planReviewPhotos(id, uploads, `Photo from ${submission.authorName}`);
  await deps.media.writeReviewPhotos(files);
  let review: Review;
  try {
    [review] = (await deps.storage.reviews.insert(shop.id, [
      { ...submission, id, status, verifiedBuyer, photos: [...submission.photos, ...photos] },
    ])) as [Review];
  } catch (error) {
    await deps.media.removeReviewPhotos(files.map((file) => file.name));
    // An invitation's review sent twice at once: the unique id let the first one in.
    if (invitation && (await deps.storage.reviews.moderationReview(shop.id, id))) return 'already-reviewed';
    throw error;
  }
  if (status === 'published') {
    deps.hub.invalidate(reviewsTag(shop.id));
    deps.ratings.changed(shop, [review.productId]);
    await settleReviewPoints(deps.storage, shop, { id: review.id, customerId: submission.customerId, photos: review.photos }, true);
  } else {
    const pending = await deps.storage.reviews.moderationReview(shop.id, review.id);
    if (pending) deps.hub.publishInbox(shop.id, { type: 'review', review: pending });
  }
  return { review, status };
}

/**
 * Publishes or rejects. The review's points are settled to its new status each time (key
 * `review:<id>`): published earns them once however many agents publish it at once, and a
 * rejection takes back what it earned.
 */
export async function moderateReview(
  deps: Deps,
  shop: Shop,
  reviewId: string,
  status: Exclude<ReviewStatus, 'pending'>,
): Promise<ModerationReview | undefined> {
  const changed = await deps.storage.reviews.setStatus(shop.id, reviewId, status);
  if (!changed) return undefined;
  deps.hub.invalidate(reviewsTag(shop.id));
  deps.ratings.changed(shop, [changed.review.productId]);
  await settleReviewPoints(deps.storage, shop, changed.review, status === 'published');
  return changed.review;
}

/** The shop's public answer under a review, signed with the shop's name. */
export async function replyToReview(deps: Deps, shop: Shop, reviewId: string, body: string): Promise<ModerationReview | undefined> {
  const review = await deps.storage.reviews.reply(shop.id, reviewId, { body, authorName: shop.name, createdAt: new Date().toISOString() });
  if (review) deps.hub.invalidate(reviewsTag(shop.id));
  return review;
}
