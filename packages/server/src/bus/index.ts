/**
 * How chat events reach every server instance. The hub publishes each event
 * to the bus and delivers only what the bus hands back, so the instance that
 * stored a message and every other one deliver it the same way, in the order
 * the bus gives.
 *
 * One process needs no more than a function call (`InProcessBus`). Several
 * instances on one PostgreSQL share the events through `LISTEN/NOTIFY`
 * (`PostgresBus`): no broker beside the database the instances already share.
 */
import type { ChatEvent, ChatMessage, ChatStatus } from '@shopfront/core/schemas.js';
import type { ConversationSummary, LeftEmail, ModerationReview } from '../storage/index.js';

export type InboxEvent =
  | { type: 'conversation'; conversation: ConversationSummary }
  | { type: 'message'; message: ChatMessage }
  | { type: 'email'; email: LeftEmail }
  | { type: 'review'; review: ModerationReview }
  | { type: 'status'; status: ChatStatus }
  /** The shopper is typing in a conversation, or stopped. */
  | { type: 'typing'; conversationId: string; active: boolean }
  /** The team changed (someone joined, changed role or left); `removed`: the agent who left, whose streams end. */
  | { type: 'team'; removed?: string };

export type BusEvent =
  /**
   * A chat message was stored: only its conversation and sequence number, and
   * each instance reads the row back (a message may hold 4,000 characters, a
   * notification 8,000 bytes). Becomes the conversation's `message` event and
   * the inbox's `message` and `conversation` events.
   */
  | { kind: 'message'; shopId: number; conversationId: string; seq: number }
  /** For the shopper's streams of one conversation. */
  | { kind: 'conversation'; conversationId: string; event: ChatEvent }
  /** For the agents' inbox streams of one shop. */
  | { kind: 'inbox'; shopId: number; event: InboxEvent }
  /** The shop's chat status, for both. */
  | { kind: 'status'; shopId: number; status: ChatStatus }
  /** Which agents hold a live inbox connection on an instance: all of them, so a missed one costs nothing. */
  | { kind: 'presence'; instance: string; agents: Record<string, number> }
  /** A new instance asks the others for their presence. */
  | { kind: 'hello'; instance: string }
  /** A write on `instance` changed what cached reads under this tag show (../read-cache.ts); that instance already knows. */
  | { kind: 'invalidate'; tag: string; instance: string };

export interface BusHandlers {
  /** Every event any instance published, this one's included. */
  event(event: BusEvent): void;
  /** Events may have been missed (the connection to the database dropped and came back). */
  gap(): void;
}

export interface EventBus {
  /** Names this process among the instances. */
  readonly instance: string;
  /** True when other instances may share the bus (their presence must be heard, and can go stale). */
  readonly shared: boolean;
  /** Starts delivering to `handlers` (once). */
  start(handlers: BusHandlers): Promise<void>;
  publish(event: BusEvent): Promise<void>;
  close(): Promise<void>;
}
