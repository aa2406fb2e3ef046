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
}
