/**
 * The chat protocol, without the DOM: conversation state, order by sequence,
 * dedupe by id, the outbox, delta sync, reconnects, one stream per browser
 * (Web Locks) shared with the other tabs (BroadcastChannel), and unread counts
 * that agree across tabs. Elements use it through `ChatSession`.
 */
import {
  ChatEvent,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Conversation,
  EmailReceipt,
  OutgoingMessage,
  request,
  store as pageStore,
  toAdapterError,
  warnOnce,
  type AdapterError,
  type BackendAdapter,
  type ChatAttachment,
  type LocalStore,
  type StreamState,
  type Visitor,
} from '@shopfront/core';
import { MessageLog } from './message-log.js';
import { exclusively, joinElection } from './tab-leader.js';

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

type TabMessage = { conversationId: string; event?: unknown; state?: StreamState };

const RECONNECT_MAX_MS = 30_000;
const TYPING_TIMEOUT_MS = 15_000;
/** `ChatHistory` holds at most this many messages: a full page means there may be more. */
const HISTORY_PAGE = 1000;

export class ChatClient {
  readonly #store: LocalStore;
  readonly #visitor: () => Visitor;
  readonly #name: string;
  readonly #log = new MessageLog();
  readonly #listeners = new Set<ChatListener>();
  /** Client ids whose last send failed, and those the shopper asked to retry. */
  readonly #failed = new Set<string>();
  readonly #retrying = new Set<string>();
  #adapter?: BackendAdapter;
  #running = false;
  #cleanup: Array<() => void> = [];
  #channel?: BroadcastChannel;
  #conversationId?: string;
  #prechat: Visitor = {};
  #outbox: OutboxEntry[] = [];
  #readSeq = 0;
  #seenSeq = 0;
  #typing?: string;
  #typingTimer?: ReturnType<typeof setTimeout>;
  #status?: ChatStatus;
  #statusError?: AdapterError;
  #historyError?: AdapterError;
  /** History up to `#cursor` is complete here: the point to resume and sync from. */
  #cursor = 0;
  #loaded = false;
  #needsSync = false;
  #leave?: () => void;
  #leading = false;
  #stream?: { stop: () => void };
  #connection: Connection = 'idle';
  #attempts = 0;
  #reconnectTimer?: ReturnType<typeof setTimeout>;
  #syncing?: Promise<void>;
  #syncAgain = false;
  #flushing?: Promise<void>;
  #flushAgain = false;
  /** The network, the tab or the stream came back while the latest send attempt was under way. */
  #woken = false;

  constructor(options: ChatClientOptions = {}) {
    this.#store = options.store ?? pageStore;
    this.#visitor = options.visitor ?? (() => ({}));
    this.#name = options.name ?? 'shopfront-chat';
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
    return this.#historyError;
  }

  /** The stream's state, as the tab that holds it reports it. */
  get connection(): Connection {
    return this.#connection;
  }

  /** Whether this tab holds the stream. */
  get leading(): boolean {
    return this.#leading;
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
    return this.#outbox.filter((entry) => !this.#log.has(entry.clientId)).length;
  }

