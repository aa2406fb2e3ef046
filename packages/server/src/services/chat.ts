/**
 * Chat as the shop runs it: whether it is online, and every change to a
 * conversation stored first and then told to the conversation's streams and the
 * inbox, once.
 */
import type { ChatStatus, Conversation } from '@shopfront/core/schemas.js';
import { businessState } from '../business-hours.js';
import type { Deps } from '../deps.js';
import type { ConversationRecord, LeftEmail, NewLeftEmail, NewMessage, Shop } from '../storage/index.js';

/** The most agents a status names (the status schema's limit). */
const STATUS_AGENTS = 20;
/** The most messages one history request returns (the history schema's limit); clients ask again after the last. */
export const HISTORY_LIMIT = 1000;
/** The most conversations, emails or reviews an inbox list shows. */
export const INBOX_LIST_LIMIT = 200;

/**
 * Online when the shop is within its business hours and an agent is present: an
 * agent whose inbox holds its live connection (availability `auto`), or one
 * marked `available`; `away` agents never count.
 */
export async function chatStatus(deps: Deps, shop: Shop): Promise<ChatStatus> {
  const agents = await deps.storage.agents.list(shop.id);
  const present = agents.filter(
    (agent) => agent.availability === 'available' || (agent.availability === 'auto' && deps.hub.isConnected(agent.id)),
  );
  const hours = shop.settings.businessHours;
  const { open, nextOpenAt } = businessState(hours);
  const status: ChatStatus =
    open && present.length > 0
      ? { state: 'online', agents: present.slice(0, STATUS_AGENTS).map((agent) => ({ name: agent.name })) }
      : { state: 'away', reason: open ? 'no-agents' : 'outside-hours', nextOpenAt };
  if (hours) status.businessHours = hours;
  if (shop.settings.replyMinutes !== undefined) status.replyMinutes = shop.settings.replyMinutes;
  return status;
}

/** Recomputes the shop's chat status and tells open streams if it changed. */
export async function broadcastStatus(deps: Deps, shop: Shop): Promise<void> {
  deps.hub.publishStatus(shop.id, await chatStatus(deps, shop));
}

/** Stores a message once and, the first time only, tells the conversation's streams and the inbox. */
export async function postMessage(deps: Deps, conversation: ConversationRecord, message: NewMessage) {
  const result = await deps.storage.chat.appendMessage(conversation.id, message);
  if (result.created) {
    deps.hub.publishMessage(conversation.shopId, conversation.id, result.message.seq);
  }
  return result;
}

/** Moves the agents' read mark and tells the shopper's streams how far the shop has read. */
export async function markRead(deps: Deps, conversation: ConversationRecord, seq: number): Promise<void> {
  const read = Math.min(seq, conversation.lastSeq);
  await deps.storage.chat.markRead(conversation.shopId, conversation.id, seq);
  deps.hub.publish(conversation.id, { type: 'read', seq: read });
  // Every agent's list and tab title count what is still unread: the team shares one read mark.
  if (read > conversation.agentReadSeq)
    deps.hub.publishInbox(conversation.shopId, { type: 'conversation', conversation: { ...conversation, agentReadSeq: read } });
}

/** Opens, resolves (`closed`) or snoozes (open, with `snoozedUntil`) a conversation, and tells every agent's inbox. */
export async function setConversationStatus(
  deps: Deps,
  conversation: ConversationRecord,
  status: Conversation['status'],
  snoozedUntil?: string,
) {
  const updated = await deps.storage.chat.setStatus(conversation.shopId, conversation.id, status, snoozedUntil);
  if (updated) deps.hub.publishInbox(updated.shopId, { type: 'conversation', conversation: updated });
  // Resolved: the shopper's widget asks how it went (once per conversation, unless they rated already).
  if (updated?.status === 'closed' && conversation.status !== 'closed' && updated.rating === undefined)
    deps.hub.publish(updated.id, { type: 'resolved' });
  return updated;
}

/**
 * The shopper's rating of a resolved conversation, kept once; every agent's inbox hears of it.
 * `unresolved` while it is open, `rated` if a rating was given before.
 */
export async function rateConversation(deps: Deps, conversation: ConversationRecord, rating: number, comment?: string) {
  if (conversation.status !== 'closed') return 'unresolved' as const;
  if (conversation.rating !== undefined) return 'rated' as const;
  const updated = await deps.storage.chat.rate(conversation.shopId, conversation.id, rating, comment);
  if (updated) deps.hub.publishInbox(updated.shopId, { type: 'conversation', conversation: updated });
  return updated?.ratedAt && updated.rating === rating ? ('kept' as const) : ('rated' as const);
}

/** The team's report over the last `days`: conversations, those answered, the median first answer, the ratings. */
export async function teamReport(deps: Deps, shopId: number, days: number, now = new Date()) {
  const from = new Date(now.getTime() - days * 86_400_000);
  const { firstResponseSeconds, ratings } = await deps.storage.chat.report(shopId, from.toISOString(), now.toISOString());
  const answered = firstResponseSeconds.filter((seconds): seconds is number => seconds !== null && seconds >= 0).sort((a, b) => a - b);
  const middle = answered.length / 2;
  const median = answered.length
    ? answered.length % 2
      ? answered[Math.floor(middle)]!
      : (answered[middle - 1]! + answered[middle]!) / 2
    : undefined;
  const average = ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : undefined;
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    conversations: firstResponseSeconds.length,
    answered: answered.length,
    ...(median !== undefined && { medianFirstResponseSeconds: Math.round(median) }),
    ratings: ratings.length,
    ...(average !== undefined && { averageRating: Math.round(average * 10) / 10 }),
  };
}

/** Gives a conversation to an agent of its shop, or to nobody, and tells every agent's inbox; undefined for an agent of no such shop. */
export async function assignConversation(deps: Deps, conversation: ConversationRecord, agentId: string | null) {
  if (agentId !== null && (await deps.storage.agents.byId(agentId))?.shopId !== conversation.shopId) return undefined;
  const updated = await deps.storage.chat.assign(conversation.shopId, conversation.id, agentId);
  if (updated) deps.hub.publishInbox(updated.shopId, { type: 'conversation', conversation: updated });
  return updated;
}

/** Keeps an email a shopper left while the shop was away, and shows it in the inbox. */
export async function leaveEmail(deps: Deps, shop: Shop, email: NewLeftEmail): Promise<LeftEmail> {
  const left = await deps.storage.chat.leaveEmail(shop.id, email);
  deps.hub.publishInbox(shop.id, { type: 'email', email: left });
  return left;
}

/** An agent's reply: stored once, and everything before it counts as read by the shop. */
export async function replyAsAgent(
  deps: Deps,
  conversation: ConversationRecord,
  agent: { name: string },
  reply: { clientId: string; body: string },
) {
  const result = await postMessage(deps, conversation, {
    clientId: reply.clientId,
    body: reply.body,
    author: 'agent',
    authorName: agent.name,
  });
  await deps.storage.chat.markRead(conversation.shopId, conversation.id, result.message.seq);
  return result;
}
