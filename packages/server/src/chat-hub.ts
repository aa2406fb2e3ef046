/**
 * Live fan-out inside this process: conversation events to the shopper's SSE
 * streams, inbox events to agents' streams, which agents are connected, and a
 * handle on every open stream so shutdown (or a test) can close them all.
 *
 * Several server instances would need these events shared between them; that
 * is a bus (Postgres LISTEN/NOTIFY) behind `publish`, not a change to the routes.
 */
import type { ChatEvent, ChatMessage, ChatStatus } from '@shopfront/core/schemas.js';
import type { ConversationSummary, LeftEmail, ModerationReview } from './storage/index.js';

export type InboxEvent =
  | { type: 'conversation'; conversation: ConversationSummary }
  | { type: 'message'; message: ChatMessage }
  | { type: 'email'; email: LeftEmail }
  | { type: 'review'; review: ModerationReview }
  | { type: 'status'; status: ChatStatus };

interface ConversationListener {
  shopId: number;
  conversationId: string;
  listener: (event: ChatEvent) => void;
}

export interface StreamHandle {
  close(): void;
}

export class ChatHub {
  readonly #conversationListeners = new Set<ConversationListener>();
  readonly #inboxListeners = new Map<number, Set<(event: InboxEvent) => void>>();
  readonly #agentConnections = new Map<string, number>();
  readonly #streams = new Set<StreamHandle>();
  readonly #lastStatus = new Map<number, string>();

  subscribe(shopId: number, conversationId: string, listener: (event: ChatEvent) => void): () => void {
    const entry = { shopId, conversationId, listener };
    this.#conversationListeners.add(entry);
    return () => this.#conversationListeners.delete(entry);
  }

  publish(conversationId: string, event: ChatEvent): void {
    for (const entry of this.#conversationListeners) if (entry.conversationId === conversationId) entry.listener(event);
  }

  subscribeInbox(shopId: number, listener: (event: InboxEvent) => void): () => void {
    let listeners = this.#inboxListeners.get(shopId);
    if (!listeners) this.#inboxListeners.set(shopId, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  publishInbox(shopId: number, event: InboxEvent): void {
    for (const listener of this.#inboxListeners.get(shopId) ?? []) listener(event);
  }

  /** Tells every stream of the shop, when the status differs from the last one sent. */
  publishStatus(shopId: number, status: ChatStatus): void {
    const key = JSON.stringify(status);
    if (this.#lastStatus.get(shopId) === key) return;
    this.#lastStatus.set(shopId, key);
    for (const entry of this.#conversationListeners) if (entry.shopId === shopId) entry.listener({ type: 'status', status });
    this.publishInbox(shopId, { type: 'status', status });
  }

  /** An agent's inbox opened its live connection; returns the disconnect. */
  agentConnected(agentId: string): () => void {
    this.#agentConnections.set(agentId, (this.#agentConnections.get(agentId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.#agentConnections.get(agentId) ?? 1) - 1;
      if (count > 0) this.#agentConnections.set(agentId, count);
      else this.#agentConnections.delete(agentId);
    };
  }

  isConnected(agentId: string): boolean {
    return this.#agentConnections.has(agentId);
  }

  track(stream: StreamHandle): () => void {
    this.#streams.add(stream);
    return () => this.#streams.delete(stream);
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  /** Ends every open stream (clients reconnect with `Last-Event-ID`). Returns how many. */
  closeAll(): number {
    const streams = [...this.#streams];
    this.#streams.clear();
    for (const stream of streams) stream.close();
    return streams.length;
  }
}
