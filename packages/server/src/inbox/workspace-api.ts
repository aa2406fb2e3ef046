/**
 * `/inbox/api/*` routes of the agent's workspace: the shopper beside a
 * conversation, the team report, the shop's agents and who answers which conversation. Same
 * session, CSRF and shop checks as every inbox route.
 */
import * as z from 'zod/mini';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { assignConversation, teamReport } from '../services/chat.js';
import { shopperContext } from '../services/shopper-context.js';
import { conversationIdParam, inboxLookups } from './lookups.js';
import { AgentList, Assignment, ConversationChange, REPORT_PERIODS, ShopperContext, TeamReport } from './wire.js';

export function workspaceApi(deps: Deps) {
  const { shopOf, conversationOf } = inboxLookups(deps);
  const base = { tags: ['Inbox'], security: 'inbox' } as const;

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/conversations/{conversationId}/context',
      operationId: 'inboxShopperContext',
      summary: 'The shopper beside a conversation',
      description:
        'Guest or signed customer, the page they started from and the one they are on, the products they viewed (only when they ' +
        'consented to share them), loyalty tier and points, orders, earlier conversations and reviews. A guest is looked up by the ' +
        'email they typed, which nobody verified: `matchedBy` says which.',
      params: conversationIdParam,
      responses: { 200: { description: 'The shopper', schema: ShopperContext } },
      errors: { 404: 'No such conversation' },
      handler: async ({ agent, params }, c) => {
        const conversation = await conversationOf(agent, params.conversationId);
        return { status: 200, body: await shopperContext(deps, await shopOf(agent), conversation, c.get('baseUrl')) };
      },
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/report',
      operationId: 'inboxTeamReport',
      summary: 'How it went: conversations answered, the median first answer, the average rating',
      description:
        'Over the last `days` (7, 30 or 90; default 30): conversations started with a shopper’s message, those the team answered, ' +
        'the median time to the first answer, and the ratings shoppers gave after a conversation was resolved.',
      query: { days: { schema: z.optional(z.enum(REPORT_PERIODS.map(String) as ['7', '30', '90'])), description: 'The period, in days' } },
      responses: { 200: { description: 'The report', schema: TeamReport } },
      handler: async ({ agent, query }) => ({ status: 200, body: await teamReport(deps, agent.shopId, Number(query.days ?? 30)) }),
    }),

    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/agents',
      operationId: 'inboxListAgents',
      summary: "The shop's agents, who conversations can be assigned to",
      responses: { 200: { description: 'The agents, oldest first', schema: AgentList } },
      handler: async ({ agent }) => ({
        status: 200,
        body: { agents: (await deps.storage.agents.list(agent.shopId)).map(({ id, name }) => ({ id, name })) },
      }),
    }),

    defineRoute({
      ...base,
      method: 'put',
      path: '/inbox/api/conversations/{conversationId}/assignee',
      operationId: 'inboxAssignConversation',
      summary: 'Assign a conversation to an agent, or to nobody',
      description: '`agentId`: one of the shop’s agents (`/inbox/api/agents`), or `null` for unassigned. Every agent’s inbox hears of it.',
      params: conversationIdParam,
      body: { json: Assignment },
      responses: { 200: { description: 'The conversation now', schema: ConversationChange } },
      errors: { 400: 'Not an agent of this shop', 404: 'No such conversation' },
      handler: async ({ agent, params, body }) => {
        const conversation = await conversationOf(agent, params.conversationId);
        const assigned = await assignConversation(deps, conversation, body.agentId);
        if (!assigned) throw new HttpError(400, 'agentId: not an agent of this shop.', 'agentId');
        return { status: 200, body: { conversation: assigned } };
      },
    }),
  ];
}
