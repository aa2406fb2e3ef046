/**
 * Telling an agent that a shopper wrote, when they may not be looking: the
 * number of unread shopper messages in the tab's title, a desktop notification
 * once the agent allowed them, and a short sound if they turned it on. Only for
 * the conversations that are theirs to answer: unassigned, or assigned to them.
 * Everything comes from the inbox's live events, which every instance of the
 * server delivers, so a message reaches every agent's open inbox.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { ConversationSummary } from '../wire.js';
import type { InboxHost } from './host.js';

/** Where the agent's choice of sound is kept, per browser. */
const SOUND_KEY = 'shopfront-inbox-sound';

type Permission = NotificationPermission | 'unsupported';

export class Notifier implements ReactiveController {
  /** Unread shopper messages by conversation, for the conversations that are the agent's to answer. */
  readonly #unread = new Map<string, number>();
  /** The last message sequence seen per conversation, so a replayed event never notifies twice. */
  readonly #seen = new Map<string, number>();
  readonly #title = document.title;
  permission: Permission = typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  sound = localStorage.getItem(SOUND_KEY) === 'on';
  #audio?: AudioContext;

  constructor(
    private readonly host: InboxHost,
    /** The signed-in agent, once known; and the conversation on screen, if any. */
    private readonly looking: { agentId: () => string | undefined; openId: () => string | undefined },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const count = [...this.#unread.values()].reduce((sum, unread) => sum + unread, 0);
    const title = count ? `(${count}) ${this.#title}` : this.#title;
    if (document.title !== title) document.title = title;
  }

  /** Everything open, as the server has it now (at start and after a dropped connection): counted, not announced. */
  async load(): Promise<void> {
    const { conversations } = await this.host.api.conversations('open', 'all');
    this.#unread.clear();
    for (const conversation of conversations) this.#count(conversation);
    this.host.requestUpdate();
  }

  /** A conversation changed (a message, a read mark, an assignment, a status). */
  onConversation(conversation: ConversationSummary): void {
    const mine = this.#count(conversation);
    const message = conversation.lastMessage;
    const seen = this.#seen.get(conversation.id) ?? conversation.lastSeq - (message ? 1 : 0);
    this.#seen.set(conversation.id, Math.max(seen, conversation.lastSeq));
    if (mine && message?.author === 'visitor' && message.seq > seen && !this.#watching(conversation.id)) this.#announce(conversation);
    this.host.requestUpdate();
  }

  /** Counts a conversation's unread messages if it is the agent's to answer; whether it is. */
  #count(conversation: ConversationSummary): boolean {
    const agentId = this.looking.agentId();
    const mine = conversation.status === 'open' && (!conversation.assigneeId || conversation.assigneeId === agentId);
    const unread = Math.max(0, conversation.lastSeq - conversation.agentReadSeq);
    if (mine && unread) this.#unread.set(conversation.id, unread);
    else this.#unread.delete(conversation.id);
    return mine;
  }

  /** The agent has this conversation on screen in a tab they are looking at: they see the message arrive. */
  #watching(id: string): boolean {
    return document.visibilityState === 'visible' && document.hasFocus() && this.looking.openId() === id;
  }

  #announce(conversation: ConversationSummary): void {
    if (this.permission === 'granted') {
      const who = conversation.visitorName ?? conversation.visitorEmail ?? 'A shopper';
      // One notification per conversation (its tag): a second message replaces the first.
      const notification = new Notification(`${who} wrote`, { body: conversation.lastMessage?.body ?? '', tag: conversation.id });
      notification.onclick = () => {
        window.focus();
        this.host.showConversation(conversation.id);
        notification.close();
      };
    }
    if (this.sound) this.#chime();
  }

  /** A short two-note chime, made rather than fetched: no file to serve or to fail. */
  #chime(): void {
    try {
      this.#audio ??= new AudioContext();
      const audio = this.#audio;
      const gain = audio.createGain();
      gain.connect(audio.destination);
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
      [880, 1320].forEach((frequency, i) => {
        const tone = audio.createOscillator();
        tone.frequency.value = frequency;
        tone.connect(gain);
        tone.start(audio.currentTime + i * 0.12);
        tone.stop(audio.currentTime + 0.4);
      });
    } catch {
      // No audio in this browser, or not allowed yet: the title and the notification still tell.
    }
  }

  #ask = (): void => {
    void Notification.requestPermission().then((permission) => {
      this.permission = permission;
      this.host.requestUpdate();
    });
  };

  #toggleSound = (event: Event): void => {
    this.sound = (event.target as HTMLInputElement).checked;
    localStorage.setItem(SOUND_KEY, this.sound ? 'on' : 'off');
    if (this.sound) this.#chime(); // a sample, and the user gesture a browser wants before audio
  };

  /** The header's controls: turn notifications on (or why they cannot be), and the sound. */
  render() {
    const desktop =
      this.permission === 'default'
        ? html`<button type="button" class="notify" @click=${this.#ask}>Turn on notifications</button>`
        : this.permission === 'denied'
          ? html`<span class="muted">Notifications are blocked in this browser's settings</span>`
          : nothing;
    return html`${desktop}
      <label class="sound"><input type="checkbox" .checked=${this.sound} @change=${this.#toggleSound} /> Sound</label>`;
  }
}
