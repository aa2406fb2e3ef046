/**
 * The chat protocol, without the DOM: the conversation in the shop's order,
 * each message once, and unread counts that agree across tabs. Its parts:
 * the outbox (outbox.ts), catching up (history-sync.ts) and one stream per
 * browser shared with the other tabs (stream-relay.ts). Elements use it
 * through `ChatSession`.
 */
import {
  ChatStatus,
  EmailReceipt,
  request,
  store as pageStore,
  toAdapterError,
  type AdapterError,
  type BackendAdapter,
  type ChatAttachment,
  type ChatMessage,
  type LocalStore,
  type StreamState,
  type Visitor,
} from '@shopfront/core';
import { MessageLog } from './message-log.js';
import { HistorySync } from './history-sync.js';
import { Outbox } from './outbox.js';
import { ConversationRating } from './rating.js';
import { StreamRelay, type SideEvent } from './stream-relay.js';

declare module '@shopfront/core' {
  interface StoreSchema {
    /** The conversation to restore on the next page load, in any tab. */
    'chat-conversation': string;
    /** Messages written but not yet stored by the shop, oldest first. */
    'chat-outbox': OutboxEntry[];
    /** The highest sequence number the shopper has seen: unread counts agree across tabs. */
    'chat-read': number;
  }
}

export interface OutboxEntry {
  /** Made here with `crypto.randomUUID()`: the shop stores a resend once. */
  clientId: string;
  body: string;
  attachment?: File;
  createdAt: string;
  /** The shop refused it (not a network failure): only the shopper's retry sends it again. */
  rejected?: boolean;
}

export type Delivery = 'sending' | 'sent' | 'seen' | 'failed';

/** One message as the panel shows it: stored by the shop, or still in the outbox. */
export interface ChatItem {
  clientId: string;
  author: ChatMessage['author'];
  authorName?: string;
  avatarUrl?: string;
  body: string;
  attachment?: ChatAttachment;
  /** The name of a picture still in the outbox (it has no URL yet). */
  fileName?: string;
  createdAt: string;
  /** For the shopper's own messages. */
  delivery?: Delivery;
}

/** `sending` when the shop has not confirmed it yet; `idle` when no stream is wanted. */
export type Connection = StreamState | 'idle';

export interface ChatClientOptions {
  /** The page's store by default; a test passes a new one to act as a reloaded page. */
  store?: LocalStore;
  /** Who is chatting (the signed-in customer), read when a conversation starts. */
  visitor?: () => Visitor;
  /** Clients with the same name share one stream; it also names the locks and the channel. */
  name?: string;
}

/** Called after every change; with the message when one reached the conversation (not restored history). */
export type ChatListener = (message?: ChatMessage) => void;

/**
 * What the parts of a client share: the conversation held here and how to
 * reach the shop.
 */
export interface ChatContext {
  readonly store: LocalStore;
  /** Names the locks and the channel: clients with the same name share one stream. */
  readonly name: string;
  readonly log: MessageLog;
  adapter(): BackendAdapter | undefined;
  running(): boolean;
  conversationId(): string | undefined;
  /** Adds messages in sequence order, once each; `announce` tells the listeners, `advance` moves the history's cursor. */
  merge(messages: readonly ChatMessage[], announce: boolean, advance: boolean): void;
  /** Tells the listeners that something changed. */
  changed(): void;
}

const TYPING_TIMEOUT_MS = 15_000;

/** How often the agents are told again that the shopper is still typing. */
const TYPING_EVERY_MS = 3000;

export class ChatClient {
  readonly #store: LocalStore;
  readonly #log = new MessageLog();
  readonly #listeners = new Set<ChatListener>();
  readonly #history: HistorySync;
  readonly #outbox: Outbox;
  readonly #relay: StreamRelay;
  #adapter?: BackendAdapter;
  #running = false;
  #cleanup: Array<() => void> = [];
  #conversationId?: string;
  #readSeq = 0;
  #seenSeq = 0;
  #typing?: string;
  #typingTimer?: ReturnType<typeof setTimeout>;
  /** When the agents were last told the shopper is typing; 0 once told they stopped. */
  #toldTypingAt = 0;
  #status?: ChatStatus;
  #statusError?: AdapterError;
  /** Asked once an agent resolves the conversation. */
  readonly rating = new ConversationRating(
    () => this.#adapter,
    () => this.#conversationId,
    () => this.#changed(),
  );

