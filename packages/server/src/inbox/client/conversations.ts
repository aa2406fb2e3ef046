/**
 * The conversations tab: the team's conversations filtered by status and whose, updating live; one
 * thread at a time with its shopper beside it, assignment, snooze and resolve, replies and typing.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { MAX_LENGTH, type ChatMessage } from '@shopfront/core/schemas.js';
import type { AgentList, ConversationRecord, ConversationSummary, StatusChange } from '../wire.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { fillPlaceholders, placeholderValues } from '../placeholders.js';
import { matches, renderFilters, type ListFilter } from './filters.js';
import { time, type InboxHost } from './host.js';
import { ReplyPicker } from './reply-picker.js';
import { ShopperPanel } from './shopper.js';
import { renderThreadControls } from './thread-controls.js';

/** Tell the shopper the agent is typing at most this often. */
const TYPING_EVERY_MS = 3000;
/** A shopper's "typing" lasts this long unless told again (their widget says it every 3 s while they type). */
const SHOPPER_TYPING_MS = 6000;

export class ConversationsTab implements ReactiveController {
  conversations: ConversationSummary[] = [];
  selectedId?: string;
  /** The open thread's conversation as the server last sent it (it may be a closed one, opened from the sidebar). */
  selected?: ConversationRecord;
  messages: ChatMessage[] = [];
  readonly shopper: ShopperPanel;
  filter: ListFilter = { status: 'open', assignee: 'all' };
  agents: AgentList['agents'] = [];
  /** The signed-in agent, for "mine". */
  agentId?: string;
  /** Whether this tab of the inbox is the one shown (set by the page). */
  shown = true;
  #lastTyping = 0;
  /** Conversations whose shopper is typing, and until when. */
  readonly #shopperTyping = new Map<string, number>();
  #scrollToEnd = false;

