import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { MerchantReply, Review, ReviewPhoto, ReviewSummary } from '@shopfront/core/schemas.js';
import { subjectKeys } from '../storage/index.js';
import type {
  Buyer,
  DataSubject,
  ModerationReview,
  NewReview,
  ReviewListQuery,
  ReviewListResult,
  ReviewStatus,
  ReviewStorage,
} from '../storage/index.js';
import { listClauses, nextCursor, summaryOf } from '../storage/review-order.js';
import { json, optional, toModerationReview, toReview, type Row } from '../storage/rows.js';
import { now, row, rows, transaction, type Queryable } from './database.js';

/** Reviews with their product's title, for moderation: one statement instead of a lookup per review. */
const MODERATION_SELECT = `SELECT r.*, p.data->>'title' AS product_title
  FROM reviews r LEFT JOIN products p ON p.shop_id = r.shop_id AND p.id = r.product_id`;

const toModeration = (found: Row) => toModerationReview(found, optional(found.product_title));

async function moderationReview(db: Queryable, shopId: number, reviewId: string): Promise<ModerationReview | undefined> {
  const found = await row(db, `${MODERATION_SELECT} WHERE r.shop_id = $1 AND r.id = $2`, [shopId, reviewId]);
  return found ? toModeration(found) : undefined;
}

export class PostgresReviews implements ReviewStorage {
  constructor(private readonly pool: pg.Pool) {}

  async summary(shopId: number, productId: string): Promise<ReviewSummary> {
    const counts = await rows<{ rating: number; n: string }>(
      this.pool,
      "SELECT rating, COUNT(*) AS n FROM reviews WHERE shop_id = $1 AND product_id = $2 AND status = 'published' GROUP BY rating",
      [shopId, productId],
    );
    return summaryOf(productId, counts);
  }

  async list(shopId: number, productId: string, query: ReviewListQuery): Promise<ReviewListResult> {
    const params: unknown[] = [shopId, productId];
    const { where, orderBy } = listClauses(query, (value) => `$${params.push(value)}`);
    params.push(query.limit + 1);
    const found = await rows(
      this.pool,
      `SELECT * FROM reviews WHERE shop_id = $1 AND product_id = $2 AND ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`,
      params,
    );
    return { reviews: found.slice(0, query.limit).map(toReview), next: nextCursor(query.sort, found, query.limit) };
  }

  async insert(shopId: number, reviews: NewReview[]): Promise<Review[]> {
    return transaction(this.pool, async (client) => {
      const stored: Review[] = [];
      for (const review of reviews) {
        const inserted = await row(
          client,
          `INSERT INTO reviews (id, shop_id, product_id, status, rating, title, body, author_name, email, customer_id, visitor_id,
             verified_buyer, language, created_at, helpful_count, has_media, photos, reply_body, reply_author, reply_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING *`,
          [
            review.id ?? randomUUID(),
            shopId,
            review.productId,
            review.status,
            review.rating,
            review.title,
            review.body,
            review.authorName,
            review.email ?? null,
            review.customerId ?? null,
            review.visitorId ?? null,
            Boolean(review.verifiedBuyer),
            review.language ?? null,
            review.createdAt ?? now(),
            review.helpfulCount ?? 0,
            review.photos.length > 0 ? 1 : 0,
            JSON.stringify(review.photos),
            review.reply?.body ?? null,
            review.reply?.authorName ?? null,
            review.reply?.createdAt ?? null,
          ],
        );
        stored.push(toReview(inserted!));
      }
      return stored;
    });
  }

