/**
 * The Postgres steps of the agent's workspace (issue 19): the shopper's pages and
 * viewed products beside a conversation, assignment and snoozes, saved replies,
 * the shopper's rating of a resolved conversation, and a team (roles, invites).
 * Part of `migrations`, in order; a released step never changes.
 */
export const workspaceMigrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 8,
    name: "the shopper's pages and recently viewed products beside a conversation",
    sql: `
      ALTER TABLE conversations ADD COLUMN start_page text, ADD COLUMN current_page text, ADD COLUMN viewed_products jsonb;
      CREATE INDEX conversations_by_customer ON conversations (shop_id, customer_id) WHERE customer_id IS NOT NULL;
    `,
  },
  {
    version: 9,
    name: 'conversations snoozed and assigned',
    sql: `
      ALTER TABLE conversations ADD COLUMN snoozed_until timestamptz,
        ADD COLUMN assignee_id text REFERENCES agents(id) ON DELETE SET NULL;
      CREATE INDEX conversations_by_assignee ON conversations (shop_id, assignee_id, updated_at DESC);
    `,
  },
  {
    version: 10,
    name: "saved replies written by the shop's people",
    sql: `
      CREATE TABLE saved_replies (
        id text PRIMARY KEY,
        shop_id integer NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        author_id text REFERENCES agents(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX saved_replies_by_shop ON saved_replies (shop_id, title);
    `,
  },
  {
    version: 11,
    name: "the shopper's rating of a resolved conversation",
    sql: `
      ALTER TABLE conversations ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5),
        ADD COLUMN rating_comment text, ADD COLUMN rated_at timestamptz;
      CREATE INDEX conversations_rated ON conversations (shop_id, rated_at) WHERE rated_at IS NOT NULL;
    `,
  },
  {
    version: 12,
    name: 'a team: roles, invites and their emails',
    // The agents there were are the shop's admins (each shop had one).
    sql: `
      ALTER TABLE agents ADD COLUMN role text NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'agent'));
      CREATE TABLE invites (
        id text PRIMARY KEY,
        shop_id integer NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        invited_by text REFERENCES agents(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX invites_by_email ON invites (shop_id, lower(email));
      ALTER TABLE email_jobs DROP CONSTRAINT email_jobs_kind_check,
        ADD CONSTRAINT email_jobs_kind_check CHECK (kind IN ('review-request', 'away-reply', 'transcript', 'data-request', 'invite'));
    `,
  },
];
