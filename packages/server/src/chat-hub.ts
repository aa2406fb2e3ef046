/**
 * Live fan-out: conversation events to the shopper's SSE streams, inbox events
 * to agents' streams, which agents are connected, and a handle on every open
 * stream so shutdown (or a test) can close them all.
 *
 * Every event goes through the bus (./bus) and is delivered when the bus hands
 * it back, so with several instances on one PostgreSQL a message stored by one
 * reaches streams open on any. A stored message crosses the bus as its
 * conversation and number only, and is read back from storage here, in order
 * with the events around it. Presence is per instance: each one tells the
 * others which agents it holds, again every few seconds, and forgets an
 * instance it has not heard from in a while (it may have died). Writes that
 * change cached reads are told the same way (`invalidate`).
 */
import type { ChatEvent, ChatStatus } from '@shopfront/core/schemas.js';
import type { BusEvent, EventBus, InboxEvent } from './bus/index.js';
import { InProcessBus } from './bus/in-process.js';
import type { ChatStorage } from './storage/index.js';
import { EVERY_TAG } from './read-cache.js';

export type { InboxEvent } from './bus/index.js';

export interface StreamHandle {
  close(): void;
}

interface ConversationListener {
  shopId: number;
  conversationId: string;
  listener: (event: ChatEvent) => void;
}

/** How often an instance repeats its presence, and when the others stop believing it. */
const PRESENCE_EVERY_MS = 10_000;
const PRESENCE_STALE_MS = 35_000;

export class ChatHub {
  readonly #bus: EventBus;
  readonly #conversationListeners = new Set<ConversationListener>();
  readonly #inboxListeners = new Map<number, Set<(event: InboxEvent) => void>>();
  readonly #agentConnections = new Map<string, number>();
  readonly #otherInstances = new Map<string, { agents: Record<string, number>; heardAt: number }>();
  readonly #streams = new Set<StreamHandle>();
  readonly #lastStatus = new Map<number, string>();
  readonly #invalidationListeners = new Set<(tag: string) => void>();
  #heartbeat?: NodeJS.Timeout;
  /** Deliveries waiting for a message to be read back, in the order the bus gave them. */
  #queue: Promise<void> = Promise.resolve();
  #queued = 0;

  /** `chat` reads stored messages back; only a hub that never carries a message (some tests) goes without. */
  constructor(
    bus: EventBus = new InProcessBus(),
    private readonly chat?: Pick<ChatStorage, 'messagesAfter' | 'conversation'>,
  ) {
    this.#bus = bus;
  }

