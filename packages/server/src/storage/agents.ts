/** Inbox agents, their availability, and their sign-in sessions. */
export type Availability = 'auto' | 'available' | 'away';

export interface AgentRecord {
  id: string;
  shopId: number;
  email: string;
  name: string;
  passwordHash: string;
  availability: Availability;
}

export interface NewAgent {
  shopId: number;
  email: string;
  name: string;
  passwordHash: string;
}

export interface SessionRecord {
  agentId: string;
  csrfToken: string;
  expiresAt: string;
}

/** A reply the shop's people wrote once, for agents to insert (never sent by itself). */
export interface SavedReply {
  id: string;
  title: string;
  /** May hold placeholders (`{first_name}`, `{order_number}`…) the inbox fills in before the agent sends. */
  body: string;
  /** Who wrote or last changed it; absent once that agent is gone. */
  authorId?: string;
  updatedAt: string;
}

export interface AgentStorage {
  /** Emails match whatever their case. */
  byEmail(email: string): Promise<AgentRecord | undefined>;
  byId(id: string): Promise<AgentRecord | undefined>;
  /** The shop's agents, oldest first. */
  list(shopId: number): Promise<AgentRecord[]>;
  /** Creates the agent, or updates the one with this email (its availability is kept). */
  upsert(agent: NewAgent): Promise<AgentRecord>;
  setAvailability(agentId: string, availability: Availability): Promise<void>;
  /** Stores a session under the hash of its token; expired sessions are swept meanwhile. */
  createSession(tokenHash: string, session: SessionRecord): Promise<void>;
  /** The session, unless it expired. */
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** The shop's saved replies, by title. */
  savedReplies(shopId: number): Promise<SavedReply[]>;
  /** Creates a saved reply (no `id`) or changes the shop's one with that id; undefined for an id the shop has not. */
  saveReply(shopId: number, reply: { id?: string; title: string; body: string; authorId: string }): Promise<SavedReply | undefined>;
  /** Whether the shop had it. */
  deleteReply(shopId: number, id: string): Promise<boolean>;
}
