/**
 * Catching up with the shop: the conversation's history from the last message
 * held here (a delta, page by page), one sync at a time, again whenever the
 * stream may have missed something.
 */
import { ChatHistory, request, toAdapterError, type AdapterError } from '@shopfront/core';
import type { ChatContext } from './chat-client.js';

/** `ChatHistory` holds at most this many messages: a full page means there may be more. */
const HISTORY_PAGE = 1000;

export class HistorySync {
  /** History up to here is complete: the point to resume the stream and sync from. */
  cursor = 0;
  /** The history has loaded once for this conversation. */
  loaded = false;
  /** Something may have been said while the stream was down. */
  needed = false;
  /** Set while the conversation could not be loaded; cleared by the next successful sync. */
  error?: AdapterError;
  #syncing?: Promise<void>;
  #again = false;

  readonly #chat: ChatContext;

  constructor(chat: ChatContext) {
    this.#chat = chat;
  }

  /** Another conversation: nothing of it is here yet. */
  reset(): void {
    this.cursor = 0;
    this.loaded = false;
    this.error = undefined;
  }

  /** Fetches what the conversation gained after the last message held here; a sync asked for meanwhile runs after it. */
  sync(): Promise<void> {
    this.#again = true;
    this.#syncing ??= (async () => {
      while (this.#again && this.#chat.running()) {
        this.#again = false;
        await this.load(this.loaded);
      }
    })().finally(() => (this.#syncing = undefined));
    return this.#syncing;
  }

  /** Loads the history after `cursor`, page by page; `announce`: its messages are news (not a restore). */
  async load(announce: boolean): Promise<void> {
    const chat = this.#chat;
    const id = chat.conversationId();
    if (!id) return;
    try {
      for (;;) {
        const after = this.cursor;
        const { messages } = await request(chat.adapter(), 'chat', ChatHistory, (capability, signal) =>
          capability.history(id, { after }, { signal }),
        );
        if (chat.conversationId() !== id) return;
        chat.merge(messages, announce, true);
        this.loaded = true;
        this.needed = false;
        this.error = undefined;
        if (messages.length < HISTORY_PAGE || this.cursor <= after) break;
      }
    } catch (error) {
      if (chat.conversationId() !== id) return;
      const failure = toAdapterError(error);
      // The shop no longer knows it (its data was reset): the next message starts a new one.
      if (failure.status === 404) return void chat.store.delete('chat-conversation');
      this.error = failure;
      this.needed = true;
    }
    chat.changed();
  }
}
