/**
 * The SQLite schema, one numbered step at a time. A step never changes once
 * released: a change to the schema is a new step. `database.ts` runs the steps
 * a database has not seen yet, each in its own transaction, when it opens.
 */
import { workspaceMigrations } from './workspace-migrations.js';

export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE shops (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        secret TEXT NOT NULL,
        name TEXT NOT NULL,
        settings TEXT NOT NULL,
        faq_version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );

      CREATE TABLE products (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        handle TEXT NOT NULL,
        data TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (shop_id, id),
        UNIQUE (shop_id, handle)
      );

      CREATE TABLE reviews (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        product_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        author_name TEXT NOT NULL,
        email TEXT,
        customer_id TEXT,
        visitor_id TEXT,
        verified_buyer INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        created_at TEXT NOT NULL,
        helpful_count INTEGER NOT NULL DEFAULT 0,
        has_media INTEGER NOT NULL DEFAULT 0,
        photos TEXT NOT NULL DEFAULT '[]',
        reply_body TEXT,
        reply_author TEXT,
        reply_at TEXT
      );
      CREATE INDEX reviews_by_product ON reviews (shop_id, product_id, status, created_at DESC, pk DESC);
      CREATE INDEX reviews_by_status ON reviews (shop_id, status, created_at DESC);

      CREATE TABLE review_votes (
        review_pk INTEGER NOT NULL REFERENCES reviews(pk) ON DELETE CASCADE,
        visitor_id TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (review_pk, visitor_id)
      );

      CREATE TABLE tiers (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (shop_id, id)
      );
      CREATE TABLE ways_to_earn (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (shop_id, id)
      );
      CREATE TABLE rewards (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        cost INTEGER NOT NULL CHECK (cost > 0),
        data TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (shop_id, id)
      );

      CREATE TABLE members (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL,
        first_name TEXT,
        points INTEGER NOT NULL CHECK (points >= 0),
        lifetime_points INTEGER NOT NULL CHECK (lifetime_points >= 0),
        referral_code TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, customer_id)
      );
      CREATE TABLE loyalty_activity (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        points INTEGER NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX loyalty_activity_by_member ON loyalty_activity (shop_id, customer_id, pk DESC);
      CREATE TABLE redemptions (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        customer_id TEXT NOT NULL,
        reward_id TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        cost INTEGER NOT NULL,
        points_after INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        used_at TEXT
      );

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        visitor_id TEXT,
        visitor_name TEXT,
        visitor_email TEXT,
        customer_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        last_seq INTEGER NOT NULL DEFAULT 0,
        agent_read_seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_by_shop ON conversations (shop_id, status, updated_at DESC);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        client_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('visitor', 'agent', 'system')),
        author_name TEXT,
        avatar_url TEXT,
        body TEXT NOT NULL,
        attachment TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (conversation_id, client_id),
        UNIQUE (conversation_id, seq)
      );

      CREATE TABLE emails (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        conversation_id TEXT,
        visitor_id TEXT,
        email TEXT NOT NULL,
        message TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX emails_by_shop ON emails (shop_id, created_at DESC);

      CREATE TABLE faq_entries (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (shop_id, id)
      );

      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        availability TEXT NOT NULL DEFAULT 'auto' CHECK (availability IN ('auto', 'available', 'away')),
        created_at TEXT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'shared rate limits',
    sql: `
      CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        -- Milliseconds since the epoch: compared with the clock of the process, no parsing.
        reset_at INTEGER NOT NULL
      );
      CREATE INDEX rate_limits_by_reset ON rate_limits (reset_at);
    `,
  },
  {
    version: 3,
    name: 'orders, and points settled per order',
    sql: `
      CREATE TABLE orders (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        customer_id TEXT,
        email TEXT,
        status TEXT NOT NULL CHECK (status IN ('paid', 'fulfilled', 'refunded', 'cancelled')),
        currency TEXT NOT NULL,
        total INTEGER NOT NULL,
        refunded INTEGER NOT NULL,
        lines TEXT NOT NULL,
        referral_code TEXT,
        locale TEXT,
        placed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, id)
      );
      CREATE INDEX orders_by_customer ON orders (shop_id, customer_id);
      CREATE INDEX orders_by_email ON orders (shop_id, email);

      CREATE TABLE webhook_deliveries (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, id)
      );

      CREATE TABLE points_ledger (
        shop_id INTEGER NOT NULL,
        customer_id TEXT NOT NULL,
        key TEXT NOT NULL,
        net INTEGER NOT NULL,
        shortfall INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, customer_id, key),
        FOREIGN KEY (shop_id, customer_id) REFERENCES members(shop_id, customer_id) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 4,
    name: 'order refunds',
    sql: `
      CREATE TABLE order_refunds (
        shop_id INTEGER NOT NULL,
        order_id TEXT NOT NULL,
        id TEXT NOT NULL,
        amount INTEGER NOT NULL,
        refunded_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, order_id, id),
        FOREIGN KEY (shop_id, order_id) REFERENCES orders(shop_id, id) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 5,
    name: 'earning rules: birthdays',
    sql: `
      ALTER TABLE members ADD COLUMN birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12);
      ALTER TABLE members ADD COLUMN birth_day INTEGER CHECK (birth_day BETWEEN 1 AND 31);
      CREATE INDEX members_by_birthday ON members (shop_id, birth_month, birth_day) WHERE birth_month IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'email jobs and unsubscribed addresses',
    sql: `
      ALTER TABLE emails ADD COLUMN locale TEXT;
      CREATE TABLE email_jobs (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('review-request', 'away-reply', 'transcript')),
        recipient TEXT NOT NULL,
        sender TEXT NOT NULL,
        subject TEXT NOT NULL,
        text_body TEXT NOT NULL,
        html_body TEXT NOT NULL,
        headers TEXT NOT NULL,
        message_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        last_error TEXT,
        sent_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (shop_id, key)
      );
      CREATE INDEX email_jobs_due ON email_jobs (status, next_attempt_at);
      CREATE INDEX email_jobs_by_shop ON email_jobs (shop_id, created_at DESC);
      CREATE INDEX email_jobs_by_recipient ON email_jobs (shop_id, recipient);

      CREATE TABLE email_unsubscribes (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (shop_id, email)
      );
    `,
  },
  {
    version: 7,
    name: 'shopify installations',
    sql: `
      CREATE TABLE shopify_installations (
        shop_id INTEGER PRIMARY KEY REFERENCES shops(id) ON DELETE CASCADE,
        domain TEXT NOT NULL UNIQUE,
        access_token TEXT NOT NULL,
        scopes TEXT NOT NULL,
        installed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'data request notices',
    // SQLite cannot change a CHECK: the table is made again with the new one, its rows copied.
    sql: `
      CREATE TABLE email_jobs_v8 (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('review-request', 'away-reply', 'transcript', 'data-request')),
        recipient TEXT NOT NULL,
        sender TEXT NOT NULL,
        subject TEXT NOT NULL,
        text_body TEXT NOT NULL,
        html_body TEXT NOT NULL,
        headers TEXT NOT NULL,
        message_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        last_error TEXT,
        sent_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (shop_id, key)
      );
      INSERT INTO email_jobs_v8 SELECT * FROM email_jobs;
      DROP TABLE email_jobs;
      ALTER TABLE email_jobs_v8 RENAME TO email_jobs;
      CREATE INDEX email_jobs_due ON email_jobs (status, next_attempt_at);
      CREATE INDEX email_jobs_by_shop ON email_jobs (shop_id, created_at DESC);
      CREATE INDEX email_jobs_by_recipient ON email_jobs (shop_id, recipient);
    `,
  },
  ...workspaceMigrations,
];