  /** The conversation in the shop's order, then what waits in the outbox in the order it was written. */
  get items(): ChatItem[] {
    const stored = this.#log.messages.map((message): ChatItem => ({
      ...message,
      delivery: message.author !== 'visitor' ? undefined : message.seq <= this.#seenSeq ? 'seen' : 'sent',
    }));
    const waiting = this.#outbox
      .filter((entry) => !this.#log.has(entry.clientId))
      .map((entry): ChatItem => ({
        clientId: entry.clientId,
        author: 'visitor',
        body: entry.body,
        fileName: entry.attachment?.name,
        createdAt: entry.createdAt,
        delivery: entry.rejected || this.#failed.has(entry.clientId) ? 'failed' : 'sending',
      }));
    return [...stored, ...waiting];
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
    if (typeof BroadcastChannel === 'function') {
      const channel = (this.#channel = new BroadcastChannel(this.#name));
      channel.onmessage = (event: MessageEvent<TabMessage>) => this.#fromTab(event.data);
    }
    this.#cleanup = [
      this.#store.subscribe('chat-conversation', (id) => this.#open(id)),
      this.#store.subscribe('chat-outbox', (outbox) => this.#setOutbox(outbox)),
      this.#store.subscribe('chat-read', (seq) => {
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
    this.#channel?.close();
    this.#channel = undefined;
    this.#open(undefined, true);
  }

  /** The network or the tab is back: reconnect if the stream is down, catch up, send what waits. */
  wake(): void {
    if (!this.#running) return;
    if (this.#leading && !this.#stream) {
      this.#attempts = 0;
      this.#connect();
    }
    void this.sync();
    this.#flushNow();
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
  async begin(visitor: Visitor): Promise<void> {
    this.#prechat = visitor;
    try {
      await exclusively(`${this.#name}:send`, () => this.#ensureConversation());
    } catch {
      // Offline: the outbox starts it with this visitor when it sends.
    }
  }

  /**
   * Puts a message in the outbox (it survives a reload) and sends it as soon as
   * it can. False if it is not a valid message (empty, too long, a file of the
   * wrong type or size).
   */
  async send(body: string, attachment?: File): Promise<boolean> {
    const entry: OutboxEntry = { clientId: crypto.randomUUID(), body: body.trim(), createdAt: new Date().toISOString() };
    if (attachment) entry.attachment = attachment;
    if ((!entry.body && !attachment) || !OutgoingMessage.safeParse(entry).success) return false;
    await this.#store.update('chat-outbox', (outbox = []) => [...outbox, entry]);
    void this.flush();
    return true;
  }

  /** Sends a failed message again. */
  retry(clientId: string): Promise<void> {
    this.#retrying.add(clientId);
    return this.flush();
  }

  /**
   * Sends the outbox in order, one message at a time, one tab at a time. A
   * message leaves the outbox only once the shop has stored it, so each is sent
   * until it arrives; its client id makes a resend harmless.
   */
  flush(): Promise<void> {
    this.#flushAgain = true;
    this.#flushing ??= (async () => {
      while (this.#flushAgain && this.#running) {
        this.#flushAgain = false;
        const blocked = await exclusively(`${this.#name}:send`, () => this.#flushOutbox());
        // Blocked by a failure: the next reason to try (online, retry, reconnect, a new message) starts
        // again. The connection coming back while the failing attempt was under way is one, not lost.
        if (blocked && !this.#woken) break;
      }
    })().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  /** The network, the tab or the stream is back: send now, even if an attempt is failing at this moment. */
  #flushNow(): void {
    this.#woken = true;
    void this.flush();
  }

  /** Fetches what the conversation gained after the last message held here. */
  sync(): Promise<void> {
    this.#syncAgain = true;
    this.#syncing ??= (async () => {
      while (this.#syncAgain && this.#running) {
        this.#syncAgain = false;
        await this.#syncHistory(this.#loaded);
      }
    })().finally(() => (this.#syncing = undefined));
    return this.#syncing;
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
    const [conversationId, outbox, read] = await Promise.all([
      this.#store.get('chat-conversation'),
      this.#store.get('chat-outbox'),
      this.#store.get('chat-read'),
    ]);
    if (!this.#running) return;
    this.#readSeq = read ?? 0;
    this.#setOutbox(outbox);
    this.#open(conversationId);
    if (this.#outbox.length) void this.flush();
  }

  /** Shows conversation `id` (none: `undefined`): loads its history, then joins the election for its stream. */
  #open(id: string | undefined, force = false): void {
    if (!force && (!this.#running || id === this.#conversationId)) return;
    this.#leave?.();
    this.#leave = undefined;
    this.#conversationId = id;
    this.#log.clear();
    this.#cursor = this.#seenSeq = 0;
    this.#loaded = false;
    this.#historyError = undefined;
    this.#setTyping(undefined);
    if (id && this.#running) {
      void this.#syncHistory(false).then(() => {
        if (this.#conversationId !== id || !this.#running) return;
        this.#leave = joinElection(`${this.#name}:stream:${id}`, () => {
          this.#leading = true;
          this.#connect();
          return () => {
            this.#leading = false;
            this.#disconnect();
            this.#setConnection('idle', false);
          };
        });
      });
    }
    this.#changed();
  }

  async #syncHistory(announce: boolean): Promise<void> {
    const id = this.#conversationId;
    if (!id) return;
    try {
      for (;;) {
        const after = this.#cursor;
        const { messages } = await request(this.#adapter, 'chat', ChatHistory, (chat, signal) => chat.history(id, { after }, { signal }));
        if (this.#conversationId !== id) return;
        this.#merge(messages, announce, true);
        this.#loaded = true;
        this.#needsSync = false;
        this.#historyError = undefined;
        if (messages.length < HISTORY_PAGE || this.#cursor <= after) break;
      }
    } catch (error) {
      if (this.#conversationId !== id) return;
      const failure = toAdapterError(error);
      // The shop no longer knows it (its data was reset): the next message starts a new one.
      if (failure.status === 404) return void this.#store.delete('chat-conversation');
      this.#historyError = failure;
      this.#needsSync = true;
    }
    this.#changed();
  }

  /** Subscribes to the stream from the last message held; the leader only. */
  #connect(): void {
    this.#disconnect();
    const id = this.#conversationId;
    const chat = this.#adapter?.chat;
    if (!this.#running || !id || !chat) return;
    const stream = { stop: () => {} };
    this.#stream = stream;
    const current = () => this.#stream === stream;
    try {
      stream.stop = chat.subscribe(
        id,
        { lastEventId: this.#cursor, onState: (state) => current() && this.#onStreamState(state) },
        (event) => current() && this.#receive(event, true),
      );
    } catch (error) {
      warnOnce(`the chat stream failed: ${error}`);
      this.#onStreamState('closed');
    }
  }

  #disconnect(): void {
    clearTimeout(this.#reconnectTimer);
    const stream = this.#stream;
    this.#stream = undefined;
    try {
      stream?.stop();
    } catch {
      // Already closed.
    }
  }

  #onStreamState(state: StreamState): void {
    // An open stream connecting again (an EventSource reconnects by itself) dropped: sync after the next `open`.
    if (state === 'connecting' && this.#connection === 'open') this.#needsSync = true;
    this.#setConnection(state, true);
    if (state === 'open') {
      this.#attempts = 0;
      if (this.#needsSync) void this.sync();
      this.#flushNow();
    } else if (state === 'closed') {
      // Whatever was said while the stream was down comes from the delta sync after the next `open`.
      this.#needsSync = true;
      this.#disconnect();
      const attempt = this.#attempts++;
      const delay = attempt === 0 ? 0 : Math.min(RECONNECT_MAX_MS, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
      this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
    }
  }

  #setConnection(state: Connection, broadcast: boolean): void {
    const wasOpen = this.#connection === 'open';
    this.#connection = state;
    if (broadcast && this.#conversationId && state !== 'idle') this.#post({ conversationId: this.#conversationId, state });
    // Another tab's stream came back: catch up on what it may not have relayed.
    if (!broadcast && state === 'open' && !wasOpen && this.#loaded) void this.sync();
    this.#changed();
  }

  /** An event from this tab's stream (relayed to the others) or from the leader's. Never trusted unparsed. */
  #receive(raw: unknown, fromStream: boolean): void {
    const result = ChatEvent.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
      warnOnce(`ignored an invalid chat event${where}: ${issue?.message}`);
      return;
    }
    const event = result.data;
    const conversationId = this.#conversationId;
    if (!conversationId) return;
    if (event.type === 'message' && event.message.conversationId !== conversationId) {
      warnOnce(`ignored a chat message for conversation ${event.message.conversationId}`);
      return;
    }
    if (fromStream) this.#post({ conversationId, event });
    if (event.type === 'message') {
      // The stream is complete after the point it resumed from; relayed events are once our history is.
      return this.#merge([event.message], true, fromStream || this.#loaded);
    }
    if (event.type === 'typing') this.#setTyping(event.active ? (event.authorName ?? '') : undefined);
    else if (event.type === 'status') this.#status = event.status;
    else this.#seenSeq = Math.max(this.#seenSeq, event.seq);
    this.#changed();
  }

  #fromTab(message: TabMessage): void {
    if (!this.#running || message?.conversationId !== this.#conversationId || this.#leading) return;
    if (message.state) this.#setConnection(message.state, false);
    else this.#receive(message.event, false);
  }

  #post(message: TabMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: this tab is going away.
    }
  }

  /** Adds messages in sequence order, once each. `advance`: they complete the history up to their sequence. */
  #merge(messages: readonly ChatMessage[], announce: boolean, advance: boolean): void {
    const added: ChatMessage[] = [];
    for (const message of messages) {
      if (message.conversationId !== this.#conversationId) continue;
      if (advance) this.#cursor = Math.max(this.#cursor, message.seq);
      if (!this.#log.add(message)) continue;
      added.push(message);
      if (message.author !== 'visitor') this.#setTyping(undefined);
    }
    if (announce) for (const message of added) this.#listeners.forEach((listener) => listener(message));
    // Stored (the stream or the history says so): no need to send it again.
    if (this.#outbox.some((entry) => this.#log.has(entry.clientId))) {
      void this.#store.update('chat-outbox', (outbox = []) => outbox.filter((entry) => !this.#log.has(entry.clientId)));
    }
    this.#changed();
  }

  #setOutbox(outbox: OutboxEntry[] | undefined): void {
    this.#outbox = outbox ?? [];
    for (const clientId of this.#failed) if (!this.#outbox.some((entry) => entry.clientId === clientId)) this.#failed.delete(clientId);
    this.#changed();
  }

  #setTyping(name: string | undefined): void {
    clearTimeout(this.#typingTimer);
    this.#typing = name;
    // A lost "stopped typing" event must not leave the indicator on forever.
    if (name !== undefined) this.#typingTimer = setTimeout(() => (this.#setTyping(undefined), this.#changed()), TYPING_TIMEOUT_MS);
  }

  /** Sends until the outbox is empty (false) or a failure blocks it (true). */
  async #flushOutbox(): Promise<boolean> {
    while (this.#running) {
      // Read inside the lock: another tab may have sent (and removed) the head already.
      const outbox = (await this.#store.get('chat-outbox')) ?? [];
      const entry = outbox.find((candidate) => !candidate.rejected || this.#retrying.has(candidate.clientId));
      if (!entry) return false;
      this.#retrying.delete(entry.clientId);
      this.#failed.delete(entry.clientId);
      this.#woken = false;
      this.#changed();
      const { clientId, body, attachment } = entry;
      try {
        const conversationId = await this.#ensureConversation();
        const message = await request(this.#adapter, 'chat', ChatMessage, (chat, signal) =>
          chat.send(conversationId, { clientId, body, ...(attachment && { attachment }) }, { signal }),
        );
        this.#merge([message], true, false);
        await this.#store.update('chat-outbox', (current = []) => current.filter((candidate) => candidate.clientId !== clientId));
      } catch (error) {
        const failure = toAdapterError(error);
        // No network: the message waits for it. Anything else: shown as not sent, with a retry.
        if (failure.kind !== 'network') this.#failed.add(clientId);
        this.#changed();
        // Later messages wait behind one that may still go through, so the order holds.
        if (failure.retryable) return true;
        await this.#store.update('chat-outbox', (current = []) =>
          current.map((candidate) => (candidate.clientId === clientId ? { ...candidate, rejected: true } : candidate)),
        );
      }
    }
    return false;
  }

  /** The conversation to send to, started first if there is none (inside the send lock: one per browser). */
  async #ensureConversation(): Promise<string> {
    const stored = await this.#store.get('chat-conversation');
    if (stored) return stored;
    const visitor = { ...this.#visitor(), ...this.#prechat };
    const conversation = await request(this.#adapter, 'chat', Conversation, (chat, signal) => chat.start(visitor, { signal }));
    await this.#store.set('chat-read', 0);
    await this.#store.set('chat-conversation', conversation.id);
    return conversation.id;
  }

  #changed(): void {
    this.#listeners.forEach((listener) => listener());
  }
}
