import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { store, type Customer, type LocaleController, type Visitor } from '@shopfront/core';
import { ChatClient, type ChatListener } from './chat-client.js';
import type { SfChatLauncher } from './chat-launcher.js';
import type { ChatPanel } from './chat-panel.js';
import { SfChatCloseEvent, SfChatMessageEvent, SfChatOpenEvent, SfChatUnreadEvent } from './events.js';
import { panelMessages } from './panel-messages.js';

/** The unread badge's look: it only appears once this code is here, so its styles come with it. */
const badgeStyles = css`
  .launcher {
    position: relative;
  }
  .badge {
    position: absolute;
    inset-block-start: -0.25rem;
    inset-inline-end: -0.25rem;
    min-inline-size: 1.375rem;
    padding-inline: 0.25rem;
    border-radius: 1rem;
    background: var(--sf-chat-badge-background, var(--_danger));
    color: var(--sf-chat-badge-color, var(--_surface));
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.375rem;
  }
`;

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

/**
 * What the launcher holds once the chat code has loaded: a client that runs
 * while the launcher is on the page, the unread badge, the launcher's
 * `sf-chat-message` and `sf-chat-unread` events, and the panel (loaded on
 * first use).
 */
export class ChatSession implements ReactiveController {
  readonly client: ChatClient;
  #panelLoad?: Promise<void>;
  #panel?: ChatPanel;

  constructor(private readonly host: SfChatLauncher) {
    this.client = new ChatClient({ visitor: () => visitorOf(host.runtime?.settings.customer) });
    new ClientSubscription(
      host,
      () => this.client,
      (message) => this.#onChange(message),
      this.#onWake,
    );
    host.addController(this);
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, badgeStyles.styleSheet!];
  }

  hostConnected(): void {
    this.client.connect(this.host.runtime?.adapter);
  }

  hostUpdate(): void {
    // A new adapter (configure() again) restarts the client on it.
    this.client.connect(this.host.runtime?.adapter);
  }

  hostDisconnected(): void {
    this.client.stop();
  }

  /** Fetches the panel's code (once) and asks whether anyone is there. */
  loadPanel(): Promise<void> {
    this.#panelLoad ??= import('./chat-panel.js').then(({ ChatPanel }) => {
      this.#panel = new ChatPanel(this.host, this.client);
      void this.client.refreshStatus();
      this.host.requestUpdate();
    });
    return this.#panelLoad;
  }

  /** Opens the panel (unless a listener cancels `sf-chat-open`): fresh status, the prefill in the field, focus inside. */
  async show(prefill?: string): Promise<void> {
    const host = this.host;
    if (!host.open && !host.dispatchEvent(new SfChatOpenEvent(prefill))) return;
    host.open = true;
    // Opening the chat is the shopper's consent to keep the conversation.
    void store.allow();
    if (this.#panel) void this.client.refreshStatus();
    await this.loadPanel();
    const panel = this.#panel;
    if (!panel || !host.open) return;
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
  label(i18n: LocaleController, open: string): string {
    const unread = this.host.unread;
    return unread ? `${open}, ${i18n.messages(panelMessages).unread(unread)}` : open;
  }

  badge(i18n: LocaleController) {
    const unread = this.host.unread;
    return unread ? html`<span part="badge" class="badge" aria-hidden="true">${i18n.format.compact(unread)}</span>` : nothing;
  }

  /** The panel, once its code is here (hidden while the launcher is closed). */
  panel(i18n: LocaleController) {
    return this.#panel?.render(i18n) ?? nothing;
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
