import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LazyPart, store, type Customer, type Visitor } from '@shopfront/core';
import { ChatClient, type ChatListener } from './chat-client.js';
import type { ChatPanel } from './chat-panel.js';
import { badgeStyles } from './chat-session.styles.js';
import { SfChatCloseEvent, SfChatMessageEvent, SfChatOpenEvent, SfChatUnreadEvent } from './events.js';
import type { ChatHost } from './host.js';
import { panelMessages } from './panel-messages.js';

/** The signed-in customer (`identify()`), as the visitor a conversation starts with. */
export function visitorOf(customer: Customer | null | undefined): Visitor {
  if (!customer) return {};
  return {
    customerId: customer.id,
    ...(customer.firstName && { name: customer.firstName }),
    ...(customer.email && { email: customer.email }),
  };
}

/**
 * Calls `listener` on every change of a client while the host is on the page,
 * and when the network or the tab comes back.
 */
export class ClientSubscription implements ReactiveController {
  #unsubscribe?: () => void;
  #subscribed?: ChatClient;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ChatClient | undefined,
    private readonly listener: ChatListener,
    private readonly onWake: (event: Event) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
    this.#listen('addEventListener');
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
    this.#listen('removeEventListener');
  }

  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    window[method]('online', this.onWake);
    window[method]('offline', this.onWake);
    document[method]('visibilitychange', this.onWake);
  }

  #follow(): void {
    const client = this.client();
    if (client === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = client;
    this.#unsubscribe = client?.subscribe(this.listener);
  }
}

/** The query parameter of the emailed answer's link back to the conversation. */
export const CHAT_LINK_PARAM = 'sf_chat';

/**
 * What the launcher holds once the chat code has loaded: a client that runs
 * while the launcher is on the page, the unread badge, the launcher's
 * `sf-chat-message` and `sf-chat-unread` events, and the panel (loaded on
 * first use).
 */
export class ChatSession implements ReactiveController {
  /** The unread badge only appears once this code is here, so its look comes with it. */
  readonly styles = badgeStyles;
  readonly client: ChatClient;
  /** The conversation panel: fetched when the shopper is about to open the chat; asks whether anyone is there. */
  readonly #panel: LazyPart<ChatPanel>;
  #onPage = false;

  constructor(private readonly host: ChatHost) {
    this.client = new ChatClient({ visitor: () => visitorOf(host.runtime?.settings.customer) });
    this.#panel = new LazyPart(host, () =>
      import('./chat-panel.js').then(({ ChatPanel }) => {
        void this.client.refreshStatus();
        return new ChatPanel(host, this.client);
      }),
    );
    new ClientSubscription(
      host,
      () => this.client,
      (message) => this.#onChange(message),
      this.#onWake,
    );
    host.addController(this);
    this.#openFromLink();
  }

  /**
   * The link in an answer the shop emailed (`?sf_chat=open`) opens the chat, with the
   * conversation this browser kept; the parameter goes, so a reload does not open it again.
   */
  #openFromLink(): void {
    const url = new URL(location.href);
    if (url.searchParams.get(CHAT_LINK_PARAM) !== 'open') return;
    url.searchParams.delete(CHAT_LINK_PARAM);
    history.replaceState(history.state, '', url);
    void this.show();
  }

  hostConnected(): void {
    this.#onPage = true;
    this.client.connect(this.host.runtime?.adapter);
  }

  hostUpdate(): void {
    // A new adapter (configure() again) restarts the client on it; a launcher that left the page stays stopped.
    if (this.#onPage) this.client.connect(this.host.runtime?.adapter);
  }

  hostDisconnected(): void {
    this.#onPage = false;
    this.client.stop();
  }

  /** Fetches the panel's code (once; again after a failed fetch). */
  loadPanel(): Promise<unknown> {
    return this.#panel.load();
  }

  /** Opens the panel (unless a listener cancels `sf-chat-open`): fresh status, the prefill in the field, focus inside. */
  async show(prefill?: string): Promise<void> {
    const host = this.host;
    if (!host.open && !host.dispatchEvent(new SfChatOpenEvent(prefill))) return;
    host.open = true;
    // Opening the chat is the shopper's consent to keep the conversation.
    void store.allow();
    if (this.#panel.value) void this.client.refreshStatus();
    const panel = await this.#panel.load();
    // Without its code there is no panel to show: closed again, the next open tries again.
    if (!panel) return this.hide();
    if (!host.open) return;
    if (prefill !== undefined) panel.draft = prefill;
    host.requestUpdate();
    await host.updateComplete;
    panel.focusFirst();
  }

  hide(): void {
    const host = this.host;
    if (!host.open) return;
    const hadFocus = host.matches(':focus-within');
    host.open = false;
    host.dispatchEvent(new SfChatCloseEvent());
    if (hadFocus) host.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
  }

  /** The launcher button's name while closed: "Chat with us, 2 unread messages". */
  label(open: string): string {
    const { unread, i18n } = this.host;
    return unread ? `${open}, ${i18n.messages(panelMessages).unread(unread)}` : open;
  }

  badge() {
    const { unread, i18n } = this.host;
    return unread ? html`<span part="badge" class="badge" aria-hidden="true">${i18n.format.compact(unread)}</span>` : nothing;
  }

  /** The panel, once its code is here (hidden while the launcher is closed). */
  panel() {
    return this.#panel.value?.render() ?? nothing;
  }

  readonly #onWake = (event: Event) => {
    if (event.type === 'online' || (event.type === 'visibilitychange' && document.visibilityState === 'visible')) this.client.wake();
    this.host.requestUpdate();
  };

  #onChange(message: Parameters<ChatListener>[0]): void {
    const host = this.host;
    host.requestUpdate();
    if (message) host.dispatchEvent(new SfChatMessageEvent(message));
    const unread = this.client.unread;
    if (unread === host.unread) return;
    host.unread = unread;
    host.dispatchEvent(new SfChatUnreadEvent(unread));
  }
}