  async vote(shopId: number, reviewId: string, visitorId: string, helpful: boolean): Promise<number | undefined> {
    return transaction(this.pool, async (client) => {
      const review = await row(client, "SELECT pk, helpful_count FROM reviews WHERE shop_id = $1 AND id = $2 AND status = 'published'", [
        shopId,
        reviewId,
      ]);
      if (!review) return undefined;
      // The vote's primary key (review, visitor) admits one: a repeat, even a concurrent one, inserts nothing.
      const inserted = await row(
        client,
        'INSERT INTO review_votes (review_pk, visitor_id, helpful, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1 AS one',
        [review.pk, visitorId, helpful, now()],
      );
      const counted = inserted && helpful;
      const sql = counted
        ? 'UPDATE reviews SET helpful_count = helpful_count + 1 WHERE pk = $1 RETURNING helpful_count'
        : 'SELECT helpful_count FROM reviews WHERE pk = $1';
      return Number((await row(client, sql, [review.pk]))!.helpful_count);
    });
  }

  async forModeration(shopId: number, status: ReviewStatus, limit: number): Promise<ModerationReview[]> {
    const found = await rows(
      this.pool,
      `${MODERATION_SELECT} WHERE r.shop_id = $1 AND r.status = $2 ORDER BY r.created_at DESC, r.pk DESC LIMIT $3`,
      [shopId, status, limit],
    );
    return found.map(toModeration);
  }

  async moderationReview(shopId: number, reviewId: string): Promise<ModerationReview | undefined> {
    return moderationReview(this.pool, shopId, reviewId);
  }

  async photoAccess(reviewId: string) {
    const found = await row(this.pool, 'SELECT shop_id, status, photos FROM reviews WHERE id = $1', [reviewId]);
    return found
      ? { shopId: Number(found.shop_id), status: found.status as ReviewStatus, photos: json<ReviewPhoto[]>(found.photos) }
      : undefined;
  }

  async setStatus(shopId: number, reviewId: string, status: ReviewStatus) {
    return transaction(this.pool, async (client) => {
      // Locked, so of two concurrent changes the second reads the status the first left.
      const locked = await row(client, 'SELECT status FROM reviews WHERE shop_id = $1 AND id = $2 FOR UPDATE', [shopId, reviewId]);
      if (!locked) return undefined;
      await client.query('UPDATE reviews SET status = $1 WHERE shop_id = $2 AND id = $3', [status, shopId, reviewId]);
      return { review: (await moderationReview(client, shopId, reviewId))!, previous: locked.status as ReviewStatus };
    });
  }

  async markVerified(shopId: number, buyer: Buyer, productIds: string[]): Promise<number> {
    if (productIds.length === 0) return 0;
    const result = await this.pool.query(
      `UPDATE reviews SET verified_buyer = true
       WHERE shop_id = $1 AND NOT verified_buyer AND product_id = ANY($2::text[])
         AND (customer_id = $3 OR (customer_id IS NULL AND lower(email) = $4))`,
      [shopId, productIds, buyer.customerId ?? null, buyer.email?.toLowerCase() ?? null],
    );
    return result.rowCount ?? 0;
  }

  async reply(shopId: number, reviewId: string, reply: MerchantReply): Promise<ModerationReview | undefined> {
    await this.pool.query('UPDATE reviews SET reply_body = $1, reply_author = $2, reply_at = $3 WHERE shop_id = $4 AND id = $5', [
      reply.body,
      reply.authorName ?? null,
      reply.createdAt,
      shopId,
      reviewId,
    ]);
    return this.moderationReview(shopId, reviewId);
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<ModerationReview[]> {
    const found = await rows(
      this.pool,
      `${MODERATION_SELECT} WHERE r.shop_id = $1 AND (r.customer_id = $2 OR lower(r.email) = $3) ORDER BY r.created_at, r.pk`,
      [shopId, ...subjectKeys(subject)],
    );
    return found.map(toModeration);
  }

  async eraseCustomer(shopId: number, subject: DataSubject) {
    // One statement; the votes on these reviews go with them (ON DELETE CASCADE).
    const deleted = await rows(
      this.pool,
      'DELETE FROM reviews WHERE shop_id = $1 AND (customer_id = $2 OR lower(email) = $3) RETURNING id, product_id, photos',
      [shopId, ...subjectKeys(subject)],
    );
    return deleted.map((gone) => ({ id: String(gone.id), productId: String(gone.product_id), photos: json<ReviewPhoto[]>(gone.photos) }));
  }
}
