import { randomUUID } from 'node:crypto';
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
import { toAgent, toInvite, toSavedReply } from '../storage/rows.js';
import { now, type Db, type Row } from './database.js';

export class SqliteAgents implements AgentStorage {
  constructor(private readonly db: Db) {}

  // The email column is COLLATE NOCASE: lookups and the unique key ignore case.
  async byEmail(email: string): Promise<AgentRecord | undefined> {
    return toAgent(this.db.prepare('SELECT * FROM agents WHERE email = ?').get(email) as Row | undefined);
  }

  async byId(id: string): Promise<AgentRecord | undefined> {
    return toAgent(this.db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined);
  }

  async list(shopId: number): Promise<AgentRecord[]> {
    const rows = this.db.prepare('SELECT * FROM agents WHERE shop_id = ? ORDER BY created_at, rowid').all(shopId) as Row[];
    return rows.map((row) => toAgent(row)!);
  }

  async upsert(agent: NewAgent): Promise<AgentRecord> {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM agents WHERE email = ?').pluck().get(agent.email) as string | undefined;
      const id = existing ?? randomUUID();
      if (existing) {
        this.db
          .prepare('UPDATE agents SET shop_id = ?, name = ?, password_hash = ?, role = coalesce(?, role) WHERE id = ?')
          .run(agent.shopId, agent.name, agent.passwordHash, agent.role ?? null, id);
      } else {
        this.db
          .prepare('INSERT INTO agents (id, shop_id, email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, agent.shopId, agent.email, agent.name, agent.passwordHash, agent.role ?? 'agent', now());
      }
      return toAgent(this.db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as Row)!;
    })();
  }

  async setAvailability(agentId: string, availability: Availability): Promise<void> {
    this.db.prepare('UPDATE agents SET availability = ? WHERE id = ?').run(availability, agentId);
  }

  async setRole(shopId: number, agentId: string, role: Role): Promise<TeamChange> {
    return this.#changeTeam(shopId, agentId, role === 'admin', () =>
      this.db.prepare('UPDATE agents SET role = ? WHERE id = ?').run(role, agentId),
    );
  }

  async remove(shopId: number, agentId: string): Promise<TeamChange> {
    return this.#changeTeam(shopId, agentId, false, () => this.db.prepare('DELETE FROM agents WHERE id = ?').run(agentId));
  }

  /** Applies `change` to the shop's agent unless it takes away the shop's last admin (`staysAdmin` false for an admin). */
  #changeTeam(shopId: number, agentId: string, staysAdmin: boolean, change: () => void): TeamChange {
    return this.db
      .transaction((): TeamChange => {
        const role = this.db.prepare('SELECT role FROM agents WHERE id = ? AND shop_id = ?').pluck().get(agentId, shopId) as
          Role | undefined;
        if (!role) return 'not-found';
        if (role === 'admin' && !staysAdmin) {
          const admins = this.db.prepare("SELECT count(*) FROM agents WHERE shop_id = ? AND role = 'admin'").pluck().get(shopId) as number;
          if (admins <= 1) return 'last-admin';
        }
        change();
        return 'done';
      })
      .immediate();
  }

  async invite(invite: Omit<InviteRecord, 'id' | 'createdAt'>): Promise<InviteRecord> {
    const id = randomUUID();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM invites WHERE shop_id = ? AND email = ?').run(invite.shopId, invite.email);
      this.db
        .prepare('INSERT INTO invites (id, shop_id, email, name, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, invite.shopId, invite.email, invite.name, invite.role, invite.invitedBy ?? null, now(), invite.expiresAt);
    })();
    return (await this.inviteById(id))!;
  }

  async invites(shopId: number): Promise<InviteRecord[]> {
    const rows = this.db.prepare('SELECT * FROM invites WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC').all(shopId) as Row[];
    return rows.map(toInvite);
  }

  async inviteById(id: string): Promise<InviteRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM invites WHERE id = ?').get(id) as Row | undefined;
    return row ? toInvite(row) : undefined;
  }

  async revokeInvite(shopId: number, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM invites WHERE shop_id = ? AND id = ?').run(shopId, id).changes === 1;
  }

  async acceptInvite(id: string, agent: { name: string; passwordHash: string }): Promise<AgentRecord | 'gone' | 'taken'> {
    return this.db
      .transaction((): AgentRecord | 'gone' | 'taken' => {
        const invite = this.db.prepare('SELECT * FROM invites WHERE id = ? AND expires_at > ?').get(id, now()) as Row | undefined;
        if (!invite) return 'gone';
        if (this.db.prepare('SELECT 1 FROM agents WHERE email = ?').get(invite.email)) return 'taken';
        const agentId = randomUUID();
        this.db
          .prepare('INSERT INTO agents (id, shop_id, email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(agentId, invite.shop_id, invite.email, agent.name, agent.passwordHash, invite.role, now());
        this.db.prepare('DELETE FROM invites WHERE id = ?').run(id);
        return toAgent(this.db.prepare('SELECT * FROM agents WHERE id = ?').get(agentId) as Row)!;
      })
      .immediate();
  }

  async createSession(tokenHash: string, session: SessionRecord): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now());
      this.db
        .prepare('INSERT INTO sessions (token_hash, agent_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(tokenHash, session.agentId, session.csrfToken, now(), session.expiresAt);
    })();
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?').get(tokenHash, now()) as Row | undefined;
    return row ? { agentId: String(row.agent_id), csrfToken: String(row.csrf_token), expiresAt: String(row.expires_at) } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async savedReplies(shopId: number): Promise<SavedReply[]> {
    const rows = this.db.prepare('SELECT * FROM saved_replies WHERE shop_id = ? ORDER BY title, id').all(shopId) as Row[];
    return rows.map(toSavedReply);
  }

  async saveReply(shopId: number, reply: { id?: string; title: string; body: string; authorId: string }): Promise<SavedReply | undefined> {
    const id = reply.id ?? randomUUID();
    const changed = reply.id
      ? this.db
          .prepare('UPDATE saved_replies SET title = ?, body = ?, author_id = ?, updated_at = ? WHERE shop_id = ? AND id = ?')
          .run(reply.title, reply.body, reply.authorId, now(), shopId, id)
      : this.db
          .prepare('INSERT INTO saved_replies (id, shop_id, title, body, author_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, shopId, reply.title, reply.body, reply.authorId, now());
    if (changed.changes === 0) return undefined;
    return toSavedReply(this.db.prepare('SELECT * FROM saved_replies WHERE id = ?').get(id) as Row);
  }

  async deleteReply(shopId: number, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM saved_replies WHERE shop_id = ? AND id = ?').run(shopId, id).changes === 1;
  }
}