  constructor(options: ChatClientOptions = {}) {
    const store = (this.#store = options.store ?? pageStore);
    const context: ChatContext = {
      store,
      name: options.name ?? 'shopfront-chat',
      log: this.#log,
      adapter: () => this.#adapter,
      running: () => this.#running,
      conversationId: () => this.#conversationId,
      merge: (messages, announce, advance) => this.#merge(messages, announce, advance),
      changed: () => this.#changed(),
    };
    this.#history = new HistorySync(context);
    this.#outbox = new Outbox(context, options.visitor ?? (() => ({})));
    this.#relay = new StreamRelay(
      context,
      this.#history,
      (event) => this.#onEvent(event),
      () => this.#outbox.flushNow(),
    );
  }

  /** The conversation shown, once one was started (here or in another tab). */
  get conversationId(): string | undefined {
    return this.#conversationId;
  }

  /** Online or away, from `status()` and the stream; undefined until known. */
  get status(): ChatStatus | undefined {
    return this.#status;
  }

  get statusError(): AdapterError | undefined {
    return this.#statusError;
  }

  /** Set while the conversation could not be loaded; cleared by the next successful sync. */
  get historyError(): AdapterError | undefined {
    return this.#history.error;
  }

  /** The stream's state, as the tab that holds it reports it. */
  get connection(): Connection {
    return this.#relay.connection;
  }

  /** Whether this tab holds the stream. */
  get leading(): boolean {
    return this.#relay.leading;
  }

  /** The name of the team member typing (empty if unnamed), or undefined. */
  get typing(): string | undefined {
    return this.#typing;
  }

  /** Messages from the team the shopper has not seen. */
  get unread(): number {
    return this.#log.messages.filter((message) => message.author !== 'visitor' && message.seq > this.#readSeq).length;
  }

  /** Messages waiting in the outbox. */
  get pending(): number {
    return this.#outbox.waiting.length;
  }