  constructor(private readonly host: InboxHost) {
    host.addController(this);
    this.shopper = new ShopperPanel(host);
    this.#picker = new ReplyPicker(
      () => host.savedReplies(),
      (text) => fillPlaceholders(text, placeholderValues(this.shopper.context, host.names.agent, host.names.shop)),
      () => host.requestUpdate(),
    );
  }

  readonly #picker: ReplyPicker;
  #replyField = () => this.host.renderRoot.querySelector<HTMLTextAreaElement>('#reply-body');

  hostUpdated(): void {
    if (!this.#scrollToEnd) return;
    this.#scrollToEnd = false;
    const list = this.host.renderRoot.querySelector('.messages');
    list?.scrollTo({ top: list.scrollHeight });
  }

  #setMessages(messages: ChatMessage[]): void {
    this.messages = messages;
    this.#scrollToEnd = true;
    this.host.requestUpdate();
  }

  async load(): Promise<void> {
    const [{ conversations }, { agents }] = await Promise.all([
      this.host.api.conversations(this.filter.status, this.filter.assignee),
      this.host.api.agents(),
    ]);
    this.conversations = conversations;
    this.agents = agents;
    this.host.requestUpdate();
    if (this.selectedId) await this.open(this.selectedId);
  }

  /**
   * Shows a conversation: all of it, page after page. Opened again (after a
   * dropped connection, say) it reads only what came after the last message
   * it has.
   */
  open(id: string): Promise<void> {
    return this.host.run(async () => {
      const known = id === this.selectedId ? this.messages : [];
      if (id !== this.selectedId) this.selected = undefined;
      this.selectedId = id;
      if (!known.length) this.#setMessages([]);
      // Beside the history, not after it; its failure is shown once the history is in.
      const shopper = this.shopper.load(id).then(
        () => undefined,
        (error: unknown) => error,
      );
      let after = known.at(-1)?.seq ?? 0;
      for (;;) {
        const { conversation, messages } = await this.host.api.history(id, after);
        if (id !== this.selectedId) return;
        this.selected = conversation;
        if (!messages.length) break;
        this.#merge(messages);
        after = messages.at(-1)!.seq;
      }
      const last = this.messages.at(-1);
      if (last) await this.#markRead(id, last.seq);
      const failed = await shopper;
      if (failed) throw failed;
    });
  }

  /** The agent looks at the open thread again (its tab shown, the window in front): what arrived meanwhile is read. */
  seen(): void {
    const last = this.messages.at(-1);
    if (this.shown && this.selectedId && last && document.visibilityState === 'visible') void this.#markRead(this.selectedId, last.seq);
  }

  /** Adds messages not shown yet, in sequence order. */
  #merge(messages: ChatMessage[]): void {
    const known = new Set(this.messages.map((message) => message.id));
    const fresh = messages.filter((message) => !known.has(message.id));
    if (fresh.length) this.#setMessages([...this.messages, ...fresh].sort((a, b) => a.seq - b.seq));
  }

  /** A message from the live connection. */
  onMessage(message: ChatMessage): void {
    if (message.author === 'visitor') this.#shopperTyping.delete(message.conversationId);
    if (message.conversationId !== this.selectedId) return;
    this.#merge([message]);
    if (message.author !== 'visitor') return;
    // Read only when seen: with another tab of the inbox or another window in front, it stays unread.
    if (this.shown && document.visibilityState === 'visible') void this.#markRead(message.conversationId, message.seq);
    // The shopper wrote from somewhere: the sidebar's "on now" follows.
    void this.host.run(() => this.shopper.load(message.conversationId));
  }

  /** The shopper is typing in a conversation, or stopped; shown with its thread, for a few seconds unless told again. */
  onTyping(conversationId: string, active: boolean): void {
    if (active) {
      this.#shopperTyping.set(conversationId, Date.now() + SHOPPER_TYPING_MS);
      setTimeout(() => this.host.requestUpdate(), SHOPPER_TYPING_MS + 50);
    } else this.#shopperTyping.delete(conversationId);
    this.host.requestUpdate();
  }

  /** A conversation that changed: to the top while it passes the filter, out of the list once it does not. */
  onConversation(conversation: ConversationSummary): void {
    const known = this.conversations.find((candidate) => candidate.id === conversation.id);
    const others = this.conversations.filter((candidate) => candidate !== known);
    // A status or assignment change carries no last message: keep the one the list shows.
    const updated = { ...conversation, lastMessage: conversation.lastMessage ?? known?.lastMessage };
    this.conversations = matches(updated, this.filter, this.agentId) ? [updated, ...others] : others;
    if (conversation.id === this.selectedId) this.selected = updated;
    this.host.requestUpdate();
  }

  #setFilter = (filter: ListFilter): void => {
    this.filter = filter;
    void this.host.run(() => this.load());
  };

  #change(action: () => Promise<{ conversation?: ConversationRecord }>): void {
    void this.host.run(async () => {
      const { conversation } = await action();
      if (conversation) this.onConversation(conversation);
    });
  }

  #actions = {
    assign: (agentId: string | null) => this.#change(() => this.host.api.assign(this.selectedId!, agentId)),
    setStatus: (change: StatusChange) => this.#change(() => this.host.api.setConversationStatus(this.selectedId!, change)),
  };

  async #markRead(id: string, seq: number): Promise<void> {
    await this.host.api.markRead(id, seq);
    this.conversations = this.conversations.map((conversation) =>
      conversation.id === id ? { ...conversation, agentReadSeq: Math.max(conversation.agentReadSeq, seq) } : conversation,
    );
    this.host.requestUpdate();
  }

  #onReply = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('body') as HTMLTextAreaElement;
    const body = field.value.trim();
    const id = this.selectedId;
    if (!body || !id) return;
    void this.host.run(async () => {
      const message = await this.host.api.reply(id, body);
      field.value = '';
      this.#merge([message]);
      void this.host.api.typing(id, false).catch(() => undefined);
    });
  };

  #onReplyInput = (event: Event): void => {
    this.#picker.onInput(event.target as HTMLTextAreaElement);
    const id = this.selectedId;
    if (!id || Date.now() - this.#lastTyping < TYPING_EVERY_MS) return;
    this.#lastTyping = Date.now();
    void this.host.api.typing(id, true).catch(() => undefined);
  };

  #onReplyKeydown = (event: KeyboardEvent): void => {
    // While saved replies are listed, Enter inserts one: it never sends.
    if (this.#picker.onKeydown(event, event.target as HTMLTextAreaElement)) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  render() {
    return html`<div class="conversations">
      ${this.#renderList()} ${this.#renderThread()} ${this.selectedId ? this.shopper.render() : nothing}
    </div>`;
  }

  #renderList() {
    const filters = renderFilters(this.filter, this.#setFilter);
    if (this.conversations.length === 0)
      return html`<div>
        ${filters}
        <p class="empty">No conversations here.</p>
      </div>`;
    return html`<div>
      ${filters}
      <ul class="list" aria-label="Conversations">
        ${repeat(
          this.conversations,
          // Keyed, so a row stays its conversation's as the list reorders live: focus and a click in flight follow it.
          (conversation) => conversation.id,
          (conversation) => {
            const unread = Math.max(0, conversation.lastSeq - conversation.agentReadSeq);
            return html`<li>
              <button
                type="button"
                aria-current=${conversation.id === this.selectedId ? 'true' : 'false'}
                @click=${() => this.open(conversation.id)}
              >
                <strong>${conversation.visitorName || conversation.visitorEmail || 'Visitor'}</strong>
                <span class="preview">${conversation.lastMessage?.body ?? ''}</span>
                <span class="meta"
                  >${time(conversation.updatedAt)} ${unread ? html`<span class="unread">· ${unread} new</span>` : nothing}
                  ${conversation.assigneeId ? html`· ${this.#agentName(conversation.assigneeId)}` : nothing}</span
                >
              </button>
            </li>`;
          },
        )}
      </ul>
    </div>`;
  }

  #agentName(id: string): string {
    return id === this.agentId ? 'you' : (this.agents.find((agent) => agent.id === id)?.name ?? 'an agent');
  }

  #renderThread() {
    if (!this.selectedId) return html`<p class="empty">Pick a conversation.</p>`;
    const selected = this.conversations.find((conversation) => conversation.id === this.selectedId) ?? this.selected;
    const picker = this.#picker.fieldAttributes();
    const name = selected?.visitorName || selected?.visitorEmail || 'Visitor';
    const typing = (this.#shopperTyping.get(this.selectedId) ?? 0) > Date.now();
    return html`<section class="thread" aria-label="Conversation">
      <div class="thread-head">
        <strong>${name}</strong>
        ${
          selected?.rating
            ? html`<span class="meta rated"
                >Rated ${selected.rating} / 5${selected.ratingComment ? `: “${selected.ratingComment}”` : ''}</span
              >`
            : nothing
        }
        ${selected ? renderThreadControls(selected, this.agents, this.#actions) : nothing}
      </div>
      <ol class="messages" aria-live="polite">
        ${this.messages.map(
          (message) =>
            html`<li class="message ${message.author}">
              <span class="meta"
                >${message.author === 'agent' ? (message.authorName ?? 'Agent') : message.author === 'visitor' ? 'Visitor' : 'System'} ·
                ${time(message.createdAt)}</span
              >
              ${message.body}
              ${
                message.attachment
                  ? html`<a href=${message.attachment.url} target="_blank" rel="noopener noreferrer"
                      >${message.attachment.name || 'Attachment'}</a
                    >`
                  : nothing
              }
            </li>`,
        )}
      </ol>
      <p class="meta typing" role="status">${typing ? `${name} is typing…` : ''}</p>
      <form class="reply" @submit=${this.#onReply}>
        <label class="sr-only" for="reply-body">Reply</label>
        <textarea
          id="reply-body"
          name="body"
          maxlength=${MAX_LENGTH.chatMessage}
          required
          aria-describedby="reply-hint"
          aria-controls=${ifDefined(picker.controls)}
          aria-activedescendant=${ifDefined(picker.active)}
          @input=${this.#onReplyInput}
          @keydown=${this.#onReplyKeydown}
          @blur=${() => {
            this.#picker.close();
            this.host.requestUpdate();
          }}
        ></textarea>
        <button class="primary" type="submit">Send</button>
        <p id="reply-hint" class="meta">Enter sends; type / for a saved reply.</p>
        ${this.#picker.render(this.#replyField)}
      </form>
    </section>`;
  }
}
