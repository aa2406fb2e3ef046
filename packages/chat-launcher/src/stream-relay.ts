/**
 * One live stream per browser: the tab that wins the election (Web Locks)
 * holds the conversation's stream, reconnects it with backoff, and relays what
 * it hears to the other tabs over a BroadcastChannel. Nothing it hears is
 * trusted unparsed.
 */
import { ChatEvent, warnOnce, type StreamState } from '@shopfront/core';
import type { ChatContext, Connection } from './chat-client.js';
import type { HistorySync } from './history-sync.js';
import { joinElection } from './tab-leader.js';

type TabMessage = { conversationId: string; event?: unknown; state?: StreamState };

/** What the stream delivers besides messages: typing, status and read receipts. */
export type SideEvent = Exclude<ChatEvent, { type: 'message' }>;

const RECONNECT_MAX_MS = 30_000;

export class StreamRelay {
  /** The stream's state, as the tab that holds it reports it. */
  connection: Connection = 'idle';
  /** Whether this tab holds the stream. */
  leading = false;
  #channel?: BroadcastChannel;
  #leave?: () => void;
  #stream?: { stop: () => void };
  #attempts = 0;
  #reconnectTimer?: ReturnType<typeof setTimeout>;

  readonly #chat: ChatContext;
  readonly #history: HistorySync;
  readonly #onEvent: (event: SideEvent) => void;
  /** The stream is open: what waits in the outbox can go. */
  readonly #onOpen: () => void;

  constructor(chat: ChatContext, history: HistorySync, onEvent: (event: SideEvent) => void, onOpen: () => void) {
    this.#chat = chat;
    this.#history = history;
    this.#onEvent = onEvent;
    this.#onOpen = onOpen;
  }

  /** Listens to the other tabs. */
  start(): void {
    if (typeof BroadcastChannel !== 'function') return;
    const channel = (this.#channel = new BroadcastChannel(this.#chat.name));
    channel.onmessage = (event: MessageEvent<TabMessage>) => this.#fromTab(event.data);
  }

  stop(): void {
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Joins the election for conversation `id`'s stream; the winner connects. */
  join(id: string): void {
    this.#leave = joinElection(`${this.#chat.name}:stream:${id}`, () => {
      this.leading = true;
      this.#connect();
      return () => {
        this.leading = false;
        this.#disconnect();
        this.#setConnection('idle', false);
      };
    });
  }

  /** Leaves the election (and the stream, if this tab held it). */
  leave(): void {
    this.#leave?.();
    this.#leave = undefined;
  }

  /** The network or the tab is back: reconnect at once if the stream is down. */
  wake(): void {
    if (!this.leading || this.#stream) return;
    this.#attempts = 0;
    this.#connect();
  }

  /** Subscribes to the stream from the last message held; the leader only. */
  #connect(): void {
    this.#disconnect();
    const chat = this.#chat;
    const id = chat.conversationId();
    const capability = chat.adapter()?.chat;
    if (!chat.running() || !id || !capability) return;
    const stream = { stop: () => {} };
    this.#stream = stream;
    const current = () => this.#stream === stream;
    try {
      stream.stop = capability.subscribe(
        id,
        { lastEventId: this.#history.cursor, onState: (state) => current() && this.#onStreamState(state) },
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
    const history = this.#history;
    // An open stream connecting again (an EventSource reconnects by itself) dropped: sync after the next `open`.
    if (state === 'connecting' && this.connection === 'open') history.needed = true;
    this.#setConnection(state, true);
    if (state === 'open') {
      this.#attempts = 0;
      if (history.needed) void history.sync();
      this.#onOpen();
    } else if (state === 'closed') {
      // Whatever was said while the stream was down comes from the delta sync after the next `open`.
      history.needed = true;
      this.#disconnect();
      const attempt = this.#attempts++;
      const delay = attempt === 0 ? 0 : Math.min(RECONNECT_MAX_MS, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
      this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
    }
  }

  #setConnection(state: Connection, broadcast: boolean): void {
    const wasOpen = this.connection === 'open';
    const conversationId = this.#chat.conversationId();
    this.connection = state;
    if (broadcast && conversationId && state !== 'idle') this.#post({ conversationId, state });
    // Another tab's stream came back: catch up on what it may not have relayed.
    if (!broadcast && state === 'open' && !wasOpen && this.#history.loaded) void this.#history.sync();
    this.#chat.changed();
  }

  /** An event from this tab's stream (relayed to the others) or from the leader's. */
  #receive(raw: unknown, fromStream: boolean): void {
    const result = ChatEvent.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
      warnOnce(`ignored an invalid chat event${where}: ${issue?.message}`);
      return;
    }
    const event = result.data;
    const conversationId = this.#chat.conversationId();
    if (!conversationId) return;
    if (event.type === 'message' && event.message.conversationId !== conversationId) {
      warnOnce(`ignored a chat message for conversation ${event.message.conversationId}`);
      return;
    }
    if (fromStream) this.#post({ conversationId, event });
    // The stream is complete after the point it resumed from; relayed events are once our history is.
    if (event.type === 'message') this.#chat.merge([event.message], true, fromStream || this.#history.loaded);
    else this.#onEvent(event);
  }

  #fromTab(message: TabMessage): void {
    if (!this.#chat.running() || message?.conversationId !== this.#chat.conversationId() || this.leading) return;
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
}
