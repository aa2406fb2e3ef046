/**
 * `Storage` on SQLite through better-sqlite3: one file, WAL mode, migrations at
 * open, every statement prepared with parameters (no value is ever spliced into
 * SQL). better-sqlite3 is synchronous and this process is its only writer, so a
 * transaction here is also a critical section: redemptions and message sequence
 * numbers cannot interleave.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChatMessage, FaqEntry, LoyaltyActivity, Review, ReviewSort, ReviewSummary, Reward } from '@shopfront/core/schemas.js';
import { migrations } from './sqlite-migrations.js';
import {
  InvalidInputError,
  type AgentRecord,
  type Availability,
  type ConversationRecord,
  type ConversationSummary,
  type LeftEmail,
  type LoyaltySetup,
  type MemberRecord,
  type ModerationReview,
  type NewMessage,
  type NewReview,
  type RedeemResult,
  type ReviewCursor,
  type ReviewListQuery,
  type ReviewStatus,
  type SessionRecord,
  type Shop,
  type ShopInput,
  type Storage,
  type StoredProduct,
} from './storage.js';

type Row = Record<string, unknown>;

const now = () => new Date().toISOString();
const str = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

/** Sort keys per review order: the columns of the ORDER BY and of the keyset cursor. */
const REVIEW_ORDER: Record<ReviewSort, ReadonlyArray<readonly [column: string, direction: 'ASC' | 'DESC', type: 'number' | 'string']>> = {
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
function keysetCondition(
  order: (typeof REVIEW_ORDER)[ReviewSort],
  keys: ReadonlyArray<string | number>,
): { sql: string; params: unknown[] } {
  const [first, ...rest] = order;
  if (!first) return { sql: '0', params: [] };
  const [column, direction] = first;
  const operator = direction === 'DESC' ? '<' : '>';
  const value = keys[0];
  if (rest.length === 0) return { sql: `${column} ${operator} ?`, params: [value] };
  const inner = keysetCondition(rest, keys.slice(1));
  return { sql: `(${column} ${operator} ? OR (${column} = ? AND (${inner.sql})))`, params: [value, value, ...inner.params] };
}

function codeChars(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

export class SqliteStorage implements Storage {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Runs the migrations this file has not seen, each in its own transaction. */
  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, now());
      })();
    }
  }

  /** The highest migration applied: what tests and operators check. */
  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  }

  // Shops

  private toShop(row: Row | undefined): Shop | undefined {
    if (!row) return undefined;
    return {
      id: Number(row.id),
      key: String(row.key),
      secret: String(row.secret),
      name: String(row.name),
      settings: JSON.parse(String(row.settings)),
    };
  }

  async shopByKey(key: string): Promise<Shop | undefined> {
    return this.toShop(this.db.prepare('SELECT * FROM shops WHERE key = ?').get(key) as Row | undefined);
  }

  async shopById(id: number): Promise<Shop | undefined> {
    return this.toShop(this.db.prepare('SELECT * FROM shops WHERE id = ?').get(id) as Row | undefined);
  }

  async upsertShop(input: ShopInput): Promise<{ shop: Shop; created: boolean }> {
    const existing = this.db.prepare('SELECT id FROM shops WHERE key = ?').get(input.key) as Row | undefined;
    const settings = JSON.stringify(input.settings);
    if (existing) {
      this.db
        .prepare('UPDATE shops SET secret = ?, name = ?, settings = ? WHERE id = ?')
        .run(input.secret, input.name, settings, existing.id);
    } else {
      this.db
        .prepare('INSERT INTO shops (key, secret, name, settings, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.key, input.secret, input.name, settings, now());
    }
    const shop = (await this.shopByKey(input.key))!;
    return { shop, created: !existing };
  }

  async replaceProducts(shopId: number, products: StoredProduct[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM products WHERE shop_id = ?').run(shopId);
      const insert = this.db.prepare('INSERT INTO products (shop_id, id, handle, data, position) VALUES (?, ?, ?, ?, ?)');
      products.forEach((product, position) => insert.run(shopId, product.id, product.handle, JSON.stringify(product), position));
    })();
  }

  async replaceFaq(shopId: number, entries: FaqEntry[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM faq_entries WHERE shop_id = ?').run(shopId);
      const insert = this.db.prepare('INSERT INTO faq_entries (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      entries.forEach((entry, position) => insert.run(shopId, entry.id, JSON.stringify(entry), position));
      this.db.prepare('UPDATE shops SET faq_version = faq_version + 1 WHERE id = ?').run(shopId);
    })();
  }

  async replaceLoyalty(shopId: number, setup: LoyaltySetup): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['tiers', 'ways_to_earn', 'rewards'] as const) {
        this.db.prepare(`DELETE FROM ${table} WHERE shop_id = ?`).run(shopId);
      }
      const tier = this.db.prepare('INSERT INTO tiers (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      setup.tiers.forEach((item, position) => tier.run(shopId, item.id, JSON.stringify(item), position));
      const way = this.db.prepare('INSERT INTO ways_to_earn (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      setup.waysToEarn.forEach((item, position) => way.run(shopId, item.id, JSON.stringify(item), position));
      const reward = this.db.prepare('INSERT INTO rewards (shop_id, id, cost, data, position) VALUES (?, ?, ?, ?, ?)');
      setup.rewards.forEach((item, position) => reward.run(shopId, item.id, item.cost, JSON.stringify(item), position));
    })();
  }

  // Products

  async products(shopId: number, ids: readonly string[]): Promise<StoredProduct[]> {
    if (ids.length === 0) return [];
    // One placeholder per id: the values still travel as parameters.
    const placeholders = ids.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT data FROM products WHERE shop_id = ? AND id IN (${placeholders}) ORDER BY position`)
      .pluck()
      .all(shopId, ...ids) as string[];
    const byId = new Map(rows.map((data) => JSON.parse(data) as StoredProduct).map((product) => [product.id, product]));
    // In the order asked for: recently viewed lists are newest first.
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async allProducts(shopId: number): Promise<StoredProduct[]> {
    const rows = this.db.prepare('SELECT data FROM products WHERE shop_id = ? ORDER BY position').pluck().all(shopId) as string[];
    return rows.map((data) => JSON.parse(data));
  }

  async productByHandle(shopId: number, handle: string): Promise<StoredProduct | undefined> {
    const data = this.db.prepare('SELECT data FROM products WHERE shop_id = ? AND handle = ?').pluck().get(shopId, handle) as
      string | undefined;
    return data === undefined ? undefined : JSON.parse(data);
  }

  // Reviews

  private toReview(row: Row): Review {
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

  private toModerationReview(row: Row): ModerationReview {
    const review: ModerationReview = { ...this.toReview(row), status: row.status as ReviewStatus };
    if (row.email) review.email = String(row.email);
    if (row.customer_id) review.customerId = String(row.customer_id);
    const product = this.db.prepare('SELECT data FROM products WHERE shop_id = ? AND id = ?').pluck().get(row.shop_id, row.product_id) as
      string | undefined;
    if (product) review.productTitle = (JSON.parse(product) as StoredProduct).title;
    return review;
  }

  async reviewSummary(shopId: number, productId: string): Promise<ReviewSummary> {
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

  async listReviews(shopId: number, productId: string, query: ReviewListQuery) {
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
    return { reviews: page.map((row) => this.toReview(row)), next };
  }

  async insertReviews(shopId: number, reviews: NewReview[]): Promise<Review[]> {
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
        return this.toReview(select.get(id) as Row);
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

  async reviewsForModeration(shopId: number, status: ReviewStatus, limit: number): Promise<ModerationReview[]> {
    const rows = this.db
      .prepare('SELECT * FROM reviews WHERE shop_id = ? AND status = ? ORDER BY created_at DESC, pk DESC LIMIT ?')
      .all(shopId, status, limit) as Row[];
    return rows.map((row) => this.toModerationReview(row));
  }

  async moderationReview(shopId: number, reviewId: string): Promise<ModerationReview | undefined> {
    const row = this.db.prepare('SELECT * FROM reviews WHERE shop_id = ? AND id = ?').get(shopId, reviewId) as Row | undefined;
    return row ? this.toModerationReview(row) : undefined;
  }

  async setReviewStatus(shopId: number, reviewId: string, status: ReviewStatus): Promise<ModerationReview | undefined> {
    this.db.prepare('UPDATE reviews SET status = ? WHERE shop_id = ? AND id = ?').run(status, shopId, reviewId);
    return this.moderationReview(shopId, reviewId);
  }

  async replyToReview(shopId: number, reviewId: string, reply: { body: string; authorName?: string; createdAt: string }) {
    this.db
      .prepare('UPDATE reviews SET reply_body = ?, reply_author = ?, reply_at = ? WHERE shop_id = ? AND id = ?')
      .run(reply.body, reply.authorName ?? null, reply.createdAt, shopId, reviewId);
    return this.moderationReview(shopId, reviewId);
  }

  // Loyalty

  async loyaltySetup(shopId: number): Promise<LoyaltySetup> {
    const all = (table: 'tiers' | 'ways_to_earn' | 'rewards') =>
      (this.db.prepare(`SELECT data FROM ${table} WHERE shop_id = ? ORDER BY position`).pluck().all(shopId) as string[]).map((data) =>
        JSON.parse(data),
      );
    return { tiers: all('tiers'), waysToEarn: all('ways_to_earn'), rewards: all('rewards') };
  }

  private toMember(row: Row | undefined): MemberRecord | undefined {
    if (!row) return undefined;
    return {
      customerId: String(row.customer_id),
      firstName: str(row.first_name),
      points: Number(row.points),
      lifetimePoints: Number(row.lifetime_points),
      referralCode: String(row.referral_code),
    };
  }

  async member(shopId: number, customerId: string): Promise<MemberRecord | undefined> {
    return this.toMember(this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?').get(shopId, customerId) as Row);
  }

  async adjustPoints(
    shopId: number,
    customerId: string,
    change: { points: number; label: string; kind: LoyaltyActivity['kind']; firstName?: string },
  ): Promise<MemberRecord> {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO members (shop_id, customer_id, first_name, points, lifetime_points, referral_code, created_at)
           VALUES (?, ?, ?, 0, 0, ?, ?) ON CONFLICT (shop_id, customer_id) DO NOTHING`,
          )
          .run(shopId, customerId, change.firstName ?? null, codeChars(10), now());
        if (change.firstName) {
          this.db
            .prepare('UPDATE members SET first_name = ? WHERE shop_id = ? AND customer_id = ?')
            .run(change.firstName, shopId, customerId);
        }
        const before = this.db
          .prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?')
          .pluck()
          .get(shopId, customerId) as number;
        // Never below zero: a removal takes at most what is there.
        const applied = Math.max(change.points, -before);
        if (applied !== 0) {
          this.db
            .prepare('UPDATE members SET points = points + ?, lifetime_points = lifetime_points + ? WHERE shop_id = ? AND customer_id = ?')
            .run(applied, Math.max(applied, 0), shopId, customerId);
          this.db
            .prepare(
              'INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(randomUUID(), shopId, customerId, change.kind, applied, change.label, now());
        }
        return this.toMember(
          this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?').get(shopId, customerId) as Row,
        )!;
      })
      .immediate();
  }

  async redeem(shopId: number, customerId: string, rewardId: string, code: string): Promise<RedeemResult> {
    return this.db
      .transaction((): RedeemResult => {
        const data = this.db.prepare('SELECT data FROM rewards WHERE shop_id = ? AND id = ?').pluck().get(shopId, rewardId) as
          string | undefined;
        if (data === undefined) return { ok: false, reason: 'unknown-reward' };
        const reward = JSON.parse(data) as Reward;
        // The balance check and the debit are one statement: two redemptions cannot both pass it.
        const debit = this.db
          .prepare('UPDATE members SET points = points - ? WHERE shop_id = ? AND customer_id = ? AND points >= ?')
          .run(reward.cost, shopId, customerId, reward.cost);
        if (debit.changes !== 1) return { ok: false, reason: 'insufficient-points' };
        const points = this.db
          .prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?')
          .pluck()
          .get(shopId, customerId) as number;
        const createdAt = now();
        const expiresAt = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
        const id = randomUUID();
        this.db
          .prepare('INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), shopId, customerId, 'redeem', -reward.cost, reward.name, createdAt);
        this.db
          .prepare(
            `INSERT INTO redemptions (id, shop_id, customer_id, reward_id, code, cost, points_after, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, shopId, customerId, rewardId, code, reward.cost, points, createdAt, expiresAt);
        return { ok: true, redemption: { id, rewardId, code, points, createdAt, expiresAt } };
      })
      .immediate();
  }

  async activity(shopId: number, customerId: string, limit: number): Promise<LoyaltyActivity[]> {
    const rows = this.db
      .prepare('SELECT * FROM loyalty_activity WHERE shop_id = ? AND customer_id = ? ORDER BY pk DESC LIMIT ?')
      .all(shopId, customerId, limit) as Row[];
    return rows.map((row) => ({
      id: String(row.id),
      kind: row.kind as LoyaltyActivity['kind'],
      points: Number(row.points),
      label: String(row.label),
      createdAt: String(row.created_at),
    }));
  }

  async useCode(shopId: number, code: string): Promise<'used' | 'unknown' | 'already-used'> {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT used_at FROM redemptions WHERE shop_id = ? AND code = ?').get(shopId, code) as Row | undefined;
        if (!row) return 'unknown' as const;
        if (row.used_at) return 'already-used' as const;
        this.db.prepare('UPDATE redemptions SET used_at = ? WHERE shop_id = ? AND code = ? AND used_at IS NULL').run(now(), shopId, code);
        return 'used' as const;
      })
      .immediate();
  }

  // Chat

  private toConversation(row: Row | undefined): ConversationRecord | undefined {
    if (!row) return undefined;
    return {
      id: String(row.id),
      status: row.status as ConversationRecord['status'],
      createdAt: String(row.created_at),
      shopId: Number(row.shop_id),
      visitorId: str(row.visitor_id),
      visitorName: str(row.visitor_name),
      visitorEmail: str(row.visitor_email),
      customerId: str(row.customer_id),
      lastSeq: Number(row.last_seq),
      agentReadSeq: Number(row.agent_read_seq),
      updatedAt: String(row.updated_at),
    };
  }

  private toMessage(row: Row): ChatMessage {
    const message: ChatMessage = {
      id: String(row.id),
      clientId: String(row.client_id),
      conversationId: String(row.conversation_id),
      seq: Number(row.seq),
      author: row.author as ChatMessage['author'],
      body: String(row.body),
      createdAt: String(row.created_at),
    };
    if (row.author_name) message.authorName = String(row.author_name);
    if (row.avatar_url) message.avatarUrl = String(row.avatar_url);
    if (row.attachment) message.attachment = JSON.parse(String(row.attachment));
    return message;
  }

  async createConversation(shopId: number, visitor: { visitorId?: string; name?: string; email?: string; customerId?: string }) {
    const id = randomUUID();
    const createdAt = now();
    this.db
      .prepare(
        `INSERT INTO conversations (id, shop_id, visitor_id, visitor_name, visitor_email, customer_id, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(
        id,
        shopId,
        visitor.visitorId ?? null,
        visitor.name ?? null,
        visitor.email ?? null,
        visitor.customerId ?? null,
        createdAt,
        createdAt,
      );
    return (await this.conversation(shopId, id))!;
  }

  async conversation(shopId: number, conversationId: string): Promise<ConversationRecord | undefined> {
    return this.toConversation(
      this.db.prepare('SELECT * FROM conversations WHERE shop_id = ? AND id = ?').get(shopId, conversationId) as Row | undefined,
    );
  }

  async appendMessage(conversationId: string, message: NewMessage): Promise<{ message: ChatMessage; created: boolean }> {
    return this.db
      .transaction(() => {
        const createdAt = now();
        // The next sequence number comes from the conversation row inside this transaction;
        // a resend with the same client id hits the unique key and changes nothing.
        const inserted = this.db
          .prepare(
            `INSERT INTO messages (id, conversation_id, client_id, seq, author, author_name, avatar_url, body, attachment, created_at)
           SELECT ?, id, ?, last_seq + 1, ?, ?, ?, ?, ?, ? FROM conversations WHERE id = ?
           ON CONFLICT (conversation_id, client_id) DO NOTHING`,
          )
          .run(
            randomUUID(),
            message.clientId,
            message.author,
            message.authorName ?? null,
            message.avatarUrl ?? null,
            message.body,
            message.attachment ? JSON.stringify(message.attachment) : null,
            createdAt,
            conversationId,
          );
        if (inserted.changes === 1) {
          this.db
            .prepare("UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?, status = 'open' WHERE id = ?")
            .run(createdAt, conversationId);
        }
        const row = this.db
          .prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?')
          .get(conversationId, message.clientId) as Row | undefined;
        if (!row) throw new InvalidInputError('conversationId', 'No such conversation.');
        return { message: this.toMessage(row), created: inserted.changes === 1 };
      })
      .immediate();
  }

  async messagesAfter(conversationId: string, after: number, limit: number): Promise<ChatMessage[]> {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(conversationId, after, limit) as Row[];
    return rows.map((row) => this.toMessage(row));
  }

  async conversations(shopId: number, status: 'open' | 'closed' | 'all', limit: number): Promise<ConversationSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM conversations WHERE shop_id = ? AND (? = 'all' OR status = ?) AND last_seq > 0
         ORDER BY updated_at DESC LIMIT ?`,
      )
      .all(shopId, status, status, limit) as Row[];
    const last = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq = ?');
    return rows.map((row) => {
      const conversation = this.toConversation(row)!;
      const message = last.get(conversation.id, conversation.lastSeq) as Row | undefined;
      return { ...conversation, ...(message ? { lastMessage: this.toMessage(message) } : {}) };
    });
  }

  async setConversationStatus(shopId: number, conversationId: string, status: 'open' | 'closed') {
    this.db
      .prepare('UPDATE conversations SET status = ?, updated_at = ? WHERE shop_id = ? AND id = ?')
      .run(status, now(), shopId, conversationId);
    return this.conversation(shopId, conversationId);
  }

  async markRead(shopId: number, conversationId: string, seq: number): Promise<void> {
    this.db
      .prepare('UPDATE conversations SET agent_read_seq = MAX(agent_read_seq, MIN(?, last_seq)) WHERE shop_id = ? AND id = ?')
      .run(seq, shopId, conversationId);
  }

  async leaveEmail(shopId: number, email: { email: string; message?: string; conversationId?: string; visitorId?: string }) {
    const record: LeftEmail = { id: randomUUID(), email: email.email, createdAt: now() };
    if (email.message) record.message = email.message;
    if (email.conversationId) record.conversationId = email.conversationId;
    this.db
      .prepare('INSERT INTO emails (id, shop_id, conversation_id, visitor_id, email, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(record.id, shopId, email.conversationId ?? null, email.visitorId ?? null, email.email, email.message ?? null, record.createdAt);
    return record;
  }

  async emails(shopId: number, limit: number): Promise<LeftEmail[]> {
    const rows = this.db
      .prepare('SELECT * FROM emails WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(shopId, limit) as Row[];
    return rows.map((row) => {
      const email: LeftEmail = { id: String(row.id), email: String(row.email), createdAt: String(row.created_at) };
      if (row.message) email.message = String(row.message);
      if (row.conversation_id) email.conversationId = String(row.conversation_id);
      return email;
    });
  }

  // FAQ

  async faq(shopId: number): Promise<{ version: string; entries: FaqEntry[] }> {
    const version = this.db.prepare('SELECT faq_version FROM shops WHERE id = ?').pluck().get(shopId) as number;
    const entries = (
      this.db.prepare('SELECT data FROM faq_entries WHERE shop_id = ? ORDER BY position').pluck().all(shopId) as string[]
    ).map((data) => JSON.parse(data) as FaqEntry);
    return { version: `${shopId}.${version}`, entries };
  }

  // Agents and sessions

  private toAgent(row: Row | undefined): AgentRecord | undefined {
    if (!row) return undefined;
    return {
      id: String(row.id),
      shopId: Number(row.shop_id),
      email: String(row.email),
      name: String(row.name),
      passwordHash: String(row.password_hash),
      availability: row.availability as Availability,
    };
  }

  async agentByEmail(email: string): Promise<AgentRecord | undefined> {
    return this.toAgent(this.db.prepare('SELECT * FROM agents WHERE email = ?').get(email) as Row | undefined);
  }

  async agentById(id: string): Promise<AgentRecord | undefined> {
    return this.toAgent(this.db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined);
  }

  async agents(shopId: number): Promise<AgentRecord[]> {
    return (this.db.prepare('SELECT * FROM agents WHERE shop_id = ? ORDER BY created_at').all(shopId) as Row[]).map((row) =>
      this.toAgent(row)!,
    );
  }

  async upsertAgent(agent: { shopId: number; email: string; name: string; passwordHash: string }): Promise<AgentRecord> {
    const existing = await this.agentByEmail(agent.email);
    if (existing) {
      this.db
        .prepare('UPDATE agents SET shop_id = ?, name = ?, password_hash = ? WHERE id = ?')
        .run(agent.shopId, agent.name, agent.passwordHash, existing.id);
      return (await this.agentById(existing.id))!;
    }
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO agents (id, shop_id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, agent.shopId, agent.email, agent.name, agent.passwordHash, now());
    return (await this.agentById(id))!;
  }

  async setAvailability(agentId: string, availability: Availability): Promise<void> {
    this.db.prepare('UPDATE agents SET availability = ? WHERE id = ?').run(availability, agentId);
  }

  async createSession(tokenHash: string, session: SessionRecord): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now());
    this.db
      .prepare('INSERT INTO sessions (token_hash, agent_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(tokenHash, session.agentId, session.csrfToken, now(), session.expiresAt);
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?').get(tokenHash, now()) as Row | undefined;
    return row ? { agentId: String(row.agent_id), csrfToken: String(row.csrf_token), expiresAt: String(row.expires_at) } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Fold the write-ahead log back into the database file, so a stopped server leaves one file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
