import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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
import { toConversation, toEmail, toMessage, type Row } from '../storage/rows.js';
import { now, row, rows, snapshot, transaction, type Queryable } from './database.js';

/**
 * The subject's conversations (started by their customer id or visitor email, or where they left
 * that email), oldest first, and the emails left by that address or in them; locked when `lock`.
 */
async function subjectRows(db: Queryable, shopId: number, subject: DataSubject, lock: boolean) {
  const [customerId, email] = subjectKeys(subject);
  const conversations = await rows(
    db,
    `SELECT * FROM conversations WHERE shop_id = $1 AND (customer_id = $2 OR lower(visitor_email) = $3
       OR id IN (SELECT conversation_id FROM emails WHERE shop_id = $1 AND lower(email) = $3))
     ORDER BY created_at, id${lock ? ' FOR UPDATE' : ''}`,
    [shopId, customerId, email],
  );
  const ids = conversations.map((conversation) => String(conversation.id));
  const emails = await rows(
    db,
    'SELECT * FROM emails WHERE shop_id = $1 AND (lower(email) = $2 OR conversation_id = ANY($3::text[])) ORDER BY created_at, pk',
    [shopId, email, ids],
  );
  return { conversations, ids, emails };
}

/** The columns of `messages`, selected as `m_<column>` next to a conversation's in `conversations()`. */
const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'client_id',
  'seq',
  'author',
  'author_name',
  'avatar_url',
  'body',
  'attachment',
  'created_at',
];

export class PostgresChat implements ChatStorage {
  constructor(private readonly pool: pg.Pool) {}

  async createConversation(shopId: number, visitor: NewVisitor): Promise<ConversationRecord> {
    const createdAt = now();
    const created = await row(
      this.pool,
      `INSERT INTO conversations (id, shop_id, visitor_id, visitor_name, visitor_email, customer_id, start_page, viewed_products,
         status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9) RETURNING *`,
      [
        randomUUID(),
        shopId,
        visitor.visitorId ?? null,
        visitor.name ?? null,
        visitor.email ?? null,
        visitor.customerId ?? null,
        visitor.page ?? null,
        visitor.viewed ? JSON.stringify(visitor.viewed) : null,
        createdAt,
      ],
    );
    return toConversation(created!);
  }

  async conversation(shopId: number, conversationId: string): Promise<ConversationRecord | undefined> {
    const found = await row(this.pool, 'SELECT * FROM conversations WHERE shop_id = $1 AND id = $2', [shopId, conversationId]);
    return found ? toConversation(found) : undefined;
  }

  async appendMessage(conversationId: string, message: NewMessage): Promise<AppendResult> {
    return transaction(this.pool, async (client): Promise<AppendResult> => {
      // The conversation's row lock orders every send to it: the next number is read and
      // taken before any other send can read it, so numbers are distinct and gapless.
      const locked = await row(client, 'SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [conversationId]);
      if (!locked) throw new InvalidInputError('conversationId', 'No such conversation.');
      const createdAt = now();
      // A resend (same client id) hits the unique key and stores nothing; it gets the first one back.
      const inserted = await row(
        client,
        `INSERT INTO messages (id, conversation_id, client_id, seq, author, author_name, avatar_url, body, attachment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (conversation_id, client_id) DO NOTHING RETURNING *`,
        [
          randomUUID(),
          conversationId,
          message.clientId,
          Number(locked.last_seq) + 1,
          message.author,
          message.authorName ?? null,
          message.avatarUrl ?? null,
          message.body,
          message.attachment ? JSON.stringify(message.attachment) : null,
          createdAt,
        ],
      );
      if (!inserted) {
        const stored = await row(client, 'SELECT * FROM messages WHERE conversation_id = $1 AND client_id = $2', [
          conversationId,
          message.clientId,
        ]);
        return { message: toMessage(stored!), created: false, conversation: toConversation(locked) };
      }
      const conversation = await row(
        client,
        `UPDATE conversations SET last_seq = last_seq + 1, updated_at = $1, status = 'open', current_page = COALESCE($3, current_page),
           snoozed_until = CASE WHEN $4 = 'visitor' THEN NULL ELSE snoozed_until END
         WHERE id = $2 RETURNING *`,
        [createdAt, conversationId, message.page ?? null, message.author],
      );
      return { message: toMessage(inserted), created: true, conversation: toConversation(conversation!) };
    });
  }

  async messagesAfter(conversationId: string, after: number, limit: number): Promise<ChatMessage[]> {
    const found = await rows(this.pool, 'SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
      conversationId,
      after,
      limit,
    ]);
    return found.map(toMessage);
  }

