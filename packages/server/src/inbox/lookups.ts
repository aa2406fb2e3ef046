/** What every inbox route looks up first: the signed-in agent's shop, and a conversation of that shop (else 404). */
import { Id } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import type { AgentRecord, ConversationRecord, Shop } from '../storage/index.js';

export function inboxLookups(deps: Deps) {
  return {
    shopOf: async (agent: AgentRecord): Promise<Shop> => {
      const shop = await deps.storage.shops.byId(agent.shopId);
      if (!shop) throw new HttpError(404, 'The shop no longer exists.');
      return shop;
    },
    /** Only the agent's own shop's: another shop's conversation is as unknown as one that never existed. */
    conversationOf: async (agent: AgentRecord, id: string): Promise<ConversationRecord> => {
      const conversation = await deps.storage.chat.conversation(agent.shopId, id);
      if (!conversation) throw new HttpError(404, 'No such conversation.', 'conversationId');
      return conversation;
    },
  };
}

/** The path parameter every conversation route takes. */
export const conversationIdParam = { conversationId: { schema: Id, description: "The conversation's id" } };
