/**
 * The SQLite steps of the agent's workspace (issue 19): the shopper's pages and
 * viewed products beside a conversation, assignment and snoozes, saved replies,
 * and the shopper's rating of a resolved conversation. Part of `migrations`, in
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
];