  async conversations(shopId: number, filter: ConversationFilter, limit: number): Promise<ConversationSummary[]> {
    const where = filterClause(filter, (index) => `$${index}`, 2);
    // Each conversation with its last message, in one statement (one snapshot, no query per row).
    const found = await rows(
      this.pool,
      `SELECT c.*, ${MESSAGE_COLUMNS.map((column) => `m.${column} AS m_${column}`).join(', ')}
       FROM (SELECT * FROM conversations WHERE shop_id = $1 AND last_seq > 0 AND ${where.sql}) c
       LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq
       ORDER BY c.updated_at DESC LIMIT $${where.params.length + 2}`,
      [shopId, ...where.params, limit],
    );
    return found.map((joined) => {
      const conversation = toConversation(joined);
      if (joined.m_id === null) return conversation;
      const last: Row = Object.fromEntries(MESSAGE_COLUMNS.map((column) => [column, joined[`m_${column}`]]));
      return { ...conversation, lastMessage: toMessage(last) };
    });
  }

  async conversationsOf(shopId: number, subject: DataSubject, limit: number): Promise<ConversationRecord[]> {
    const [customerId, email] = subjectKeys(subject);
    const found = await rows(
      this.pool,
      `SELECT * FROM conversations WHERE shop_id = $1 AND (customer_id = $2 OR lower(visitor_email) = $3)
       ORDER BY updated_at DESC, id LIMIT $4`,
      [shopId, customerId, email, limit],
    );
    return found.map(toConversation);
  }

  async setStatus(
    shopId: number,
    conversationId: string,
    status: Conversation['status'],
    snoozedUntil?: string,
  ): Promise<ConversationRecord | undefined> {
    const updated = await row(
      this.pool,
      'UPDATE conversations SET status = $1, snoozed_until = $2, updated_at = $3 WHERE shop_id = $4 AND id = $5 RETURNING *',
      [status, snoozedUntil ?? null, now(), shopId, conversationId],
    );
    return updated ? toConversation(updated) : undefined;
  }

  async assign(shopId: number, conversationId: string, agentId: string | null): Promise<ConversationRecord | undefined> {
    const updated = await row(this.pool, 'UPDATE conversations SET assignee_id = $1 WHERE shop_id = $2 AND id = $3 RETURNING *', [
      agentId,
      shopId,
      conversationId,
    ]);
    return updated ? toConversation(updated) : undefined;
  }

  async rate(shopId: number, conversationId: string, rating: number, comment?: string): Promise<ConversationRecord | undefined> {
    await this.pool.query(
      'UPDATE conversations SET rating = $1, rating_comment = $2, rated_at = now() WHERE shop_id = $3 AND id = $4 AND rating IS NULL',
      [rating, comment ?? null, shopId, conversationId],
    );
    return this.conversation(shopId, conversationId);
  }

