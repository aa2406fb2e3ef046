/**
 * The SQLite steps of the agent's workspace (issue 19): the shopper's pages and
 * viewed products beside a conversation, assignment and snoozes, saved replies,
 * the shopper's rating of a resolved conversation, and a team (roles, invites).
 * Part of `migrations`, in
 * order; a released step never changes.
 */
export const workspaceMigrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 9,
    name: "the shopper's pages and recently viewed products beside a conversation",
    sql: `
      ALTER TABLE conversations ADD COLUMN start_page TEXT;
      ALTER TABLE conversations ADD COLUMN current_page TEXT;
      ALTER TABLE conversations ADD COLUMN viewed_products TEXT;
      CREATE INDEX conversations_by_customer ON conversations (shop_id, customer_id) WHERE customer_id IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: 'conversations snoozed and assigned',
    sql: `
      ALTER TABLE conversations ADD COLUMN snoozed_until TEXT;
      ALTER TABLE conversations ADD COLUMN assignee_id TEXT REFERENCES agents(id) ON DELETE SET NULL;
      CREATE INDEX conversations_by_assignee ON conversations (shop_id, assignee_id, updated_at DESC);
    `,
  },
  {
    version: 11,
    name: "saved replies written by the shop's people",
    sql: `
      CREATE TABLE saved_replies (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        author_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX saved_replies_by_shop ON saved_replies (shop_id, title);
    `,
  },
  {
    version: 12,
    name: "the shopper's rating of a resolved conversation",
    sql: `
      ALTER TABLE conversations ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
      ALTER TABLE conversations ADD COLUMN rating_comment TEXT;
      ALTER TABLE conversations ADD COLUMN rated_at TEXT;
      CREATE INDEX conversations_rated ON conversations (shop_id, rated_at) WHERE rated_at IS NOT NULL;
    `,
  },
  {
    version: 13,
    name: 'a team: roles, invites and their emails',
    // The agents there were are the shop's admins (each shop had one). SQLite cannot
    // change a CHECK: the email table is made again with the new kind, its rows copied.
    sql: `
      ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'agent'));
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        email TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
        invited_by TEXT REFERENCES agents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        UNIQUE (shop_id, email)
      );
      CREATE TABLE email_jobs_v13 (
        id TEXT PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('review-request', 'away-reply', 'transcript', 'data-request', 'invite')),
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
      INSERT INTO email_jobs_v13 SELECT * FROM email_jobs;
      DROP TABLE email_jobs;
      ALTER TABLE email_jobs_v13 RENAME TO email_jobs;
      CREATE INDEX email_jobs_due ON email_jobs (status, next_attempt_at);
      CREATE INDEX email_jobs_by_shop ON email_jobs (shop_id, created_at DESC);
      CREATE INDEX email_jobs_by_recipient ON email_jobs (shop_id, recipient);
    `,
  },
];
