/** `Storage` on one SQLite file (`:memory:` for none): the embedded default. */
import type { Storage } from '../storage/index.js';
import { SqliteAgents } from './agents.js';
import { SqliteCatalogue } from './catalogue.js';
import { SqliteChat } from './chat.js';
import { SqliteDiscounts } from './discounts.js';
import { SqliteEmail } from './email.js';
import { openDatabase, schemaVersion, type Db } from './database.js';
import { SqliteLimits } from './limits.js';
import { SqliteLoyalty } from './loyalty.js';
import { SqliteOrders } from './orders.js';
import { SqliteReviews } from './reviews.js';
import { SqliteShopify } from './shopify.js';
import { SqliteShops } from './shops.js';

export class SqliteStorage implements Storage {
  readonly db: Db;
  readonly shops: SqliteShops;
  readonly catalogue: SqliteCatalogue;
  readonly reviews: SqliteReviews;
  readonly loyalty: SqliteLoyalty;
  readonly orders: SqliteOrders;
  readonly discounts: SqliteDiscounts;
  readonly chat: SqliteChat;
  readonly agents: SqliteAgents;
  readonly email: SqliteEmail;
  readonly shopify: SqliteShopify;
  readonly limits: SqliteLimits;
  readonly description: string;

  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.shops = new SqliteShops(this.db);
    this.catalogue = new SqliteCatalogue(this.db);
    this.reviews = new SqliteReviews(this.db);
    this.loyalty = new SqliteLoyalty(this.db);
    this.orders = new SqliteOrders(this.db);
    this.discounts = new SqliteDiscounts(this.db);
    this.chat = new SqliteChat(this.db);
    this.agents = new SqliteAgents(this.db);
    this.email = new SqliteEmail(this.db);
    this.shopify = new SqliteShopify(this.db);
    this.limits = new SqliteLimits(this.db);
    this.description = file;
  }

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Fold the write-ahead log back into the database file, so a stopped server leaves one file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
