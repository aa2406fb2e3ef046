import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type {
  AgentRecord,
  AgentStorage,
  Availability,
  InviteRecord,
  NewAgent,
  Role,
  SavedReply,
  SessionRecord,
  TeamChange,
} from '../storage/index.js';
import { time, toAgent, toInvite, toSavedReply } from '../storage/rows.js';
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
      `INSERT INTO agents (id, shop_id, email, name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, coalesce($6, 'agent'), $7)
       ON CONFLICT ((lower(email))) DO UPDATE SET shop_id = EXCLUDED.shop_id, name = EXCLUDED.name, password_hash = EXCLUDED.password_hash,
         role = coalesce($6, agents.role)
       RETURNING *`,
      [randomUUID(), agent.shopId, agent.email, agent.name, agent.passwordHash, agent.role ?? null, now()],
    );
    return toAgent(stored)!;
  }

  async setAvailability(agentId: string, availability: Availability): Promise<void> {
    await this.pool.query('UPDATE agents SET availability = $1 WHERE id = $2', [availability, agentId]);
  }

  async setRole(shopId: number, agentId: string, role: Role): Promise<TeamChange> {
    return this.#changeTeam(shopId, agentId, role === 'admin', (client) =>
      client.query('UPDATE agents SET role = $1 WHERE id = $2', [role, agentId]),
    );
  }

  async remove(shopId: number, agentId: string): Promise<TeamChange> {
    return this.#changeTeam(shopId, agentId, false, (client) => client.query('DELETE FROM agents WHERE id = $1', [agentId]));
  }

  /**
   * Applies `change` to the shop's agent unless it takes away the shop's last admin
   * (`staysAdmin` false for an admin). The shop's agents are locked meanwhile, so two
   * admins demoting each other at once cannot both succeed.
   */
  async #changeTeam(
    shopId: number,
    agentId: string,
    staysAdmin: boolean,
    change: (client: pg.PoolClient) => Promise<unknown>,
  ): Promise<TeamChange> {
    return transaction(this.pool, async (client): Promise<TeamChange> => {
      const team = await rows(client, 'SELECT id, role FROM agents WHERE shop_id = $1 ORDER BY id FOR UPDATE', [shopId]);
      const role = team.find((agent) => agent.id === agentId)?.role;
      if (!role) return 'not-found';
      if (role === 'admin' && !staysAdmin && team.filter((agent) => agent.role === 'admin').length <= 1) return 'last-admin';
      await change(client);
      return 'done';
    });
  }

  async invite(invite: Omit<InviteRecord, 'id' | 'createdAt'>): Promise<InviteRecord> {
    const stored = await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM invites WHERE shop_id = $1 AND lower(email) = lower($2)', [invite.shopId, invite.email]);
      return row(
        client,
        `INSERT INTO invites (id, shop_id, email, name, role, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [randomUUID(), invite.shopId, invite.email, invite.name, invite.role, invite.invitedBy ?? null, now(), invite.expiresAt],
      );
    });
    return toInvite(stored!);
  }

  async invites(shopId: number): Promise<InviteRecord[]> {
    return (await rows(this.pool, 'SELECT * FROM invites WHERE shop_id = $1 ORDER BY created_at DESC, id', [shopId])).map(toInvite);
  }

  async inviteById(id: string): Promise<InviteRecord | undefined> {
    const found = await row(this.pool, 'SELECT * FROM invites WHERE id = $1', [id]);
    return found ? toInvite(found) : undefined;
  }

  async revokeInvite(shopId: number, id: string): Promise<boolean> {
    return (await this.pool.query('DELETE FROM invites WHERE shop_id = $1 AND id = $2', [shopId, id])).rowCount === 1;
  }

  async acceptInvite(id: string, agent: { name: string; passwordHash: string }): Promise<AgentRecord | 'gone' | 'taken'> {
    return transaction(this.pool, async (client): Promise<AgentRecord | 'gone' | 'taken'> => {
      // Deleting first claims the invite: of two tabs submitting the same link, one gets the row.
      const invite = await row(client, 'DELETE FROM invites WHERE id = $1 AND expires_at > $2 RETURNING *', [id, now()]);
      if (!invite) return 'gone';
      const created = await row(
        client,
        `INSERT INTO agents (id, shop_id, email, name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING *`,
        [randomUUID(), invite.shop_id, invite.email, agent.name, agent.passwordHash, invite.role, now()],
      );
      if (!created) throw new EmailTaken();
      return toAgent(created)!;
    }).catch((error: unknown) => {
      // Rolled back, so the invite stays for the agent's own sign-in to be sorted out.
      if (error instanceof EmailTaken) return 'taken' as const;
      throw error;
    });
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

/** Thrown inside `acceptInvite`'s transaction to roll it back when the email is an agent's already. */
class EmailTaken extends Error {}
