/**
 * `/inbox/api/*` routes of the agent's workspace: the shopper beside a
 * conversation. Same session, CSRF and shop checks as every inbox route.
 */
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { shopperContext } from '../services/shopper-context.js';
import { conversationIdParam, inboxLookups } from './lookups.js';
import { ShopperContext } from './wire.js';

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
  ];
}
