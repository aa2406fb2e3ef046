/**
 * The shop's team in the inbox: an admin invites someone by email with a signed
 * link that sets their password, and changes roles or removes agents; nothing
 * here leaves a shop without an admin. Who may do what is checked here, so
 * every caller (the inbox API, the invite page) applies the same rules.
 */
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { hashPassword } from '../inbox/passwords.js';
import type { AgentRecord, InviteRecord, Role, Shop, TeamChange } from '../storage/index.js';
import { openSession } from './agents.js';
import { emailInvite, inviteLink } from './email.js';

/** How long an invite link works. */
export const INVITE_HOURS = 72;
/** The shortest password an agent may choose (the rule the config file and `SHOPFRONT_AGENT_PASSWORD` follow too). */
export const MIN_PASSWORD_LENGTH = 8;

/** Refuses anyone but an admin, naming what they tried. */
export function requireAdmin(agent: AgentRecord, action: string): void {
  if (agent.role !== 'admin') throw new HttpError(403, `Only an admin can ${action}.`);
}

/** Invites `email` to the shop's inbox and queues the email with its link; replaces an earlier invite to the same address. */
export async function inviteAgent(
  deps: Deps,
  shop: Shop,
  admin: AgentRecord,
  invite: { email: string; name: string; role: Role },
  baseUrl: string,
): Promise<InviteRecord> {
  requireAdmin(admin, 'invite people');
  if (await deps.storage.agents.byEmail(invite.email)) {
    throw new HttpError(409, 'email: already signs in to an inbox; an address can belong to one agent only.', 'email');
  }
  const stored = await deps.storage.agents.invite({
    shopId: shop.id,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    invitedBy: admin.id,
    expiresAt: new Date(Date.now() + INVITE_HOURS * 3600_000).toISOString(),
  });
  await emailInvite(deps, shop, stored, admin.name, baseUrl);
  return stored;
}

export type InviteCheck = { ok: true; shop: Shop; invite: InviteRecord } | { ok: false; problem: 'invalid' | 'expired' | 'gone' };

/**
 * What an invite link opens: the invite, when the shop signed the token and it is
 * still there and in time. The expiry is read from both the signed token and the
 * stored invite, so neither a changed row nor an old link outlives it.
 */
export async function checkInvite(deps: Deps, shopKey: string, token: string): Promise<InviteCheck> {
  const shop = shopKey ? await deps.storage.shops.byKey(shopKey) : undefined;
  const link = shop ? inviteLink(shop, token) : undefined;
  if (!shop || !link) return { ok: false, problem: 'invalid' };
  if (!(Date.parse(link.expiresAt) > Date.now())) return { ok: false, problem: 'expired' };
  const invite = await deps.storage.agents.inviteById(link.inviteId);
  if (!invite || invite.shopId !== shop.id) return { ok: false, problem: 'gone' };
  if (invite.expiresAt !== link.expiresAt) return { ok: false, problem: 'invalid' };
  return { ok: true, shop, invite };
}

/** Takes up a checked invite: the agent exists with the chosen password and is signed in (the session token, for the cookie). */
export async function acceptInvite(
  deps: Deps,
  invite: InviteRecord,
  choice: { name: string; password: string },
): Promise<{ agent: AgentRecord; token: string } | 'gone' | 'taken'> {
  const created = await deps.storage.agents.acceptInvite(invite.id, {
    name: choice.name,
    passwordHash: await hashPassword(choice.password),
  });
  if (typeof created === 'string') return created;
  deps.hub.publishInbox(created.shopId, { type: 'team' });
  return { agent: created, token: await openSession(deps, created) };
}

function refusal(change: Exclude<TeamChange, 'done'>): HttpError {
  return change === 'not-found'
    ? new HttpError(404, 'agentId: not an agent of this shop.', 'agentId')
    : new HttpError(409, 'agentId: the shop’s last admin; make someone else an admin first.', 'agentId');
}

/** Gives an agent of the admin's shop another role; the last admin stays one. */
export async function changeRole(deps: Deps, admin: AgentRecord, agentId: string, role: Role): Promise<AgentRecord> {
  requireAdmin(admin, 'change roles');
  const change = await deps.storage.agents.setRole(admin.shopId, agentId, role);
  if (change !== 'done') throw refusal(change);
  deps.hub.publishInbox(admin.shopId, { type: 'team' });
  return (await deps.storage.agents.byId(agentId))!;
}

/** Removes an agent of the admin's shop: their sessions end and their conversations become unassigned. Not oneself. */
export async function removeAgent(deps: Deps, admin: AgentRecord, agentId: string): Promise<void> {
  requireAdmin(admin, 'remove agents');
  if (agentId === admin.id) throw new HttpError(409, 'agentId: you cannot remove yourself; another admin can.', 'agentId');
  const change = await deps.storage.agents.remove(admin.shopId, agentId);
  if (change !== 'done') throw refusal(change);
  // Every open inbox reads its conversations again (theirs are unassigned now); the removed agent's streams end.
  deps.hub.publishInbox(admin.shopId, { type: 'team', removed: agentId });
}