  /** The conversation in the shop's order, then what waits in the outbox in the order it was written. */
  get items(): ChatItem[] {
    const stored = this.#log.messages.map((message): ChatItem => ({
      ...message,
      delivery: message.author !== 'visitor' ? undefined : message.seq <= this.#seenSeq ? 'seen' : 'sent',
    }));
    return [...stored, ...this.#outbox.waiting];
  }

  subscribe(listener: ChatListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts (or, for another adapter, restarts) the client: restores the conversation and outbox from the store. */
  connect(adapter: BackendAdapter | undefined): void {
    if (adapter === this.#adapter && this.#running) return;
    this.stop();
    this.#adapter = adapter;
    if (!adapter?.chat) return;
    this.#running = true;
    this.#relay.start();
    const store = this.#store;
    this.#cleanup = [
      store.subscribe('chat-conversation', (id) => this.#open(id)),
      store.subscribe('chat-outbox', (outbox) => this.#outbox.set(outbox)),
      store.subscribe('chat-read', (seq) => {
        this.#readSeq = seq ?? 0;
        this.#changed();
      }),
    ];
    void this.#restore();
  }

  /** Leaves the stream to another tab and stops listening. Messages in flight still finish. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#cleanup.splice(0).forEach((unsubscribe) => unsubscribe());
    this.#relay.stop();
    this.#open(undefined, true);
  }

  /** The network or the tab is back: reconnect if the stream is down, catch up, send what waits. */
  wake(): void {
    if (!this.#running) return;
    this.#relay.wake();
    void this.sync();
    this.#outbox.flushNow();
  }

  /** Asks the shop whether anyone is there. */
  async refreshStatus(): Promise<void> {
    try {
      this.#status = await request(this.#adapter, 'chat', ChatStatus, (chat, signal) => chat.status({ signal }));
      this.#statusError = undefined;
    } catch (error) {
      this.#statusError = toAdapterError(error);
    }
    this.#changed();
  }

  /** Starts the conversation as `visitor` (the pre-chat form); if that fails, the first message starts it. */
  begin(visitor: Visitor): Promise<void> {
    return this.#outbox.begin(visitor);
  }

  /**
   * Puts a message in the outbox (it survives a reload) and sends it as soon as
   * it can. False if it is not a valid message (empty, too long, a file of the
   * wrong type or size).
   */
  send(body: string, attachment?: File): Promise<boolean> {
    this.typed('');
    return this.#outbox.send(body, attachment);
  }

  /**
   * The shopper's draft changed: the agents see them typing (told again every 3 s while
   * they are) until the draft is empty or sent. Only in a conversation already started,
   * and best effort: a lost notice is stale before a retry could help.
   */
  typed(draft: string): void {
    const chat = this.#adapter?.chat;
    const id = this.#conversationId;
    const active = draft.trim() !== '';
    const now = Date.now();
    if (!chat?.typing || !id || (active ? now - this.#toldTypingAt < TYPING_EVERY_MS : !this.#toldTypingAt)) return;
    this.#toldTypingAt = active ? now : 0;
    chat.typing(id, active).catch(() => undefined);
  }

  /** Sends a failed message again. */
  retry(clientId: string): Promise<void> {
    return this.#outbox.retry(clientId);
  }

  /**
   * Sends the outbox in order, one message at a time, one tab at a time. A
   * message leaves the outbox only once the shop has stored it, so each is sent
   * until it arrives; its client id makes a resend harmless.
   */
  flush(): Promise<void> {
    return this.#outbox.flush();
  }

  /** Fetches what the conversation gained after the last message held here. */
  sync(): Promise<void> {
    return this.#history.sync();
  }

  /** The shopper has seen everything: in every tab, nothing is unread. */
  markRead(): void {
    const seq = this.#log.lastSeq;
    if (seq <= this.#readSeq) return;
    this.#readSeq = seq;
    this.#changed();
    void this.#store.update('chat-read', (current = 0) => Math.max(current, seq));
  }

  /** Leaves an email for a reply while nobody is there. */
  async leaveEmail(email: string, message = ''): Promise<void> {
    const conversationId = this.#conversationId;
    await request(this.#adapter, 'chat', EmailReceipt, (chat, signal) =>
      chat.leaveEmail({ email, ...(message && { message }), ...(conversationId && { conversationId }) }, { signal }),
    );
  }

  async #restore(): Promise<void> {
    const store = this.#store;
    const [conversationId, outbox, read] = await Promise.all([
      store.get('chat-conversation'),
      store.get('chat-outbox'),
      store.get('chat-read'),
    ]);
    if (!this.#running) return;
    this.#readSeq = read ?? 0;
    this.#outbox.set(outbox);
    this.#open(conversationId);
    if (this.#outbox.entries.length) void this.flush();
  }

  /** Shows conversation `id` (none: `undefined`): loads its history, then joins the election for its stream. */
  #open(id: string | undefined, force = false): void {
    if (!force && (!this.#running || id === this.#conversationId)) return;
    this.#relay.leave();
    this.#conversationId = id;
    this.#log.clear();
    this.#history.reset();
    this.#seenSeq = 0;
    this.#setTyping(undefined);
    if (id && this.#running) {
      void this.#history.load(false).then(() => {
        if (this.#conversationId === id && this.#running) this.#relay.join(id);
      });
    }
    this.#changed();
  }

  #onEvent(event: SideEvent): void {
    if (event.type === 'typing') this.#setTyping(event.active ? (event.authorName ?? '') : undefined);
    else if (event.type === 'status') this.#status = event.status;
    else if (event.type === 'resolved') this.rating.ask();
    else this.#seenSeq = Math.max(this.#seenSeq, event.seq);
    this.#changed();
  }

  #merge(messages: readonly ChatMessage[], announce: boolean, advance: boolean): void {
    const added: ChatMessage[] = [];
    for (const message of messages) {
      if (message.conversationId !== this.#conversationId) continue;
      if (advance) this.#history.cursor = Math.max(this.#history.cursor, message.seq);
      if (!this.#log.add(message)) continue;
      added.push(message);
      if (message.author !== 'visitor') this.#setTyping(undefined);
    }
    if (announce) for (const message of added) this.#listeners.forEach((listener) => listener(message));
    // Stored (the stream or the history says so): no need to send it again.
    this.#outbox.dropStored();
    this.#changed();
  }

  #setTyping(name: string | undefined): void {
    clearTimeout(this.#typingTimer);
    this.#typing = name;
    // A lost "stopped typing" event must not leave the indicator on forever.
    if (name !== undefined) this.#typingTimer = setTimeout(() => (this.#setTyping(undefined), this.#changed()), TYPING_TIMEOUT_MS);
  }

  #changed(): void {
    this.#listeners.forEach((listener) => listener());
  }
}
