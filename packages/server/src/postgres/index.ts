/** `Storage` on a PostgreSQL database through a `pg` pool: for several server instances sharing one database. */
import pg from 'pg';
import { DatabaseConnectError, type Storage } from '../storage/index.js';
import { PostgresAgents } from './agents.js';
import { PostgresCatalogue } from './catalogue.js';
import { PostgresChat } from './chat.js';
import { PostgresDiscounts } from './discounts.js';
import { PostgresEmail } from './email.js';
import { PostgresLimits } from './limits.js';
import { PostgresLoyalty } from './loyalty.js';
import { PostgresOrders } from './orders.js';
import { migrate, schemaVersion } from './migrations.js';
import { PostgresReviews } from './reviews.js';
import { PostgresShopify } from './shopify.js';
import { PostgresShops } from './shops.js';

/** The URL as it may be shown (banner, logs): without its password. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '';
  // pg also takes the password as a query parameter.
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '');
  return parsed.toString();
}

export class PostgresStorage implements Storage {
  readonly shops: PostgresShops;
  readonly catalogue: PostgresCatalogue;
  readonly reviews: PostgresReviews;
  readonly loyalty: PostgresLoyalty;
  readonly orders: PostgresOrders;
  readonly discounts: PostgresDiscounts;
  readonly chat: PostgresChat;
  readonly agents: PostgresAgents;
  readonly email: PostgresEmail;
  readonly shopify: PostgresShopify;
  readonly limits: PostgresLimits;
  readonly description: string;

  private constructor(
    readonly pool: pg.Pool,
    url: string,
  ) {
    this.shops = new PostgresShops(pool);
    this.catalogue = new PostgresCatalogue(pool);
    this.reviews = new PostgresReviews(pool);
    this.loyalty = new PostgresLoyalty(pool);
    this.orders = new PostgresOrders(pool);
    this.discounts = new PostgresDiscounts(pool);
    this.chat = new PostgresChat(pool);
    this.agents = new PostgresAgents(pool);
    this.email = new PostgresEmail(pool);
    this.shopify = new PostgresShopify(pool);
    this.limits = new PostgresLimits(pool);
    this.description = redactedUrl(url);
  }

  /** Connects, migrates, and gives the storage; a database it cannot reach is a `DatabaseConnectError`. */
  static async open(url: string): Promise<PostgresStorage> {
    // Without a timeout an unreachable host (packets dropped) would hang the start for minutes.
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
    // An idle client whose server went away emits 'error'; unhandled, that would kill the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw connectError(url, error);
    }
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStorage(pool, url);
  }

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.pool);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** One line naming host:port and why, never the password: refused, unknown host, timeout, or what the server said. */
function connectError(url: string, error: unknown): DatabaseConnectError {
  const { hostname, port, pathname, searchParams } = new URL(url);
  // No host in the URL: pg takes ?host= (a socket directory, say), else localhost.
  const where = `${hostname || searchParams.get('host') || 'localhost'}:${port || 5432}`;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const errors = (error as { errors?: Array<{ code?: string }> } | undefined)?.errors;
  const reason = code ?? errors?.[0]?.code ?? message ?? 'unknown error';
  const database = decodeURIComponent(pathname.slice(1)) || 'postgres';
  const said = code && /^[0-9A-Z]{5}$/.test(code) ? `${message} (${code})` : reason;
  return new DatabaseConnectError(`DATABASE_URL: cannot connect to PostgreSQL at ${where}, database ${JSON.stringify(database)}: ${said}`);
}
