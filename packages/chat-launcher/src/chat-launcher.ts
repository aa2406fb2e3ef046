import { html, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LazyPart, ShopfrontElement, warnOnce, whenIdle } from '@shopfront/core';
import { styles } from './chat-launcher.styles.js';
import type { ChatHost } from './host.js';
import { launcherMessages } from './messages.js';

export type ChatCorner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';
/** How a pre-chat field is asked: absent means not at all. */
export type PrechatField = 'optional' | 'required';

/** The speech bubble while closed, a cross while open (CSS picks). */
const icon = svg`<svg viewBox="0 0 24 24" fill="currentColor" stroke="currentColor" stroke-width="2.5" aria-hidden="true">
  <path class="chat" stroke="none" d="M4 3h16q2 0 2 2v11q0 2-2 2H9l-5 4v-4q-2 0-2-2V5q0-2 2-2Z" />
  <path class="close" d="m6 6 12 12M18 6 6 18" />
</svg>`;

/**
 * @summary A floating chat button with an unread count that opens a live conversation with the shop.
 * @tag sf-chat-launcher
 *
 * @slot icon - The launcher's icon (a speech bubble by default).
 *
 * @csspart button - The round launcher button.
 * @csspart badge - The unread count on the button.
 * @csspart panel - The conversation panel (a non-modal dialog; the whole screen on narrow windows).
 * @csspart header - The panel's header: title, reply time, close button.
 * @csspart title - The panel's title.
 * @csspart subtitle - "We usually reply within…", or why nobody is there.
 * @csspart close-button - The panel's close button.
 * @csspart notice - Offline and away notices.
 * @csspart log - The scrolling list of messages.
 * @csspart greeting - The welcome message at the top.
 * @csspart message - Each message; also `message-visitor`, `message-agent`, `message-system`.
 * @csspart author - A team member's name above their messages.
 * @csspart avatar - A team member's picture or initial.
 * @csspart bubble - A message's text.
 * @csspart attachment - An attached image.
 * @csspart time - A message's time.
 * @csspart delivery - Sending, sent, seen or not sent, under the shopper's messages.
 * @csspart retry-button - Sends a failed message again.
 * @csspart typing - "Sam is typing…".
 * @csspart composer - The message form.
 * @csspart input - The message field.
 * @csspart attach-button - Picks an image to attach.
 * @csspart send-button - Sends the message.
 * @csspart prechat - The form that asks name and email before the chat starts.
 * @csspart away - What the panel shows while nobody is there.
 * @csspart email-form - The form that leaves an email for a reply.
 * @csspart rating - The question once an agent resolved the conversation: stars, a comment, send.
 * @csspart rating-question - "How did we do?".
 * @csspart rating-stars - The five stars, one radio group.
 * @csspart rating-comment - The optional comment field.
 * @csspart rating-thanks - The thanks once the rating was sent.
 *
 * @cssprop [--sf-chat-z-index=2147483000] - Stacking order of the launcher and panel.
 * @cssprop [--sf-chat-offset-inline=1.25rem] - Distance from the window's side edge.
 * @cssprop [--sf-chat-offset-block=1.25rem] - Distance from the window's bottom (or top) edge.
 * @cssprop [--sf-chat-launcher-size=3.5rem] - Size of the launcher button.
 * @cssprop [--sf-chat-launcher-radius=50%] - Corner radius of the launcher button.
 * @cssprop [--sf-chat-launcher-background=var(--sf-color-accent)] - Launcher button colour.
 * @cssprop [--sf-chat-launcher-color=var(--sf-color-on-accent)] - Launcher icon colour.
 * @cssprop [--sf-chat-badge-background=var(--sf-color-danger)] - Unread badge colour.
 * @cssprop [--sf-chat-badge-color=var(--sf-color-surface)] - Unread badge text colour.
 * @cssprop [--sf-chat-panel-width=24rem] - Width of the panel (full screen on narrow windows).
 * @cssprop [--sf-chat-panel-height=38rem] - Greatest height of the panel.
 * @cssprop [--sf-chat-visitor-background=var(--sf-color-accent)] - The shopper's message bubbles.
 * @cssprop [--sf-chat-visitor-color=var(--sf-color-on-accent)] - Text of the shopper's messages.
 * @cssprop [--sf-chat-agent-background=var(--sf-color-surface-alt)] - The team's message bubbles.
 * @cssprop [--sf-chat-agent-color=var(--sf-color-text)] - Text of the team's messages.
 *
 * @cssstate rtl - Laid out right to left: the launcher sits in the mirrored corner.
 *
 * @fires sf-chat-open - The panel opens (cancelable); `prefill` is the text from `Shopfront.openChat()`.
 * @fires sf-chat-close - The panel closed.
 * @fires sf-chat-message - A message reached the conversation (`message`); not fired for restored history.
 * @fires sf-chat-unread - The unread count changed (`count`), the same in every tab.
 */
export class SfChatLauncher extends ShopfrontElement implements ChatHost {
  static override styles = styles;
  // Declared here rather than with decorators: a few hundred bytes less for every page.
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    corner: { reflect: true },
    greeting: {},
    askName: { attribute: 'ask-name' },
    askEmail: { attribute: 'ask-email' },
    unread: { state: true, attribute: false },
  };

  /** Whether the conversation panel is open. */
  open = false;

  /** The window corner it sits in: `bottom-end` (default), `bottom-start`, `top-end`, `top-start`; start and end follow the writing direction. */
  corner: ChatCorner = 'bottom-end';

  /** The welcome message at the top of a new conversation; a friendly default in the shopper's language. */
  greeting?: string;

  /** Ask the shopper's name before the chat starts: `optional` or `required` (not asked when absent or known from `identify()`). */
  askName?: PrechatField;

  /** Ask the shopper's email before the chat starts: `optional` or `required` (not asked when absent or known from `identify()`). */
  askEmail?: PrechatField;

  /** Team messages the shopper has not seen yet, as the badge shows them; the same in every tab. Read-only. */
  unread = 0;

  /** The chat client, the unread badge and the panel's loader; offline, the next interaction tries again. */
  readonly #session = new LazyPart(this, () => import('./chat-session.js').then(({ ChatSession }) => new ChatSession(this)));

  /** Opens the panel, with `prefill` in the message field; loads the chat code first if needed. */
  async show(prefill?: string): Promise<void> {
    await (await this.#session.load())?.show(prefill);
  }

  /** Closes the panel; focus returns to the launcher button if it was in the panel. */
  hide(): void {
    this.#session.value?.hide();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.adapter && !this.adapter.chat) warnOnce('<sf-chat-launcher>: the backend has no chat');
    // The client loads when the browser is idle, so the unread count is live without slowing the page.
    else if (this.adapter && !this.#session.value) whenIdle(() => void this.#session.load());
    if (this.open) this.#preload();
  }

  protected override render() {
    if (!this.adapter?.chat) return nothing;
    const text = this.i18n.messages(launcherMessages);
    const session = this.#session.value;
    return html`${session?.panel()}<button
        part="button"
        class="launcher"
        type="button"
        aria-label=${this.open ? text.close : (session?.label(text.open) ?? text.open)}
        aria-expanded=${this.open}
        aria-haspopup="dialog"
        @click=${() => (this.open ? this.hide() : void this.show())}
        @pointerenter=${this.#preload}
        @focus=${this.#preload}
      >
        <slot name="icon">${icon}</slot>${session?.badge()}
      </button>`;
  }

  /** The shopper is about to open the chat: fetch the panel now. */
  readonly #preload = () => void this.#session.load().then((session) => session?.loadPanel());
}
