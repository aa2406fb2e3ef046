import { randomUUID } from 'node:crypto';
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
  StoredProduct,
} from '../storage/index.js';
import { listClauses, nextCursor, summaryOf } from '../storage/review-order.js';
import { toModerationReview, toReview } from '../storage/rows.js';
import { now, type Db, type Row } from './database.js';

export class SqliteReviews implements ReviewStorage {
  constructor(private readonly db: Db) {}

  private toModerationReview(row: Row): ModerationReview {
    const product = this.db.prepare('SELECT data FROM products WHERE shop_id = ? AND id = ?').pluck().get(row.shop_id, row.product_id) as
      string | undefined;
    return toModerationReview(row, product ? (JSON.parse(product) as StoredProduct).title : undefined);
  }

  async summary(shopId: number, productId: string): Promise<ReviewSummary> {
    const rows = this.db
      .prepare("SELECT rating, COUNT(*) AS n FROM reviews WHERE shop_id = ? AND product_id = ? AND status = 'published' GROUP BY rating")
      .all(shopId, productId) as Array<{ rating: number; n: number }>;
    return summaryOf(productId, rows);
  }

  async list(shopId: number, productId: string, query: ReviewListQuery): Promise<ReviewListResult> {
    const params: unknown[] = [shopId, productId];
    const { where, orderBy } = listClauses(query, (value) => (params.push(value), '?'));
    const rows = this.db
      .prepare(`SELECT * FROM reviews WHERE shop_id = ? AND product_id = ? AND ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
      .all(...params, query.limit + 1) as Row[];
    return { reviews: rows.slice(0, query.limit).map(toReview), next: nextCursor(query.sort, rows, query.limit) };
  }

  async insert(shopId: number, reviews: NewReview[]): Promise<Review[]> {
    const insert = this.db.prepare(
      `INSERT INTO reviews (id, shop_id, product_id, status, rating, title, body, author_name, email, customer_id, visitor_id,
         verified_buyer, language, created_at, helpful_count, has_media, photos, reply_body, reply_author, reply_at)
       VALUES (@id, @shopId, @productId, @status, @rating, @title, @body, @authorName, @email, @customerId, @visitorId,
         @verifiedBuyer, @language, @createdAt, @helpfulCount, @hasMedia, @photos, @replyBody, @replyAuthor, @replyAt)`,
    );
    const select = this.db.prepare('SELECT * FROM reviews WHERE id = ?');
    return this.db.transaction(() =>
      reviews.map((review) => {
        const id = review.id ?? randomUUID();
        insert.run({
          id,
          shopId,
          productId: review.productId,
          status: review.status,
          rating: review.rating,
          title: review.title,
          body: review.body,
          authorName: review.authorName,
          email: review.email ?? null,
          customerId: review.customerId ?? null,
          visitorId: review.visitorId ?? null,
          verifiedBuyer: review.verifiedBuyer ? 1 : 0,
          language: review.language ?? null,
          createdAt: review.createdAt ?? now(),
          helpfulCount: review.helpfulCount ?? 0,
          hasMedia: review.photos.length > 0 ? 1 : 0,
          photos: JSON.stringify(review.photos),
          replyBody: review.reply?.body ?? null,
          replyAuthor: review.reply?.authorName ?? null,
          replyAt: review.reply?.createdAt ?? null,
        });
        return toReview(select.get(id) as Row);
      }),
    )();
  }

  async vote(shopId: number, reviewId: string, visitorId: string, helpful: boolean): Promise<number | undefined> {
    return this.db
      .transaction(() => {
        const review = this.db
          .prepare("SELECT pk FROM reviews WHERE shop_id = ? AND id = ? AND status = 'published'")
          .get(shopId, reviewId) as { pk: number } | undefined;
        if (!review) return undefined;
        const inserted = this.db
          .prepare('INSERT INTO review_votes (review_pk, visitor_id, helpful, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
          .run(review.pk, visitorId, helpful ? 1 : 0, now());
        if (inserted.changes === 1 && helpful) {
          this.db.prepare('UPDATE reviews SET helpful_count = helpful_count + 1 WHERE pk = ?').run(review.pk);
        }
        return this.db.prepare('SELECT helpful_count FROM reviews WHERE pk = ?').pluck().get(review.pk) as number;
      })
      .immediate();
  }

  async forModeration(shopId: number, status: ReviewStatus, limit: number): Promise<ModerationReview[]> {
    const rows = this.db
      .prepare('SELECT * FROM reviews WHERE shop_id = ? AND status = ? ORDER BY created_at DESC, pk DESC LIMIT ?')
      .all(shopId, status, limit) as Row[];
    return rows.map((row) => this.toModerationReview(row));
  }

  async moderationReview(shopId: number, reviewId: string): Promise<ModerationReview | undefined> {
    const row = this.db.prepare('SELECT * FROM reviews WHERE shop_id = ? AND id = ?').get(shopId, reviewId) as Row | undefined;
    return row ? this.toModerationReview(row) : undefined;
  }

  async photoAccess(reviewId: string) {
    const row = this.db.prepare('SELECT shop_id, status, photos FROM reviews WHERE id = ?').get(reviewId) as
      { shop_id: number; status: ReviewStatus; photos: string } | undefined;
    return row ? { shopId: row.shop_id, status: row.status, photos: JSON.parse(row.photos) as ReviewPhoto[] } : undefined;
  }

  async setStatus(shopId: number, reviewId: string, status: ReviewStatus) {
    return this.db
      .transaction(() => {
        const previous = this.db.prepare('SELECT status FROM reviews WHERE shop_id = ? AND id = ?').pluck().get(shopId, reviewId) as
          ReviewStatus | undefined;
        if (previous === undefined) return undefined;
        this.db.prepare('UPDATE reviews SET status = ? WHERE shop_id = ? AND id = ?').run(status, shopId, reviewId);
        const row = this.db.prepare('SELECT * FROM reviews WHERE shop_id = ? AND id = ?').get(shopId, reviewId) as Row;
        return { review: this.toModerationReview(row), previous };
      })
      .immediate();
  }

  async markVerified(shopId: number, buyer: Buyer, productIds: string[]): Promise<number> {
    if (productIds.length === 0) return 0;
    const products = `(${productIds.map(() => '?').join(', ')})`;
    const result = this.db
      .prepare(
        `UPDATE reviews SET verified_buyer = 1
         WHERE shop_id = ? AND verified_buyer = 0 AND product_id IN ${products}
           AND (customer_id = ? OR (customer_id IS NULL AND lower(email) = ?))`,
      )
      .run(shopId, ...productIds, buyer.customerId ?? null, buyer.email?.toLowerCase() ?? null);
    return result.changes;
  }

  async reply(shopId: number, reviewId: string, reply: MerchantReply): Promise<ModerationReview | undefined> {
    this.db
      .prepare('UPDATE reviews SET reply_body = ?, reply_author = ?, reply_at = ? WHERE shop_id = ? AND id = ?')
      .run(reply.body, reply.authorName ?? null, reply.createdAt, shopId, reviewId);
    return this.moderationReview(shopId, reviewId);
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<ModerationReview[]> {
    const found = this.db
      .prepare(`SELECT * FROM reviews WHERE shop_id = ? AND ${SUBJECT_REVIEWS} ORDER BY created_at, pk`)
      .all(shopId, ...subjectKeys(subject)) as Row[];
    return found.map((row) => this.toModerationReview(row));
  }

  async eraseCustomer(shopId: number, subject: DataSubject) {
    // Votes on the deleted reviews go with them (ON DELETE CASCADE).
    const deleted = this.db
      .prepare(`DELETE FROM reviews WHERE shop_id = ? AND ${SUBJECT_REVIEWS} RETURNING id, product_id, photos`)
      .all(shopId, ...subjectKeys(subject)) as Array<{ id: string; product_id: string; photos: string }>;
    return deleted.map((row) => ({ id: row.id, productId: row.product_id, photos: JSON.parse(row.photos) as ReviewPhoto[] }));
  }
}

/** The subject's reviews, given their customer id and email (`subjectKeys`): reviews keep the email as it was typed. */
const SUBJECT_REVIEWS = '(customer_id = ? OR lower(email) = ?)';
