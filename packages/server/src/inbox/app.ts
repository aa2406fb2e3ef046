/**
 * The agent inbox page: open conversations updating live, replies, availability,
 * emails left while away, and review moderation. Runs in the browser (bundled by
 * esbuild); all text from shoppers renders through Lit bindings, as text.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hostStyles } from '@shopfront/core';
import { ChatMessage, ChatStatus, type ChatMessage as Message, type ChatStatus as Status } from '@shopfront/core/schemas.js';

interface Settings {
  csrf: string;
  agent: { name: string; email: string };
  shop: { name: string };
}

interface ConversationSummary {
  id: string;
  status: 'open' | 'closed';
  visitorName?: string;
  visitorEmail?: string;
  customerId?: string;
  lastSeq: number;
  agentReadSeq: number;
  updatedAt: string;
  lastMessage?: Message;
}

interface LeftEmail {
  id: string;
  email: string;
  message?: string;
  conversationId?: string;
  createdAt: string;
}

interface ModerationReview {
  id: string;
  productId: string;
  productTitle?: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email?: string;
  status: 'pending' | 'published' | 'rejected';
  createdAt: string;
  photos: Array<{ url: string; alt?: string }>;
  reply?: { body: string } | null;
}

type Availability = 'auto' | 'available' | 'away';
type Tab = 'conversations' | 'emails' | 'reviews';

function readSettings(): Settings {
  const element = document.getElementById('inbox-settings');
  return JSON.parse(element?.textContent ?? '{}') as Settings;
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

@customElement('sf-inbox-app')
export class SfInboxApp extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr;
        min-block-size: 100vh;
        background: var(--_surface-alt);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) * 4);
        padding: calc(var(--_space) * 3) calc(var(--_space) * 5);
        background: var(--_surface);
        border-block-end: 1px solid var(--_border);
      }
      h1 {
        font-size: 1.1rem;
        margin: 0;
        flex: 1;
      }
      .pill {
        padding: 0.1rem 0.6rem;
        border-radius: 999px;
        font-size: 0.85rem;
        background: var(--_surface-alt);
      }
      .pill.online {
        background: color-mix(in srgb, var(--_success) 20%, transparent);
      }
      button,
      select,
      textarea,
      input {
        font: inherit;
        color: inherit;
      }
      button {
        cursor: pointer;
        border: 1px solid var(--_border);
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: 0.35rem 0.8rem;
      }
      button.primary {
        background: var(--_accent);
        color: var(--_on-accent);
        border-color: transparent;
      }
      button:focus-visible,
      select:focus-visible,
      textarea:focus-visible {
        outline: var(--_focus-ring);
        outline-offset: 2px;
      }
      [role='tablist'] {
        display: flex;
        gap: calc(var(--_space) * 2);
        padding: calc(var(--_space) * 2) calc(var(--_space) * 5);
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      .panel {
        padding: 0 calc(var(--_space) * 5) calc(var(--_space) * 5);
        min-block-size: 0;
      }
      .conversations {
        display: grid;
        grid-template-columns: minmax(14rem, 22rem) 1fr;
        gap: calc(var(--_space) * 4);
        block-size: 100%;
      }
      .list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) * 2);
        align-content: start;
      }
      .list button {
        inline-size: 100%;
        text-align: start;
        display: grid;
        gap: 0.1rem;
      }
      .list button[aria-current='true'] {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .preview {
        color: var(--_text-muted);
        font-size: 0.85rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .unread {
        font-weight: 700;
        color: var(--_accent);
      }
      .thread {
        display: grid;
        grid-template-rows: auto 1fr auto;
        gap: calc(var(--_space) * 3);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 4);
        min-block-size: 24rem;
      }
      .thread-head {
        display: flex;
        gap: calc(var(--_space) * 3);
        align-items: center;
        justify-content: space-between;
      }
      .messages {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: calc(var(--_space) * 2);
        overflow-y: auto;
        max-block-size: 60vh;
      }
      .message {
        max-inline-size: 75%;
        padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
        border-radius: var(--_radius);
        background: var(--_surface-alt);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .message.agent {
        align-self: flex-end;
        background: color-mix(in srgb, var(--_accent) 15%, var(--_surface));
      }
      .meta {
        display: block;
        font-size: 0.75rem;
        color: var(--_text-muted);
      }
      form.reply {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: calc(var(--_space) * 2);
        align-items: end;
      }
      textarea {
        inline-size: 100%;
        box-sizing: border-box;
        min-block-size: 4rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        background: var(--_surface);
      }
      .card {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 4);
        display: grid;
        gap: calc(var(--_space) * 2);
        overflow-wrap: anywhere;
      }
      .cards {
        display: grid;
        gap: calc(var(--_space) * 3);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .actions {
        display: flex;
        gap: calc(var(--_space) * 2);
        flex-wrap: wrap;
      }
      .photos img {
        inline-size: 6rem;
        block-size: auto;
        border-radius: 4px;
      }
      .empty {
        color: var(--_text-muted);
      }
      .error {
        color: var(--_danger);
      }
      .sr-only {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    `,
  ];

  readonly #settings = readSettings();
  #events?: EventSource;
  #streamFailed = false;
  #lastTyping = 0;

  @state() private tab: Tab = 'conversations';
  @state() private conversations: ConversationSummary[] = [];
  @state() private selectedId?: string;
  @state() private messages: Message[] = [];
  @state() private emails: LeftEmail[] = [];
  @state() private reviews: ModerationReview[] = [];
  @state() private reviewFilter: ModerationReview['status'] = 'pending';
  @state() private availability: Availability = 'auto';
  @state() private status?: Status;
  @state() private live = false;
  @state() private error = '';

  constructor() {
    super();
    // The live connection follows the element: open while it is in the page.
    this.addController({
      hostConnected: () => {
        void this.refreshAll();
        this.#connect();
      },
      hostDisconnected: () => this.#events?.close(),
    });
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('messages')) {
      const list = this.renderRoot.querySelector('.messages');
      list?.scrollTo({ top: list.scrollHeight });
    }
  }

  async #api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`/inbox/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.method && init.method !== 'GET' ? { 'X-CSRF-Token': this.#settings.csrf } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      location.assign('/inbox/login');
      throw new Error('Signed out');
    }
    const data = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
    if (!response.ok) throw new Error(data.error?.message ?? `The server answered ${response.status}.`);
    return data;
  }

  async #run(action: () => Promise<unknown>): Promise<void> {
    try {
      this.error = '';
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private refreshAll(): Promise<void> {
    return this.#run(async () => {
      const me = await this.#api<{ agent: { availability: Availability }; status: Status }>('/me');
      this.availability = me.agent.availability;
      this.status = me.status;
      await Promise.all([this.loadConversations(), this.loadEmails(), this.loadReviews()]);
      if (this.selectedId) await this.openConversation(this.selectedId);
    });
  }

  private async loadConversations(): Promise<void> {
    const { conversations } = await this.#api<{ conversations: ConversationSummary[] }>('/conversations?status=open');
    this.conversations = conversations;
  }

  private async loadEmails(): Promise<void> {
    this.emails = (await this.#api<{ emails: LeftEmail[] }>('/emails')).emails;
  }

  private async loadReviews(): Promise<void> {
    this.reviews = (await this.#api<{ reviews: ModerationReview[] }>(`/reviews?status=${this.reviewFilter}`)).reviews;
  }

  /** The live connection: while it is open this agent counts as present for the shop's chat. */
  #connect(): void {
    const events = new EventSource('/inbox/api/events');
    this.#events = events;
    events.onopen = () => {
      this.live = true;
      // After a drop, what happened meanwhile is read again rather than replayed.
      if (this.#streamFailed) void this.refreshAll();
      this.#streamFailed = false;
    };
    events.onerror = () => {
      this.live = false;
      this.#streamFailed = true;
    };
    events.onmessage = (event: MessageEvent<string>) => this.#onEvent(JSON.parse(event.data) as { type: string; [key: string]: unknown });
  }

  #onEvent(event: { type: string; [key: string]: unknown }): void {
    switch (event.type) {
      case 'status': {
        const parsed = ChatStatus.safeParse(event.status);
        if (parsed.success) this.status = parsed.data;
        break;
      }
      case 'message': {
        const parsed = ChatMessage.safeParse(event.message);
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.conversationId === this.selectedId && !this.messages.some((known) => known.id === message.id)) {
          this.messages = [...this.messages, message].sort((a, b) => a.seq - b.seq);
          if (message.author === 'visitor') void this.#markRead(message.conversationId, message.seq);
        }
        break;
      }
      case 'conversation': {
        const conversation = event.conversation as ConversationSummary;
        const others = this.conversations.filter((known) => known.id !== conversation.id);
        this.conversations = conversation.status === 'open' ? [conversation, ...others] : others;
        break;
      }
      case 'email':
        this.emails = [event.email as LeftEmail, ...this.emails];
        break;
      case 'review':
        if (this.reviewFilter === 'pending') this.reviews = [event.review as ModerationReview, ...this.reviews];
        break;
    }
  }

  private openConversation(id: string): Promise<void> {
    return this.#run(async () => {
      this.selectedId = id;
      const { messages } = await this.#api<{ messages: Message[] }>(`/conversations/${encodeURIComponent(id)}/messages`);
      this.messages = messages;
      const last = messages.at(-1);
      if (last) await this.#markRead(id, last.seq);
    });
  }

  async #markRead(id: string, seq: number): Promise<void> {
    await this.#api(`/conversations/${encodeURIComponent(id)}/read`, { method: 'POST', body: { seq } });
    this.conversations = this.conversations.map((conversation) =>
      conversation.id === id ? { ...conversation, agentReadSeq: Math.max(conversation.agentReadSeq, seq) } : conversation,
    );
  }

  private onReply(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('body') as HTMLTextAreaElement;
    const body = field.value.trim();
    const id = this.selectedId;
    if (!body || !id) return;
    void this.#run(async () => {
      const message = await this.#api<Message>(`/conversations/${encodeURIComponent(id)}/messages`, {
        method: 'POST',
        body: { clientId: crypto.randomUUID(), body },
      });
      field.value = '';
      if (!this.messages.some((known) => known.id === message.id)) this.messages = [...this.messages, message];
      void this.#api(`/conversations/${encodeURIComponent(id)}/typing`, { method: 'POST', body: { active: false } }).catch(() => undefined);
    });
  }

  private onReplyInput(): void {
    const id = this.selectedId;
    if (!id || Date.now() - this.#lastTyping < 3000) return;
    this.#lastTyping = Date.now();
    void this.#api(`/conversations/${encodeURIComponent(id)}/typing`, { method: 'POST', body: { active: true } }).catch(() => undefined);
  }

  private onReplyKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private setConversationStatus(status: 'open' | 'closed'): void {
    const id = this.selectedId;
    if (!id) return;
    void this.#run(async () => {
      await this.#api(`/conversations/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status } });
      if (status === 'closed') {
        this.selectedId = undefined;
        this.messages = [];
        await this.loadConversations();
      }
    });
  }

  private onAvailability(event: Event): void {
    const availability = (event.target as HTMLSelectElement).value as Availability;
    void this.#run(async () => {
      await this.#api('/me/availability', { method: 'PUT', body: { availability } });
      this.availability = availability;
    });
  }

  private moderate(review: ModerationReview, status: 'published' | 'rejected'): void {
    void this.#run(async () => {
      await this.#api(`/reviews/${encodeURIComponent(review.id)}/status`, { method: 'POST', body: { status } });
      await this.loadReviews();
    });
  }

  private onReviewReply(event: SubmitEvent, review: ModerationReview): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reply') as HTMLTextAreaElement;
    const body = field.value.trim();
    if (!body) return;
    void this.#run(async () => {
      await this.#api(`/reviews/${encodeURIComponent(review.id)}/reply`, { method: 'POST', body: { body } });
      field.value = '';
      await this.loadReviews();
    });
  }

  private setReviewFilter(event: Event): void {
    this.reviewFilter = (event.target as HTMLSelectElement).value as ModerationReview['status'];
    void this.#run(() => this.loadReviews());
  }

  private signOut(): void {
    void this.#run(async () => {
      await this.#api('/logout', { method: 'POST' });
      location.assign('/inbox/login');
    });
  }

  private selectTab(tab: Tab): void {
    this.tab = tab;
  }

  override render() {
    const online = this.status?.state === 'online';
    const tabs: Array<[Tab, string, number]> = [
      ['conversations', 'Conversations', this.conversations.length],
      ['emails', 'Emails', this.emails.length],
      ['reviews', 'Reviews', this.reviewFilter === 'pending' ? this.reviews.length : 0],
    ];
    return html`
      <header>
        <h1>${this.#settings.shop.name} inbox</h1>
        <span class="pill ${online ? 'online' : ''}" role="status">
          Chat is ${online ? 'online' : 'away'}${this.live ? '' : ' (reconnecting…)'}
        </span>
        <label>
          Your status
          <select .value=${this.availability} @change=${this.onAvailability}>
            <option value="auto" ?selected=${this.availability === 'auto'}>Online while this page is open</option>
            <option value="available" ?selected=${this.availability === 'available'}>Always online</option>
            <option value="away" ?selected=${this.availability === 'away'}>Away</option>
          </select>
        </label>
        <span>${this.#settings.agent.name}</span>
        <button type="button" @click=${this.signOut}>Sign out</button>
      </header>
      <div role="tablist" aria-label="Inbox sections">
        ${tabs.map(
          ([tab, label, count]) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${tab}"
              aria-controls="panel"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              @click=${() => this.selectTab(tab)}
            >
              ${label}${count ? ` (${count})` : ''}
            </button>`,
        )}
      </div>
      ${this.error ? html`<p class="error panel" role="alert">${this.error}</p>` : nothing}
      <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">
        ${this.tab === 'conversations' ? this.renderConversations() : this.tab === 'emails' ? this.renderEmails() : this.renderReviews()}
      </div>
    `;
  }

  private renderConversations() {
    const selected = this.conversations.find((conversation) => conversation.id === this.selectedId);
    return html`<div class="conversations">
      ${
        this.conversations.length === 0
          ? html`<p class="empty">No open conversations.</p>`
          : html`<ul class="list" aria-label="Open conversations">
              ${this.conversations.map((conversation) => {
                const unread = Math.max(0, conversation.lastSeq - conversation.agentReadSeq);
                return html`<li>
                  <button
                    type="button"
                    aria-current=${conversation.id === this.selectedId ? 'true' : 'false'}
                    @click=${() => this.openConversation(conversation.id)}
                  >
                    <strong>${conversation.visitorName || conversation.visitorEmail || 'Visitor'}</strong>
                    <span class="preview">${conversation.lastMessage?.body ?? ''}</span>
                    <span class="meta"
                      >${time(conversation.updatedAt)} ${unread ? html`<span class="unread">· ${unread} new</span>` : nothing}</span
                    >
                  </button>
                </li>`;
              })}
            </ul>`
      }
      ${
        this.selectedId
          ? html`<section class="thread" aria-label="Conversation">
              <div class="thread-head">
                <strong>${selected?.visitorName || selected?.visitorEmail || 'Visitor'}</strong>
                <button type="button" @click=${() => this.setConversationStatus('closed')}>Close conversation</button>
              </div>
              <ol class="messages" aria-live="polite">
                ${this.messages.map(
                  (message) =>
                    html`<li class="message ${message.author}">
                      <span class="meta"
                        >${message.author === 'agent' ? (message.authorName ?? 'Agent') : message.author === 'visitor' ? 'Visitor' : 'System'}
                        · ${time(message.createdAt)}</span
                      >
                      ${message.body}
                      ${message.attachment ? html`<a href=${message.attachment.url} target="_blank" rel="noopener noreferrer">${message.attachment.name || 'Attachment'}</a>` : nothing}
                    </li>`,
                )}
              </ol>
              <form class="reply" @submit=${this.onReply}>
                <label class="sr-only" for="reply-body">Reply</label>
                <textarea
                  id="reply-body"
                  name="body"
                  maxlength="4000"
                  required
                  @input=${this.onReplyInput}
                  @keydown=${this.onReplyKeydown}
                ></textarea>
                <button class="primary" type="submit">Send</button>
              </form>
            </section>`
          : html`<p class="empty">Pick a conversation.</p>`
      }
    </div>`;
  }

  private renderEmails() {
    if (this.emails.length === 0) return html`<p class="empty">Nobody left an email yet.</p>`;
    return html`<ul class="cards" aria-label="Emails left while away">
      ${this.emails.map(
        (email) =>
          html`<li class="card">
            <strong>${email.email}</strong>
            <span class="meta">${time(email.createdAt)}</span>
            ${email.message ? html`<p>${email.message}</p>` : nothing}
            ${
              email.conversationId
                ? html`<div class="actions">
                    <button type="button" @click=${() => (this.selectTab('conversations'), this.openConversation(email.conversationId!))}>
                      Open the conversation
                    </button>
                  </div>`
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }

  private renderReviews() {
    return html`<label>
        Show
        <select .value=${this.reviewFilter} @change=${this.setReviewFilter}>
          <option value="pending">Waiting for moderation</option>
          <option value="published">Published</option>
          <option value="rejected">Rejected</option>
        </select>
      </label>
      ${
        this.reviews.length === 0
          ? html`<p class="empty">No reviews here.</p>`
          : html`<ul class="cards" aria-label="Reviews">
              ${this.reviews.map(
                (review) =>
                  html`<li class="card">
                    <span class="meta">${review.productTitle ?? review.productId} · ${time(review.createdAt)} · ${review.status}</span>
                    <strong
                      ><span role="img" aria-label="${review.rating} out of 5 stars"
                        >${'★'.repeat(review.rating)}${'☆'.repeat(5 - review.rating)}</span
                      >
                      ${review.title}</strong
                    >
                    <p>${review.body}</p>
                    <span class="meta">${review.authorName}${review.email ? ` <${review.email}>` : ''}</span>
                    ${
                      review.photos.length
                        ? html`<div class="photos">
                            ${review.photos.map((photo) => html`<img src=${photo.url} alt=${photo.alt ?? 'Photo from the customer'} />`)}
                          </div>`
                        : nothing
                    }
                    ${review.reply ? html`<p><em>Reply:</em> ${review.reply.body}</p>` : nothing}
                    <div class="actions">
                      ${review.status !== 'published' ? html`<button type="button" class="primary" @click=${() => this.moderate(review, 'published')}>Approve</button>` : nothing}
                      ${review.status !== 'rejected' ? html`<button type="button" @click=${() => this.moderate(review, 'rejected')}>Reject</button>` : nothing}
                    </div>
                    <form class="reply" @submit=${(event: SubmitEvent) => this.onReviewReply(event, review)}>
                      <label class="sr-only" for="reply-${review.id}">Reply as the shop</label>
                      <textarea id="reply-${review.id}" name="reply" maxlength="5000" required></textarea>
                      <button type="submit">Reply as the shop</button>
                    </form>
                  </li>`,
              )}
            </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sf-inbox-app': SfInboxApp;
  }
}
