import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AgentRecord, AgentStorage, Availability, NewAgent, SavedReply, SessionRecord } from '../storage/index.js';
import { time, toAgent, toSavedReply } from '../storage/rows.js';
import { now, row, rows, transaction } from './database.js';

export class PostgresAgents implements AgentStorage {
  constructor(private readonly pool: pg.Pool) {}

  // lower(email) on both sides: the unique index agents_by_email is on it, so case never matters.
  async byEmail(email: string): Promise<AgentRecord | undefined> {
    return toAgent(await row(this.pool, 'SELECT * FROM agents WHERE lower(email) = lower($1)', [email]));
  }

  async byId(id: string): Promise<AgentRecord | undefined> {
    return toAgent(await row(this.pool, 'SELECT * FROM agents WHERE id = $1', [id]));
  }

  async list(shopId: number): Promise<AgentRecord[]> {
    const found = await rows(this.pool, 'SELECT * FROM agents WHERE shop_id = $1 ORDER BY created_at, pk', [shopId]);
    return found.map((agent) => toAgent(agent)!);
  }

  async upsert(agent: NewAgent): Promise<AgentRecord> {
    // One statement: two instances ensuring the same agent at start-up cannot both insert it.
    const stored = await row(
      this.pool,
      `INSERT INTO agents (id, shop_id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(email))) DO UPDATE SET shop_id = EXCLUDED.shop_id, name = EXCLUDED.name, password_hash = EXCLUDED.password_hash
       RETURNING *`,
      [randomUUID(), agent.shopId, agent.email, agent.name, agent.passwordHash, now()],
    );
    return toAgent(stored)!;
  }

  async setAvailability(agentId: string, availability: Availability): Promise<void> {
    await this.pool.query('UPDATE agents SET availability = $1 WHERE id = $2', [availability, agentId]);
  }

  async createSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM sessions WHERE expires_at <= $1', [now()]);
      await client.query('INSERT INTO sessions (token_hash, agent_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        tokenHash,
        session.agentId,
        session.csrfToken,
        now(),
        session.expiresAt,
      ]);
    });
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const found = await row(this.pool, 'SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now()]);
    return found ? { agentId: String(found.agent_id), csrfToken: String(found.csrf_token), expiresAt: time(found.expires_at) } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async savedReplies(shopId: number): Promise<SavedReply[]> {
    const found = await rows(this.pool, 'SELECT * FROM saved_replies WHERE shop_id = $1 ORDER BY title, id', [shopId]);
    return found.map(toSavedReply);
  }

  async saveReply(shopId: number, reply: { id?: string; title: string; body: string; authorId: string }): Promise<SavedReply | undefined> {
    const stored = reply.id
      ? await row(
          this.pool,
          'UPDATE saved_replies SET title = $1, body = $2, author_id = $3, updated_at = $4 WHERE shop_id = $5 AND id = $6 RETURNING *',
          [reply.title, reply.body, reply.authorId, now(), shopId, reply.id],
        )
      : await row(
          this.pool,
          'INSERT INTO saved_replies (id, shop_id, title, body, author_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
          [randomUUID(), shopId, reply.title, reply.body, reply.authorId, now()],
        );
    return stored ? toSavedReply(stored) : undefined;
  }

  async deleteReply(shopId: number, id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM saved_replies WHERE shop_id = $1 AND id = $2', [shopId, id]);
    return result.rowCount === 1;
  }
}
