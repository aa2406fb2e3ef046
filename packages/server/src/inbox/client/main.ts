/**
 * The agent inbox page: open conversations updating live, replies, availability,
 * notifications, emails left while away, review moderation, saved replies, the report and the team. Runs in the browser (bundled by
 * esbuild from this file); all text from shoppers renders through Lit bindings, as text.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ChatMessage, ChatStatus } from '@shopfront/core/schemas.js';
import type { Availability, InboxEvent, InboxSettings } from '../wire.js';
import { InboxApi } from './api.js';
import { ConversationsTab } from './conversations.js';
import { EmailsTab } from './emails.js';
import { Notifier } from './notifications.js';
import { OutboxTab } from './outbox.js';
import type { InboxHost } from './host.js';
import { ReportTab } from './report.js';
import { ReviewsTab } from './reviews.js';
import { SavedRepliesTab } from './saved-replies.js';
import { inboxStyles } from './styles.js';
import { TeamTab } from './team.js';

type Tab = 'conversations' | 'emails' | 'reviews' | 'outbox' | 'replies' | 'report' | 'team';

function readSettings(): InboxSettings {
  const element = document.getElementById('inbox-settings');
  return JSON.parse(element?.textContent ?? '{}') as InboxSettings;
}

@customElement('sf-inbox-app')
export class SfInboxApp extends LitElement implements InboxHost {
  static override styles = inboxStyles;

  readonly #settings = readSettings();
  readonly api = new InboxApi(this.#settings.csrf);
  readonly #conversations = new ConversationsTab(this);
  readonly #emails = new EmailsTab(this);
  readonly #outbox = new OutboxTab(this);
  readonly #reviews = new ReviewsTab(this);
  readonly #replies = new SavedRepliesTab(this);
  readonly #report = new ReportTab(this);
  readonly #team = new TeamTab(this);
  readonly #notifier = new Notifier(this, {
    agentId: () => this.#conversations.agentId,
    openId: () => (this.tab === 'conversations' ? this.#conversations.selectedId : undefined),
  });
  readonly names = { agent: this.#settings.agent.name, shop: this.#settings.shop.name };
  #events?: EventSource;
  #streamFailed = false;

  @state() private tab: Tab = 'conversations';
  @state() private availability: Availability = 'auto';
  @state() private status?: ChatStatus;
  @state() private live = false;
  @state() private error = '';

  constructor() {
    super();
    // The live connection follows the element: open while it is in the page.
    this.addController({
      hostConnected: () => {
        void this.#refreshAll();
        this.#connect();
        document.addEventListener('visibilitychange', this.#onVisibility);
      },
      hostDisconnected: () => {
        this.#events?.close();
        document.removeEventListener('visibilitychange', this.#onVisibility);
      },
    });
  }

  async run(action: () => Promise<unknown>): Promise<void> {
    try {
      this.error = '';
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** The outbox changes without events (emails go out in the background): it is read again when shown. */
  #select(tab: Tab): void {
    this.tab = tab;
    this.#conversations.shown = tab === 'conversations';
    this.#conversations.seen();
    if (tab === 'outbox') void this.run(() => this.#outbox.load());
    if (tab === 'report') void this.run(() => this.#report.load());
    if (tab === 'team') void this.run(() => this.#team.load());
  }

  savedReplies() {
    return this.#replies.replies;
  }

  showConversation(id: string): void {
    this.#select('conversations');
    void this.#conversations.open(id);
  }

  #refreshAll(): Promise<void> {
    return this.run(async () => {
      const me = await this.api.me();
      this.#conversations.agentId = me.agent.id;
      this.#team.me = { id: me.agent.id, role: me.agent.role };
      this.availability = me.agent.availability;
      this.status = me.status;
      await Promise.all([
        this.#conversations.load(),
        this.#notifier.load(),
        this.#emails.load(),
        this.#reviews.load(),
        this.#outbox.load(),
        this.#replies.load(),
      ]);
    });
  }

  /** The live connection: while it is open this agent counts as present for the shop's chat. */
  #connect(): void {
    const events = new EventSource('/inbox/api/events');
    this.#events = events;
    events.onopen = () => {
      this.live = true;
      // After a drop, what happened meanwhile is read again rather than replayed.
      if (this.#streamFailed) void this.#refreshAll();
      this.#streamFailed = false;
    };
    events.onerror = () => {
      this.live = false;
      this.#streamFailed = true;
    };
    events.onmessage = (event: MessageEvent<string>) => this.#onEvent(JSON.parse(event.data) as InboxEvent);
  }

  #onEvent(event: InboxEvent): void {
    switch (event.type) {
      case 'status': {
        const parsed = ChatStatus.safeParse(event.status);
        if (parsed.success) this.status = parsed.data;
        break;
      }
      case 'message': {
        const parsed = ChatMessage.safeParse(event.message);
        if (parsed.success) this.#conversations.onMessage(parsed.data);
        break;
      }
      case 'conversation':
        this.#conversations.onConversation(event.conversation);
        this.#notifier.onConversation(event.conversation);
        break;
      case 'typing':
        this.#conversations.onTyping(event.conversationId, event.active);
        break;
      case 'email':
        this.#emails.onEmail(event.email);
        break;
      case 'review':
        this.#reviews.onReview(event.review);
        break;
      case 'team':
        this.#onTeam(event.removed);
        break;
    }
  }

  /** Someone joined, left or changed role: names, assignees and the team are read again; a removed agent is signed out. */
  #onTeam(removed: string | undefined): void {
    if (removed && removed === this.#conversations.agentId) {
      this.#events?.close();
      location.assign('/inbox/login');
      return;
    }
    void this.run(() => Promise.all([this.#conversations.load(), this.#team.load()]));
  }

  #onVisibility = (): void => this.#conversations.seen();

  #onAvailability = (event: Event): void => {
    const availability = (event.target as HTMLSelectElement).value as Availability;
    void this.run(async () => {
      await this.api.setAvailability(availability);
      this.availability = availability;
    });
  };

  #signOut = (): void => {
    void this.run(async () => {
      await this.api.signOut();
      location.assign('/inbox/login');
    });
  };

  override render() {
    const online = this.status?.state === 'online';
    const tabs: Array<[Tab, string, number]> = [
      ['conversations', 'Conversations', this.#conversations.conversations.length],
      ['emails', 'Emails', this.#emails.emails.length],
      ['reviews', 'Reviews', this.#reviews.waiting],
      ['outbox', 'Outbox', this.#outbox.emails.length],
      ['replies', 'Saved replies', 0],
      ['report', 'Report', 0],
      ['team', 'Team', 0],
    ];
    const panel = {
      conversations: this.#conversations,
      emails: this.#emails,
      reviews: this.#reviews,
      outbox: this.#outbox,
      replies: this.#replies,
      report: this.#report,
      team: this.#team,
    }[this.tab];
    return html`
      <header>
        <h1>${this.#settings.shop.name} inbox</h1>
        <span class="pill ${online ? 'online' : ''}" role="status">
          Chat is ${online ? 'online' : 'away'}${this.live ? '' : ' (reconnecting…)'}
        </span>
        <label>
          Your status
          <select .value=${this.availability} @change=${this.#onAvailability}>
            <option value="auto" ?selected=${this.availability === 'auto'}>Online while this page is open</option>
            <option value="available" ?selected=${this.availability === 'available'}>Always online</option>
            <option value="away" ?selected=${this.availability === 'away'}>Away</option>
          </select>
        </label>
        ${this.#notifier.render()}
        <span>${this.#settings.agent.name}</span>
        <button type="button" @click=${this.#signOut}>Sign out</button>
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
              @click=${() => this.#select(tab)}
            >
              ${label}${count ? ` (${count})` : ''}
            </button>`,
        )}
      </div>
      ${this.error ? html`<p class="error panel" role="alert">${this.error}</p>` : nothing}
      <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">${panel.render()}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sf-inbox-app': SfInboxApp;
  }
}