  /** Starts hearing the bus; a shared one also learns who the other instances hold. */
  async start(): Promise<void> {
    await this.#bus.start({ event: (event) => this.#deliver(event), gap: () => this.#gap() });
    if (!this.#bus.shared) return;
    this.#send({ kind: 'hello', instance: this.#bus.instance });
    this.#heartbeat = setInterval(() => this.#sendPresence(), PRESENCE_EVERY_MS).unref();
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.closeAll();
    await this.#bus.close();
  }

  subscribe(shopId: number, conversationId: string, listener: (event: ChatEvent) => void): () => void {
    const entry = { shopId, conversationId, listener };
    this.#conversationListeners.add(entry);
    return () => this.#conversationListeners.delete(entry);
  }

  /** Tells the conversation's streams and the shop's inbox that message `seq` was stored. */
  publishMessage(shopId: number, conversationId: string, seq: number): void {
    this.#send({ kind: 'message', shopId, conversationId, seq });
  }

  publish(conversationId: string, event: ChatEvent): void {
    this.#send({ kind: 'conversation', conversationId, event });
  }

  subscribeInbox(shopId: number, listener: (event: InboxEvent) => void): () => void {
    let listeners = this.#inboxListeners.get(shopId);
    if (!listeners) this.#inboxListeners.set(shopId, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  publishInbox(shopId: number, event: InboxEvent): void {
    this.#send({ kind: 'inbox', shopId, event });
  }

  /** Tells every stream of the shop, when the status differs from the last one sent. */
  publishStatus(shopId: number, status: ChatStatus): void {
    if (this.#lastStatus.get(shopId) === JSON.stringify(status)) return;
    this.#send({ kind: 'status', shopId, status });
  }

  /** A write changed what reads under `tag` show: told here at once, and to the other instances. */
  invalidate(tag: string): void {
    for (const listener of this.#invalidationListeners) listener(tag);
    if (this.#bus.shared) this.#send({ kind: 'invalidate', tag, instance: this.#bus.instance });
  }

  onInvalidate(listener: (tag: string) => void): () => void {
    this.#invalidationListeners.add(listener);
    return () => this.#invalidationListeners.delete(listener);
  }

  /** An agent's inbox opened its live connection; returns the disconnect. */
  agentConnected(agentId: string): () => void {
    this.#agentConnections.set(agentId, (this.#agentConnections.get(agentId) ?? 0) + 1);
    this.#sendPresence();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.#agentConnections.get(agentId) ?? 1) - 1;
      if (count > 0) this.#agentConnections.set(agentId, count);
      else this.#agentConnections.delete(agentId);
      this.#sendPresence();
    };
  }

  /** Whether the agent's inbox is open on this instance or on one heard from lately. */
  isConnected(agentId: string): boolean {
    if (this.#agentConnections.has(agentId)) return true;
    const now = Date.now();
    for (const [instance, { agents, heardAt }] of this.#otherInstances) {
      if (now - heardAt > PRESENCE_STALE_MS) this.#otherInstances.delete(instance);
      else if (agents[agentId]) return true;
    }
    return false;
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

  /**
   * Events may have been missed: streams end (their clients resume from the
   * database with `Last-Event-ID`), and every cached read is dropped, since an
   * invalidation may have been among them.
   */
  #gap(): void {
    this.closeAll();
    for (const listener of this.#invalidationListeners) listener(EVERY_TAG);
  }

  #send(event: BusEvent): void {
    // Whatever the event tells was stored first: a stream that misses it reads it on reconnecting.
    this.#bus.publish(event).catch((error: unknown) => console.error(`[shopfront] live event not sent (${event.kind}): ${error}`));
  }

  #sendPresence(): void {
    if (this.#bus.shared)
      this.#send({ kind: 'presence', instance: this.#bus.instance, agents: Object.fromEntries(this.#agentConnections) });
  }

  /**
   * Delivers at once, unless a message is being read back: then after it, so a
   * stream never hears "read up to 5" before message 5. Reads run side by side;
   * deliveries keep the bus's order.
   */
  #deliver(event: BusEvent): void {
    if (event.kind !== 'message' && this.#queued === 0) return this.#deliverNow(event);
    this.#queued++;
    const ready = event.kind === 'message' ? this.#readBack(event) : Promise.resolve([event]);
    this.#queue = this.#queue.then(async () => {
      try {
        for (const each of await ready) this.#deliverNow(each);
      } catch (error) {
        // The database is away: streams end and their clients resume from storage once it is back.
        console.error(`[shopfront] a stored message could not be read back for live delivery: ${error}`);
        this.#gap();
      } finally {
        this.#queued--;
      }
    });
  }

  async #readBack({ shopId, conversationId, seq }: Extract<BusEvent, { kind: 'message' }>): Promise<BusEvent[]> {
    if (!this.chat) throw new Error('this hub was made without chat storage');
    const [[message], conversation] = await Promise.all([
      this.chat.messagesAfter(conversationId, seq - 1, 1),
      this.chat.conversation(shopId, conversationId),
    ]);
    if (!message || message.seq !== seq || !conversation) throw new Error(`message ${seq} of ${conversationId} is not stored`);
    const events: BusEvent[] = [
      { kind: 'conversation', conversationId, event: { type: 'message', message } },
      { kind: 'inbox', shopId, event: { type: 'message', message } },
    ];
    // A later message already moved the conversation on: its own summary follows, and this one would be older.
    if (conversation.lastSeq === seq) {
      events.push({ kind: 'inbox', shopId, event: { type: 'conversation', conversation: { ...conversation, lastMessage: message } } });
    }
    return events;
  }

  #deliverNow(event: BusEvent): void {
    switch (event.kind) {
      case 'message':
        return; // read back first (#deliver)
      case 'conversation':
        for (const entry of this.#conversationListeners) if (entry.conversationId === event.conversationId) entry.listener(event.event);
        return;
      case 'inbox':
        for (const listener of this.#inboxListeners.get(event.shopId) ?? []) listener(event.event);
        return;
      case 'status': {
        const key = JSON.stringify(event.status);
        if (this.#lastStatus.get(event.shopId) === key) return;
        this.#lastStatus.set(event.shopId, key);
        for (const entry of this.#conversationListeners)
          if (entry.shopId === event.shopId) entry.listener({ type: 'status', status: event.status });
        for (const listener of this.#inboxListeners.get(event.shopId) ?? []) listener({ type: 'status', status: event.status });
        return;
      }
      case 'presence':
        if (event.instance !== this.#bus.instance) this.#otherInstances.set(event.instance, { agents: event.agents, heardAt: Date.now() });
        return;
      case 'hello':
        if (event.instance !== this.#bus.instance) this.#sendPresence();
        return;
      case 'invalidate':
        // Our own, back from the database: told at once when it was made, and an answer cached since is current.
        if (event.instance === this.#bus.instance) return;
        for (const listener of this.#invalidationListeners) listener(event.tag);
        return;
    }
  }
}
