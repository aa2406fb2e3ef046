/**
 * `/inbox/api/team` and `/inbox/api/invites`: the shop's agents with their
 * roles, and what admins do about them — invite by email, withdraw an invite,
 * change a role, remove an agent. Every agent sees who is on the team; only
 * admins see the invites or change anything (services/team.ts decides).
 */
import { Id } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import type { AgentRecord, InviteRecord } from '../storage/index.js';
import { changeRole, inviteAgent, removeAgent, requireAdmin } from '../services/team.js';
import { inboxLookups } from './lookups.js';
import { Done, InviteCreated, InviteRequest, MemberChange, RoleChange, Team, type PendingInvite, type TeamMember } from './wire.js';

const agentId = { agentId: { schema: Id, description: "The agent's id" } };
const inviteId = { inviteId: { schema: Id, description: "The invite's id" } };
const done = { 200: { description: 'Done', schema: Done } } as const;
const adminOnly = 'The signed-in agent is not an admin';

const member = ({ id, name, email, role }: AgentRecord): TeamMember => ({ id, name, email, role });
const pending = ({ id, email, name, role, createdAt, expiresAt }: InviteRecord): PendingInvite => ({
  id,
  email,
  name,
  role,
  createdAt,
  expiresAt,
  expired: !(Date.parse(expiresAt) > Date.now()),
});

export function teamApi(deps: Deps) {
  const { shopOf } = inboxLookups(deps);
  const base = { tags: ['Inbox'], security: 'inbox' } as const;

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/team',
      operationId: 'inboxTeam',
      summary: "The shop's agents with their roles, and (for admins) the invites not taken up yet",
      responses: { 200: { description: 'The team, oldest first; invites newest first', schema: Team } },
      handler: async ({ agent }) => {
        const agents = (await deps.storage.agents.list(agent.shopId)).map(member);
        if (agent.role !== 'admin') return { status: 200, body: { agents } };
        return { status: 200, body: { agents, invites: (await deps.storage.agents.invites(agent.shopId)).map(pending) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/invites',
      operationId: 'inboxInvite',
      summary: 'Invite someone to the inbox by email',
      description:
        'Emails them a signed link, good once for 72 hours, that sets their password and signs them in with the given role. ' +
        'Inviting the same address again replaces the earlier invite (its link stops working).',
      body: { json: InviteRequest },
      responses: { 201: { description: 'Invited; the email is queued (see the outbox)', schema: InviteCreated } },
      errors: { 403: adminOnly, 409: 'The address already signs in to an inbox' },
      handler: async ({ agent, body }, c) => {
        const invite = await inviteAgent(deps, await shopOf(agent), agent, body, c.get('baseUrl'));
        return { status: 201, body: { invite: pending(invite) } };
      },
    }),

    defineRoute({
      ...base,
      method: 'delete',
      path: '/inbox/api/invites/{inviteId}',
      operationId: 'inboxRevokeInvite',
      summary: 'Withdraw an invite: its link stops working',
      params: inviteId,
      responses: done,
      errors: { 403: adminOnly, 404: 'No such invite' },
      handler: async ({ agent, params }) => {
        requireAdmin(agent, 'withdraw invites');
        if (!(await deps.storage.agents.revokeInvite(agent.shopId, params.inviteId))) {
          throw new HttpError(404, 'inviteId: no such invite.', 'inviteId');
        }
        return { status: 200, body: { ok: true } };
      },
    }),

    defineRoute({
      ...base,
      method: 'put',
      path: '/inbox/api/agents/{agentId}/role',
      operationId: 'inboxSetRole',
      summary: "Change an agent's role",
      description: 'The shop keeps at least one admin: the last one cannot become an agent.',
      params: agentId,
      body: { json: RoleChange },
      responses: { 200: { description: 'The agent now', schema: MemberChange } },
      errors: { 403: adminOnly, 404: 'Not an agent of this shop', 409: 'The shop’s last admin' },
      handler: async ({ agent, params, body }) => ({
        status: 200,
        body: { agent: member(await changeRole(deps, agent, params.agentId, body.role)) },
      }),
    }),

    defineRoute({
      ...base,
      method: 'delete',
      path: '/inbox/api/agents/{agentId}',
      operationId: 'inboxRemoveAgent',
      summary: 'Remove an agent from the team',
      description: 'Their sessions end at once and the conversations assigned to them become unassigned. Nobody removes themselves.',
      params: agentId,
      responses: done,
      errors: { 403: adminOnly, 404: 'Not an agent of this shop', 409: 'Oneself, or the shop’s last admin' },
      handler: async ({ agent, params }) => {
        await removeAgent(deps, agent, params.agentId);
        return { status: 200, body: { ok: true } };
      },
    }),
  ];
}
