import { randomUUID } from 'node:crypto';
import type { ChatMessage, Conversation } from '@shopfront/core/schemas.js';
import {
  InvalidInputError,
  filterClause,
  subjectKeys,
  type AppendResult,
  type ChatErasure,
  type ChatStorage,
  type ConversationExport,
  type ConversationFilter,
  type ConversationRecord,
  type ConversationSummary,
  type DataSubject,
  type LeftEmail,
  type ReportRows,
  type NewLeftEmail,
  type NewMessage,
  type NewVisitor,
} from '../storage/index.js';
import { toConversation, toEmail, toMessage } from '../storage/rows.js';
import { now, type Db, type Row } from './database.js';

export class SqliteChat implements ChatStorage {
  constructor(private readonly db: Db) {}

  async createConversation(shopId: number, visitor: NewVisitor): Promise<ConversationRecord> {
    const id = randomUUID();
    const createdAt = now();
    this.db
      .prepare(
        `INSERT INTO conversations (id, shop_id, visitor_id, visitor_name, visitor_email, customer_id, start_page, viewed_products,
           status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(
        id,
        shopId,
        visitor.visitorId ?? null,
        visitor.name ?? null,
        visitor.email ?? null,
        visitor.customerId ?? null,
        visitor.page ?? null,
        visitor.viewed ? JSON.stringify(visitor.viewed) : null,
        createdAt,
        createdAt,
      );
    return (await this.conversation(shopId, id))!;
  }

  async conversation(shopId: number, conversationId: string): Promise<ConversationRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM conversations WHERE shop_id = ? AND id = ?').get(shopId, conversationId) as Row | undefined;
    return row ? toConversation(row) : undefined;
  }

  async appendMessage(conversationId: string, message: NewMessage): Promise<AppendResult> {
    return this.db
      .transaction((): AppendResult => {
        const createdAt = now();
        // The next sequence number comes from the conversation row inside this (immediate, so
        // exclusive) transaction; a resend with the same client id hits the unique key and changes nothing.
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
        const created = inserted.changes === 1;
        if (created) {
          this.db
            .prepare(
              `UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?, status = 'open', current_page = COALESCE(?, current_page),
                 snoozed_until = CASE WHEN ? = 'visitor' THEN NULL ELSE snoozed_until END
               WHERE id = ?`,
            )
            .run(createdAt, message.page ?? null, message.author, conversationId);
        }
        const row = this.db
          .prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?')
          .get(conversationId, message.clientId) as Row | undefined;
        if (!row) throw new InvalidInputError('conversationId', 'No such conversation.');
        const conversation = toConversation(this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(conversationId) as Row);
        return { message: toMessage(row), created, conversation };
      })
      .immediate();
  }

  async messagesAfter(conversationId: string, after: number, limit: number): Promise<ChatMessage[]> {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(conversationId, after, limit) as Row[];
    return rows.map(toMessage);
  }

  async conversations(shopId: number, filter: ConversationFilter, limit: number): Promise<ConversationSummary[]> {
    const where = filterClause(filter, () => '?');
    const rows = this.db
      .prepare(`SELECT * FROM conversations WHERE shop_id = ? AND last_seq > 0 AND ${where.sql} ORDER BY updated_at DESC LIMIT ?`)
      .all(shopId, ...where.params, limit) as Row[];
    const last = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq = ?');
    return rows.map((row) => {
      const conversation = toConversation(row);
      const message = last.get(conversation.id, conversation.lastSeq) as Row | undefined;
      return { ...conversation, ...(message ? { lastMessage: toMessage(message) } : {}) };
    });
  }

  async conversationsOf(shopId: number, subject: DataSubject, limit: number): Promise<ConversationRecord[]> {
    const [customerId, email] = subjectKeys(subject);
    const rows = this.db
      .prepare(
        `SELECT * FROM conversations WHERE shop_id = ? AND (customer_id = ? OR lower(visitor_email) = ?)
         ORDER BY updated_at DESC, id LIMIT ?`,
      )
      .all(shopId, customerId, email, limit) as Row[];
    return rows.map(toConversation);
  }

  async setStatus(
    shopId: number,
    conversationId: string,
    status: Conversation['status'],
    snoozedUntil?: string,
  ): Promise<ConversationRecord | undefined> {
    this.db
      .prepare('UPDATE conversations SET status = ?, snoozed_until = ?, updated_at = ? WHERE shop_id = ? AND id = ?')
      .run(status, snoozedUntil ?? null, now(), shopId, conversationId);
    return this.conversation(shopId, conversationId);
  }

  async assign(shopId: number, conversationId: string, agentId: string | null): Promise<ConversationRecord | undefined> {
    this.db.prepare('UPDATE conversations SET assignee_id = ? WHERE shop_id = ? AND id = ?').run(agentId, shopId, conversationId);
    return this.conversation(shopId, conversationId);
  }

  async markRead(shopId: number, conversationId: string, seq: number): Promise<void> {
    this.db
      .prepare('UPDATE conversations SET agent_read_seq = MAX(agent_read_seq, MIN(?, last_seq)) WHERE shop_id = ? AND id = ?')
      .run(seq, shopId, conversationId);
  }

  async rate(shopId: number, conversationId: string, rating: number, comment?: string): Promise<ConversationRecord | undefined> {
    this.db
      .prepare('UPDATE conversations SET rating = ?, rating_comment = ?, rated_at = ? WHERE shop_id = ? AND id = ? AND rating IS NULL')
      .run(rating, comment ?? null, now(), shopId, conversationId);
    return this.conversation(shopId, conversationId);
  }

  async report(shopId: number, from: string, to: string): Promise<ReportRows> {
    const responses = this.db
      .prepare(
        `SELECT (julianday(first_agent) - julianday(first_visitor)) * 86400 AS seconds FROM (
           SELECT MIN(CASE WHEN m.author = 'visitor' THEN m.created_at END) AS first_visitor,
                  MIN(CASE WHEN m.author = 'agent' THEN m.created_at END) AS first_agent
           FROM conversations c JOIN messages m ON m.conversation_id = c.id
           WHERE c.shop_id = ? AND c.created_at >= ? AND c.created_at < ?
           GROUP BY c.id
         ) WHERE first_visitor IS NOT NULL`,
      )
      .all(shopId, from, to) as Array<{ seconds: number | null }>;
    const ratings = this.db
      .prepare('SELECT rating FROM conversations WHERE shop_id = ? AND rated_at >= ? AND rated_at < ?')
      .all(shopId, from, to) as Array<{ rating: number }>;
    return { firstResponseSeconds: responses.map((row) => row.seconds), ratings: ratings.map((row) => row.rating) };
  }

  async leaveEmail(shopId: number, email: NewLeftEmail): Promise<LeftEmail> {
    const id = randomUUID();
    this.db
      .prepare(
        'INSERT INTO emails (id, shop_id, conversation_id, visitor_id, email, message, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        shopId,
        email.conversationId ?? null,
        email.visitorId ?? null,
        email.email,
        email.message ?? null,
        email.locale ?? null,
        now(),
      );
    return toEmail(this.db.prepare('SELECT * FROM emails WHERE id = ?').get(id) as Row);
  }

  async emails(shopId: number, limit: number): Promise<LeftEmail[]> {
    const rows = this.db
      .prepare('SELECT * FROM emails WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(shopId, limit) as Row[];
    return rows.map(toEmail);
  }

  async leftEmailFor(shopId: number, conversationId: string): Promise<LeftEmail | undefined> {
    const row = this.db
      .prepare('SELECT * FROM emails WHERE shop_id = ? AND conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(shopId, conversationId) as Row | undefined;
    return row ? toEmail(row) : undefined;
  }

  /** The subject's conversations (oldest first) and left emails; part of the caller's transaction. */
  private subjectRows(shopId: number, subject: DataSubject): { conversations: Row[]; emails: Row[] } {
    const [customerId, email] = subjectKeys(subject);
    const conversations = this.db
      .prepare(
        `SELECT * FROM conversations WHERE shop_id = ? AND (customer_id = ? OR lower(visitor_email) = ?
           OR id IN (SELECT conversation_id FROM emails WHERE shop_id = ? AND lower(email) = ?))
         ORDER BY created_at, id`,
      )
      .all(shopId, customerId, email, shopId, email) as Row[];
    // The ids travel as one JSON parameter: the statement stays the same whatever their number.
    const ids = JSON.stringify(conversations.map((row) => row.id));
    const emails = this.db
      .prepare(
        `SELECT * FROM emails WHERE shop_id = ? AND (lower(email) = ? OR conversation_id IN (SELECT value FROM json_each(?)))
         ORDER BY created_at, rowid`,
      )
      .all(shopId, email, ids) as Row[];
    return { conversations, emails };
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<{ conversations: ConversationExport[]; leftEmails: LeftEmail[] }> {
    return this.db.transaction(() => {
      const { conversations, emails } = this.subjectRows(shopId, subject);
      const messages = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq');
      return {
        conversations: conversations.map((row) => ({ ...toConversation(row), messages: (messages.all(row.id) as Row[]).map(toMessage) })),
        leftEmails: emails.map(toEmail),
      };
    })();
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<ChatErasure> {
    return this.db
      .transaction((): ChatErasure => {
        const { conversations, emails } = this.subjectRows(shopId, subject);
        const ids = JSON.stringify(conversations.map((row) => row.id));
        const inThem = 'conversation_id IN (SELECT value FROM json_each(?))';
        const attachments = (
          this.db.prepare(`SELECT attachment FROM messages WHERE ${inThem} AND attachment IS NOT NULL`).pluck().all(ids) as string[]
        ).map((attachment) => (JSON.parse(attachment) as { url: string }).url);
        const messages = this.db.prepare(`SELECT COUNT(*) FROM messages WHERE ${inThem}`).pluck().get(ids) as number;
        const remove = this.db.prepare('DELETE FROM emails WHERE id = ?');
        for (const row of emails) remove.run(row.id);
        // Messages follow their conversation (ON DELETE CASCADE).
        this.db.prepare('DELETE FROM conversations WHERE id IN (SELECT value FROM json_each(?))').run(ids);
        return { conversations: conversations.length, messages, leftEmails: emails.length, attachments };
      })
      .immediate();
  }
}
