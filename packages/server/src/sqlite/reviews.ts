import { randomUUID } from 'node:crypto';
import type { MerchantReply, Review, ReviewPhoto, ReviewSort, ReviewSummary } from '@shopfront/core/schemas.js';
import {
  InvalidInputError,
  type ModerationReview,
  type NewReview,
  type ReviewCursor,
  type ReviewListQuery,
  type ReviewListResult,
  type ReviewStatus,
  type ReviewStorage,
  type StoredProduct,
} from '../storage/index.js';
import { now, type Db, type Row } from './database.js';

type Order = ReadonlyArray<readonly [column: string, direction: 'ASC' | 'DESC', type: 'number' | 'string']>;

/** Sort keys per review order: the columns of the ORDER BY and of the keyset cursor. */
const REVIEW_ORDER: Record<ReviewSort, Order> = {
  newest: [
    ['created_at', 'DESC', 'string'],
    ['pk', 'DESC', 'number'],
  ],
  highest: [
    ['rating', 'DESC', 'number'],
    ['created_at', 'DESC', 'string'],
    ['pk', 'DESC', 'number'],
  ],
  lowest: [
    ['rating', 'ASC', 'number'],
    ['created_at', 'DESC', 'string'],
    ['pk', 'DESC', 'number'],
  ],
  helpful: [
    ['helpful_count', 'DESC', 'number'],
    ['created_at', 'DESC', 'string'],
    ['pk', 'DESC', 'number'],
  ],
  'media-first': [
    ['has_media', 'DESC', 'number'],
    ['created_at', 'DESC', 'string'],
    ['pk', 'DESC', 'number'],
  ],
};

/** `(a < ?) OR (a = ? AND ((b < ?) OR (b = ? AND …)))`: rows strictly after the cursor. Columns come from REVIEW_ORDER only. */
function keysetCondition(order: Order, keys: ReadonlyArray<string | number>): { sql: string; params: unknown[] } {
  const [first, ...rest] = order;
  if (!first) return { sql: '0', params: [] };
  const [column, direction] = first;
  const operator = direction === 'DESC' ? '<' : '>';
  const value = keys[0];
  if (rest.length === 0) return { sql: `${column} ${operator} ?`, params: [value] };
  const inner = keysetCondition(rest, keys.slice(1));
  return { sql: `(${column} ${operator} ? OR (${column} = ? AND (${inner.sql})))`, params: [value, value, ...inner.params] };
}

function toReview(row: Row): Review {
  const review: Review = {
    id: String(row.id),
    productId: String(row.product_id),
    rating: Number(row.rating),
    title: String(row.title),
    body: String(row.body),
    authorName: String(row.author_name),
    verifiedBuyer: Boolean(row.verified_buyer),
    createdAt: String(row.created_at),
    helpfulCount: Number(row.helpful_count),
    photos: JSON.parse(String(row.photos)),
    reply: row.reply_body
      ? {
          body: String(row.reply_body),
          createdAt: String(row.reply_at),
          ...(row.reply_author ? { authorName: String(row.reply_author) } : {}),
        }
      : null,
  };
  if (row.language) review.language = String(row.language);
  return review;
}

export class SqliteReviews implements ReviewStorage {
  constructor(private readonly db: Db) {}

  private toModerationReview(row: Row): ModerationReview {
    const review: ModerationReview = { ...toReview(row), status: row.status as ReviewStatus };
    if (row.email) review.email = String(row.email);
    if (row.customer_id) review.customerId = String(row.customer_id);
    const product = this.db.prepare('SELECT data FROM products WHERE shop_id = ? AND id = ?').pluck().get(row.shop_id, row.product_id) as
      string | undefined;
    if (product) review.productTitle = (JSON.parse(product) as StoredProduct).title;
    return review;
  }

  async summary(shopId: number, productId: string): Promise<ReviewSummary> {
    const rows = this.db
      .prepare("SELECT rating, COUNT(*) AS n FROM reviews WHERE shop_id = ? AND product_id = ? AND status = 'published' GROUP BY rating")
      .all(shopId, productId) as Array<{ rating: number; n: number }>;
    const histogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    let count = 0;
    let total = 0;
    for (const { rating, n } of rows) {
      histogram[rating as 1 | 2 | 3 | 4 | 5] = n;
      count += n;
      total += rating * n;
    }
    return { productId, average: count ? Math.round((total / count) * 100) / 100 : 0, count, histogram };
  }

  async list(shopId: number, productId: string, query: ReviewListQuery): Promise<ReviewListResult> {
    const order = REVIEW_ORDER[query.sort];
    const where = ['shop_id = ?', 'product_id = ?', "status = 'published'"];
    const params: unknown[] = [shopId, productId];
    if (query.rating !== undefined) {
      where.push('rating = ?');
      params.push(query.rating);
    }
    if (query.withMedia) where.push('has_media = 1');
    if (query.after) {
      const { sort, keys } = query.after;
      const valid = sort === query.sort && keys.length === order.length && order.every(([, , type], i) => typeof keys[i] === type);
      if (!valid) throw new InvalidInputError('cursor', 'The cursor does not belong to this list.');
      const condition = keysetCondition(order, keys);
      where.push(condition.sql);
      params.push(...condition.params);
    }
    const orderBy = order.map(([column, direction]) => `${column} ${direction}`).join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM reviews WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
      .all(...params, query.limit + 1) as Row[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next: ReviewCursor | null =
      rows.length > query.limit && last ? { sort: query.sort, keys: order.map(([column]) => last[column] as string | number) } : null;
    return { reviews: page.map(toReview), next };
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

  async reply(shopId: number, reviewId: string, reply: MerchantReply): Promise<ModerationReview | undefined> {
    this.db
      .prepare('UPDATE reviews SET reply_body = ?, reply_author = ?, reply_at = ? WHERE shop_id = ? AND id = ?')
      .run(reply.body, reply.authorName ?? null, reply.createdAt, shopId, reviewId);
    return this.moderationReview(shopId, reviewId);
  }
}
