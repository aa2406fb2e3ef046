/**
 * The outbox: what the shopper wrote, kept in the store until the shop has
 * stored it (so a reload or a lost connection loses nothing), sent in order,
 * one message at a time and one tab at a time. A message's client id makes a
 * resend harmless.
 */
import {
  ChatMessage,
  Conversation,
  OutgoingMessage,
  getRuntime,
  request,
  toAdapterError,
  type StoreKey,
  type Visitor,
} from '@shopfront/core';
import type { ChatContext, ChatItem, OutboxEntry } from './chat-client.js';
import { exclusively } from './tab-leader.js';

/**
 * The ids of the products the shopper viewed (recently viewed's history, newest first), for the shop's
 * agents; only with their consent: a shop that asks for it (`consent: 'required'`) gets none until granted.
 * Opening the chat allows keeping the conversation, not sharing what they browsed.
 */
async function viewedWithConsent(chat: ChatContext): Promise<string[] | undefined> {
  if (getRuntime().settings.consent === 'required') return undefined;
  const history = (await chat.store.get('recently-viewed' as StoreKey)) as Array<{ id: string }> | undefined;
  return (history ?? []).slice(0, 20).map((entry) => entry.id);
}

/**
 * The page the shopper writes from, for the agent's sidebar; only an http(s) address the server accepts
 * (a `file:` or `about:srcdoc` page, or one past 2,048 characters, sends none, rather than a message the
 * server must refuse). The fragment stays in the browser.
 */
function shopperPage(): string | undefined {
  const { protocol, href, hash } = location;
  const page = hash ? href.slice(0, -hash.length) : href;
  return (protocol === 'https:' || protocol === 'http:') && page.length <= 2048 ? page : undefined;
}

export class Outbox {
  entries: OutboxEntry[] = [];
  /** Client ids whose last send failed, and those the shopper asked to retry. */
  readonly #failed = new Set<string>();
  readonly #retrying = new Set<string>();
  #prechat: Visitor = {};
  #flushing?: Promise<void>;
  #flushAgain = false;
  /** The network, the tab or the stream came back while the latest send attempt was under way. */
  #woken = false;

  readonly #chat: ChatContext;
  /** Who is chatting, read when the first message starts a conversation. */
  readonly #visitor: () => Visitor;

  constructor(chat: ChatContext, visitor: () => Visitor) {
    this.#chat = chat;
    this.#visitor = visitor;
  }

  /** Messages not yet stored by the shop, in the order they were written. */
  get waiting(): ChatItem[] {
    return this.entries
      .filter((entry) => !this.#chat.log.has(entry.clientId))
      .map((entry) => ({
        clientId: entry.clientId,
        author: 'visitor',
        body: entry.body,
        fileName: entry.attachment?.name,
        createdAt: entry.createdAt,
        delivery: entry.rejected || this.#failed.has(entry.clientId) ? 'failed' : 'sending',
      }));
  }

  /** The stored outbox changed (here or in another tab). */
  set(entries: OutboxEntry[] | undefined): void {
    this.entries = entries ?? [];
    for (const clientId of this.#failed) if (!this.entries.some((entry) => entry.clientId === clientId)) this.#failed.delete(clientId);
    this.#chat.changed();
  }

  /** Messages the conversation now holds need no sending: they leave the stored outbox. */
  dropStored(): void {
    const { log, store } = this.#chat;
    if (this.entries.some((entry) => log.has(entry.clientId)))
      void store.update('chat-outbox', (outbox = []) => outbox.filter((entry) => !log.has(entry.clientId)));
  }

  /** Starts the conversation as `visitor` (the pre-chat form); if that fails, the first message starts it. */
  async begin(visitor: Visitor): Promise<void> {
    this.#prechat = visitor;
    try {
      await exclusively(`${this.#chat.name}:send`, () => this.#ensureConversation());
    } catch {
      // Offline: the outbox starts it with this visitor when it sends.
    }
  }

  /** Keeps `body` (and `attachment`) in the outbox and sends it when it can; false if it is no valid message. */
  async send(body: string, attachment?: File): Promise<boolean> {
    const entry: OutboxEntry = { clientId: crypto.randomUUID(), body: body.trim(), createdAt: new Date().toISOString() };
    if (attachment) entry.attachment = attachment;
    if ((!entry.body && !attachment) || !OutgoingMessage.safeParse(entry).success) return false;
    await this.#chat.store.update('chat-outbox', (outbox = []) => [...outbox, entry]);
    void this.flush();
    return true;
  }

  /** Sends a failed message again. */
  retry(clientId: string): Promise<void> {
    this.#retrying.add(clientId);
    return this.flush();
  }

  /** Sends what waits, in order; a flush asked for meanwhile runs after it. */
  flush(): Promise<void> {
    this.#flushAgain = true;
    this.#flushing ??= (async () => {
      while (this.#flushAgain && this.#chat.running()) {
        this.#flushAgain = false;
        const blocked = await exclusively(`${this.#chat.name}:send`, () => this.#flushOutbox());
        // Blocked by a failure: the next reason to try (online, retry, reconnect, a new message) starts
        // again. The connection coming back while the failing attempt was under way is one, not lost.
        if (blocked && !this.#woken) break;
      }
    })().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  /** The network, the tab or the stream is back: send now, even if an attempt is failing at this moment. */
  flushNow(): void {
    this.#woken = true;
    void this.flush();
  }

  /** Sends until the outbox is empty (false) or a failure blocks it (true). */
  async #flushOutbox(): Promise<boolean> {
    const chat = this.#chat;
    while (chat.running()) {
      // Read inside the lock: another tab may have sent (and removed) the head already.
      const outbox = (await chat.store.get('chat-outbox')) ?? [];
      const entry = outbox.find((candidate) => !candidate.rejected || this.#retrying.has(candidate.clientId));
      if (!entry) return false;
      this.#retrying.delete(entry.clientId);
      this.#failed.delete(entry.clientId);
      this.#woken = false;
      chat.changed();
      const { clientId, body, attachment } = entry;
      try {
        const conversationId = await this.#ensureConversation();
        const message = await request(chat.adapter(), 'chat', ChatMessage, (capability, signal) =>
          capability.send(conversationId, { clientId, body, page: shopperPage(), ...(attachment && { attachment }) }, { signal }),
        );
        chat.merge([message], true, false);
        await chat.store.update('chat-outbox', (current = []) => current.filter((candidate) => candidate.clientId !== clientId));
      } catch (error) {
        const failure = toAdapterError(error);
        // No network: the message waits for it. Anything else: shown as not sent, with a retry.
        if (failure.kind !== 'network') this.#failed.add(clientId);
        chat.changed();
        // Later messages wait behind one that may still go through, so the order holds.
        if (failure.retryable) return true;
        await chat.store.update('chat-outbox', (current = []) =>
          current.map((candidate) => (candidate.clientId === clientId ? { ...candidate, rejected: true } : candidate)),
        );
      }
    }
    return false;
  }

  /** The conversation to send to, started first if there is none (inside the send lock: one per browser). */
  async #ensureConversation(): Promise<string> {
    const { store } = this.#chat;
    const stored = await store.get('chat-conversation');
    if (stored) return stored;
    const visitor = { ...this.#visitor(), ...this.#prechat, page: shopperPage(), viewed: await viewedWithConsent(this.#chat) };
    const conversation = await request(this.#chat.adapter(), 'chat', Conversation, (chat, signal) => chat.start(visitor, { signal }));
    await store.set('chat-read', 0);
    await store.set('chat-conversation', conversation.id);
    return conversation.id;
  }
}
