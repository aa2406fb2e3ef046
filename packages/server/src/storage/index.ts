/**
 * Everything the server keeps, one area per route group (`storage.reviews`,
 * `storage.loyalty`…), each an interface in this directory with an implementation
 * per database (`../sqlite/<area>.ts`). Every method is async so a networked
 * database fits without touching its callers.
 *
 * Each method is one transaction and carries its own guarantee (an idempotent
 * send, sequence numbers under the conversation's lock, a redemption that never
 * spends a point twice, one vote per visitor): services compose methods but never
 * hold a transaction open across them. Where a business rule needs a value read
 * under the lock (points never below zero), the service passes the rule in as a
 * plain function that the implementation calls while it holds the lock.
 *
 * URLs of things this server serves itself (product pages, uploaded photos) are
 * stored as paths starting with `/`; the routes make them absolute.
 *
 * A new area is a file here, a member of `Storage`, a file per implementation,
 * and a contract suite in `test/storage/`.
 */
import type { AgentStorage } from './agents.js';
import type { CatalogueStorage } from './catalogue.js';
import type { ChatStorage } from './chat.js';
import type { DiscountStorage } from './discounts.js';
import type { EmailStorage } from './email.js';
import type { LimitStorage } from './limits.js';
import type { LoyaltyStorage } from './loyalty.js';
import type { OrderStorage } from './orders.js';
import type { ReviewStorage } from './reviews.js';
import type { ShopifyStorage } from './shopify.js';
import type { ShopStorage } from './shops.js';

export type * from './agents.js';
export type * from './catalogue.js';
export type * from './chat.js';
export type * from './discounts.js';
export type * from './email.js';
export type * from './limits.js';
export * from './loyalty.js';
export * from './orders.js';
export type * from './reviews.js';
export type * from './shopify.js';
export type * from './shops.js';
export * from './subject.js';
export * from './conversation-filter.js';

export interface Storage {
  readonly shops: ShopStorage;
  readonly catalogue: CatalogueStorage;
  readonly reviews: ReviewStorage;
  readonly loyalty: LoyaltyStorage;
  readonly orders: OrderStorage;
  /** The codes redemptions made, for the shop's checkout. */
  readonly discounts: DiscountStorage;
  readonly chat: ChatStorage;
  readonly agents: AgentStorage;
  /** Emails waiting to be sent, sent, and the addresses that want none. */
  readonly email: EmailStorage;
  /** Shopify stores' install tokens. */
  readonly shopify: ShopifyStorage;
  /** Rate-limit counters, shared by every instance on this database. */
  readonly limits: LimitStorage;
  /** The highest schema migration applied. */
  schemaVersion(): Promise<number>;
  /** Where the data lives, for the start-up banner: a file, or a URL without its password. */
  readonly description: string;
  close(): Promise<void>;
}

/** Input the storage cannot use (a cursor from another sort, say): the routes answer 400 naming `field`. */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The database could not be reached or signed in to at start-up: one line naming where (never a password), printed alone. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

/**
 * The database was migrated by a newer server than this one: its tables may
 * mean something this code does not know, so start-up stops rather than guess.
 */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
}

/** Throws `NewerSchemaError` when `applied` holds a migration beyond the last one this server has. */
export function refuseNewerSchema(applied: Iterable<number>, known: ReadonlyArray<{ version: number }>, where: string): void {
  const newest = Math.max(0, ...applied);
  const ours = Math.max(0, ...known.map(({ version }) => version));
  if (newest > ours)
    throw new NewerSchemaError(
      `${where} is at schema version ${newest}, newer than this server's ${ours}: run the newer server, or restore a backup made for this one`,
    );
}