  async report(shopId: number, from: string, to: string): Promise<ReportRows> {
    const responses = await this.pool.query<{ seconds: string | null }>(
      `SELECT EXTRACT(EPOCH FROM first_agent - first_visitor) AS seconds FROM (
         SELECT MIN(m.created_at) FILTER (WHERE m.author = 'visitor') AS first_visitor,
                MIN(m.created_at) FILTER (WHERE m.author = 'agent') AS first_agent
         FROM conversations c JOIN messages m ON m.conversation_id = c.id
         WHERE c.shop_id = $1 AND c.created_at >= $2 AND c.created_at < $3
         GROUP BY c.id
       ) firsts WHERE first_visitor IS NOT NULL`,
      [shopId, from, to],
    );
    const ratings = await this.pool.query<{ rating: number }>(
      'SELECT rating FROM conversations WHERE shop_id = $1 AND rated_at >= $2 AND rated_at < $3',
      [shopId, from, to],
    );
    return {
      firstResponseSeconds: responses.rows.map((row) => (row.seconds === null ? null : Number(row.seconds))),
      ratings: ratings.rows.map((row) => Number(row.rating)),
    };
  }

  async markRead(shopId: number, conversationId: string, seq: number): Promise<void> {
    // One UPDATE: the row's own last_seq bounds the mark, whatever sends commit meanwhile.
    await this.pool.query(
      'UPDATE conversations SET agent_read_seq = GREATEST(agent_read_seq, LEAST($1, last_seq)) WHERE shop_id = $2 AND id = $3',
      [seq, shopId, conversationId],
    );
  }

  async leaveEmail(shopId: number, email: NewLeftEmail): Promise<LeftEmail> {
    const stored = await row(
      this.pool,
      `INSERT INTO emails (id, shop_id, conversation_id, visitor_id, email, message, locale, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        randomUUID(),
        shopId,
        email.conversationId ?? null,
        email.visitorId ?? null,
        email.email,
        email.message ?? null,
        email.locale ?? null,
        now(),
      ],
    );
    return toEmail(stored!);
  }

  async emails(shopId: number, limit: number): Promise<LeftEmail[]> {
    const found = await rows(this.pool, 'SELECT * FROM emails WHERE shop_id = $1 ORDER BY created_at DESC, pk DESC LIMIT $2', [
      shopId,
      limit,
    ]);
    return found.map(toEmail);
  }

  async leftEmailFor(shopId: number, conversationId: string): Promise<LeftEmail | undefined> {
    const found = await row(
      this.pool,
      'SELECT * FROM emails WHERE shop_id = $1 AND conversation_id = $2 ORDER BY created_at DESC, pk DESC LIMIT 1',
      [shopId, conversationId],
    );
    return found ? toEmail(found) : undefined;
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<{ conversations: ConversationExport[]; leftEmails: LeftEmail[] }> {
    return snapshot(this.pool, async (client) => {
      const { conversations, ids, emails } = await subjectRows(client, shopId, subject, false);
      const messages = await rows(client, 'SELECT * FROM messages WHERE conversation_id = ANY($1::text[]) ORDER BY conversation_id, seq', [
        ids,
      ]);
      return {
        conversations: conversations.map((conversation) => ({
          ...toConversation(conversation),
          messages: messages.filter((message) => message.conversation_id === conversation.id).map(toMessage),
        })),
        leftEmails: emails.map(toEmail),
      };
    });
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<ChatErasure> {
    return transaction(this.pool, async (client) => {
      // The conversations' locks first: a message being sent to one waits, then finds it gone.
      const { conversations, ids, emails } = await subjectRows(client, shopId, subject, true);
      const attachments = await rows(
        client,
        "SELECT attachment->>'url' AS url FROM messages WHERE conversation_id = ANY($1::text[]) AND attachment IS NOT NULL",
        [ids],
      );
      await client.query('DELETE FROM emails WHERE shop_id = $1 AND id = ANY($2::text[])', [shopId, emails.map((email) => email.id)]);
      // Messages follow their conversation (ON DELETE CASCADE); counted as they go.
      const messages = await client.query('DELETE FROM messages WHERE conversation_id = ANY($1::text[])', [ids]);
      await client.query('DELETE FROM conversations WHERE shop_id = $1 AND id = ANY($2::text[])', [shopId, ids]);
      return {
        conversations: conversations.length,
        messages: messages.rowCount ?? 0,
        leftEmails: emails.length,
        attachments: attachments.map((attachment) => String(attachment.url)),
      };
    });
  }
}
