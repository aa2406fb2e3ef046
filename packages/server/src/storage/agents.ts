/** Inbox agents, their roles and availability, their sign-in sessions, the invites that bring new ones, and saved replies. */
export type Availability = 'auto' | 'available' | 'away';

/** `admin`: also invites people, changes roles and removes agents; `agent`: answers. */
export type Role = 'admin' | 'agent';

export interface AgentRecord {
  id: string;
  shopId: number;
  email: string;
  name: string;
  passwordHash: string;
  availability: Availability;
  role: Role;
}

export interface NewAgent {
  shopId: number;
  email: string;
  name: string;
  passwordHash: string;
  /** Given on creation (else `agent`); an update changes the role only when given. */
  role?: Role;
}

/** Someone an admin asked to join the shop's inbox, until they set a password or the invite expires. */
export interface InviteRecord {
  id: string;
  shopId: number;
  email: string;
  name: string;
  role: Role;
  /** The admin who sent it; absent once that agent is gone. */
  invitedBy?: string;
  createdAt: string;
  expiresAt: string;
}

/** What a change to the team came to: `last-admin` when it would leave the shop without an admin. */
export type TeamChange = 'done' | 'not-found' | 'last-admin';

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
  /** Changes an agent's role, unless that would leave the shop without an admin. */
  setRole(shopId: number, agentId: string, role: Role): Promise<TeamChange>;
  /** Removes the agent (its sessions end, its conversations become unassigned), unless it is the shop's last admin. */
  remove(shopId: number, agentId: string): Promise<TeamChange>;
  /** Stores an invite, replacing any the shop has for that email. */
  invite(invite: Omit<InviteRecord, 'id' | 'createdAt'>): Promise<InviteRecord>;
  /** The shop's invites not taken up yet (expired ones too), newest first. */
  invites(shopId: number): Promise<InviteRecord[]>;
  inviteById(id: string): Promise<InviteRecord | undefined>;
  /** Whether the shop had it. */
  revokeInvite(shopId: number, id: string): Promise<boolean>;
  /**
   * Takes up an invite in one step: the agent is created with the invite's shop,
   * email and role, and the invite is gone. `gone` when it was taken up, revoked
   * or expired meanwhile; `taken` when an agent has that email already.
   */
  acceptInvite(id: string, agent: { name: string; passwordHash: string }): Promise<AgentRecord | 'gone' | 'taken'>;
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
