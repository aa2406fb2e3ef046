import { html, nothing, svg, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  CHAT_ATTACHMENT_TYPES,
  describeError,
  EmailRequest,
  errorView,
  MAX_LENGTH,
  OutgoingMessage,
  toAdapterError,
  Visitor,
  type BoundMessages,
  type ChatStatus,
} from '@shopfront/core';
import type { ChatClient, ChatItem } from './chat-client.js';
import type { PrechatField } from './chat-launcher.js';
import { styles } from './chat-panel.styles.js';
import type { ChatHost } from './host.js';
import { launcherMessages } from './messages.js';
import { panelMessages, type PanelMessages } from './panel-messages.js';
import { ratingView } from './rating.js';

type Text = BoundMessages<PanelMessages>;

const closeIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" aria-hidden="true"><path d="m6 6 12 12M18 6 6 18"/></svg>`;
const attachIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M16 7v9a4 4 0 0 1-8 0V6a2.5 2.5 0 0 1 5 0v9a1 1 0 0 1-2 0V7"/></svg>`;
const sendIcon = svg`<svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M3 20.5V14l9-2-9-2V3.5L22 12Z"/></svg>`;

/**
 * The conversation panel, rendered by the launcher into its own shadow root
 * (one element, one set of parts) once this module has loaded: dialog,
 * messages, composer, pre-chat form, away mode with email capture.
 */
export class ChatPanel implements ReactiveController {
  readonly styles = styles;
  /** The message being written (kept while the panel is closed). */
  draft = '';
  #file?: File;
  #fileInvalid = false;
  #prechatDone = false;
  #emailState: 'idle' | 'sending' | 'sent' = 'idle';
  #formError = '';
  #stick = true;
  #focusPending = false;

  constructor(
    private readonly host: ChatHost,
    private readonly client: ChatClient,
  ) {
    host.addController(this);
  }

  /** Moves focus to the first field, or to the dialog while the panel still loads. */
  focusFirst(): void {
    const root = this.host.renderRoot;
    const field = root.querySelector<HTMLElement>('.footer :is(input, textarea)');
    this.#focusPending = !field;
    (field ?? root.querySelector<HTMLElement>('.panel'))?.focus();
  }

  hostUpdate(): void {
    // What the shopper can see is read, in every tab.
    if (this.host.open && this.client.unread && document.visibilityState === 'visible') this.client.markRead();
  }

  hostUpdated(): void {
    const open = this.host.open;
    if (this.#focusPending && open) this.focusFirst();
    // The newest message stays in view (on opening too: a hidden log cannot scroll), unless the shopper scrolled up to read.
    const log = this.host.renderRoot.querySelector('.log');
    if (!open) this.#stick = true;
    else if (this.#stick && log) log.scrollTop = log.scrollHeight;
  }

  get #text(): Text {
    return this.host.i18n.messages(panelMessages);
  }

  render() {
    const { client, host } = this;
    const { i18n, coreText: core } = host;
    const t = this.#text;
    const status = client.status;
    const away = status?.state === 'away';
    const items = client.items;
    const subtitle = !status
      ? ''
      : away
        ? status.reason === 'outside-hours'
          ? t.outsideHours
          : t.noAgents
        : status.replyMinutes === undefined
          ? ''
          : t.replyTime(status.replyMinutes);
    return html`<div
      part="panel"
      class="panel"
      role="dialog"
      aria-labelledby="title"
      tabindex="-1"
      ?hidden=${!host.open}
      @keydown=${this.#onKeydown}
    >
      <header part="header">
        <div>
          <h2 id="title" part="title">${i18n.messages(launcherMessages).open}</h2>
          <p part="subtitle">${subtitle}</p>
        </div>
        <button part="close-button" class="icon" type="button" aria-label=${core.close} @click=${() => host.hide()}>${closeIcon}</button>
      </header>
      ${!navigator.onLine || client.connection === 'closed' ? html`<p part="notice" class="sf-notice" role="status">${t.offline}</p>` : nothing}
      <div part="log" class="log" role="log" aria-label=${t.conversation} tabindex="0" @scroll=${this.#onScroll}>
        ${away ? nothing : html`<p part="greeting" class="bubble">${host.greeting || t.greeting}</p>`}
        ${client.historyError && !items.length ? errorView(client.historyError, core, () => void client.sync()) : nothing}
        ${repeat(
          items,
          (item) => item.clientId,
          (item, index) => this.#message(item, items[index - 1], t, core.retry),
        )}
        ${ratingView(client.rating, t)}
      </div>
      <p part="typing" class="typing" ?hidden=${client.typing === undefined}>${t.typing(client.typing ?? '')}</p>
      <div class="footer">
        ${
          !status && !client.statusError
            ? html`<div class="sf-skeleton"></div>`
            : away
              ? this.#away(t, status)
              : this.#needsPrechat()
                ? this.#prechat(t)
                : this.#composer(t)
        }
      </div>
    </div>`;
  }

  #changed(): void {
    this.host.requestUpdate();
  }

  #message(item: ChatItem, previous: ChatItem | undefined, t: Text, retry: string) {
    const mine = item.author === 'visitor';
    const name = mine ? t.you : (item.authorName ?? t.team);
    const showAuthor = !mine && (previous?.author !== item.author || previous.authorName !== item.authorName);
    const date = new Date(item.createdAt);
    const today = date.toDateString() === new Date().toDateString();
    return html`<div part="message message-${item.author}" class="message ${item.author}">
      ${
        showAuthor
          ? html`<p class="author">
              ${
                item.avatarUrl
                  ? html`<img part="avatar" class="avatar" src=${item.avatarUrl} alt="" />`
                  : html`<span part="avatar" class="avatar" aria-hidden="true">${name.slice(0, 1)}</span>`
              }<span part="author">${name}</span>
            </p>`
          : nothing
      }
      <div part="bubble" class="bubble">
        ${showAuthor ? nothing : html`<span class="sf-visually-hidden">${name}:</span>`}
        <span class="text" dir="auto">${item.body}</span>
        ${
          item.attachment
            ? html`<a href=${item.attachment.url} target="_blank" rel="noopener noreferrer"
                ><img part="attachment" src=${item.attachment.url} alt=${item.attachment.name || t.image} loading="lazy"
              /></a>`
            : nothing
        }
        ${item.fileName ? html`<span class="text">${t.image}: ${item.fileName}</span>` : nothing}
      </div>
      <p class="meta">
        <time part="time" datetime=${item.createdAt}
          >${this.host.i18n.format.date(date, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' })}</time
        >
        ${
          !mine
            ? nothing
            : item.delivery === 'failed'
              ? html`<span part="delivery" class="failed">${t.failed}</span>
                  <button part="retry-button" class="sf-link" type="button" @click=${() => void this.client.retry(item.clientId)}>
                    ${retry}
                  </button>`
              : html`·
                  <span part="delivery"
                    >${item.delivery === 'sending' ? (navigator.onLine ? t.sending : t.queued) : item.delivery === 'seen' ? t.seen : t.sent}</span
                  >`
        }
      </p>
    </div>`;
  }

  #composer(t: Text) {
    return html`<form part="composer" class="composer" @submit=${this.#onSend}>
        <label class="sf-visually-hidden" for="input">${t.placeholder}</label>
        <textarea
          id="input"
          part="input"
          rows="1"
          maxlength=${MAX_LENGTH.chatMessage}
          placeholder=${t.placeholder}
          .value=${live(this.draft)}
          @input=${this.#onComposerInput}
          @keydown=${this.#onInputKeydown}
        ></textarea>
        <label part="attach-button" class="icon">
          <input
            class="sf-visually-hidden"
            type="file"
            accept=${CHAT_ATTACHMENT_TYPES.join()}
            aria-label=${t.attach}
            @change=${this.#onFile}
          />
          ${attachIcon}
        </label>
        <button part="send-button" class="icon send" type="submit" aria-label=${t.send}>${sendIcon}</button>
      </form>
      ${
        this.#file
          ? html`<p class="note">
              ${t.image}: ${this.#file.name}
              <button class="sf-link" type="button" @click=${() => ((this.#file = undefined), this.#changed())}>${t.remove}</button>
            </p>`
          : nothing
      }
      ${this.#fileInvalid ? html`<p class="note error" role="alert">${t.attachmentInvalid}</p>` : nothing}`;
  }

  #needsPrechat(): boolean {
    const { client, host } = this;
    if (this.#prechatDone || client.conversationId || client.pending) return false;
    const customer = host.runtime?.settings.customer;
    return (!!host.askName && !customer?.firstName) || (!!host.askEmail && !customer?.email);
  }

  #prechat(t: Text) {
    const { askName, askEmail, runtime } = this.host;
    const customer = runtime?.settings.customer;
    const field = (name: 'name' | 'email', label: string, ask: PrechatField) =>
      html`<label
        ><span>${label} ${ask === 'required' ? nothing : html`<span class="optional">${t.optional}</span>`}</span>
        <input
          name=${name}
          type=${name === 'email' ? 'email' : 'text'}
          autocomplete=${name}
          maxlength=${MAX_LENGTH[name]}
          ?required=${ask === 'required'}
      /></label>`;
    return html`<form part="prechat" class="form" @submit=${this.#onPrechat}>
      <p>${t.prechatIntro}</p>
      ${askName && !customer?.firstName ? field('name', t.name, askName) : nothing}
      ${askEmail && !customer?.email ? field('email', t.email, askEmail) : nothing} ${this.#error()}
      <button class="sf-button" data-variant="primary" type="submit">${t.start}</button>
    </form>`;
  }

  #away(t: Text, status: ChatStatus) {
    const back = status.nextOpenAt && Date.parse(status.nextOpenAt) > Date.now() ? t.backAt(status.nextOpenAt) : '';
    return html`<div part="away" class="form">
      <p part="notice" class="sf-notice">${status.reason === 'outside-hours' ? t.outsideHours : t.noAgents} ${back} ${t.replyByEmail}</p>
      ${
        this.#emailState === 'sent'
          ? html`<p role="status">${t.emailThanks}</p>`
          : html`<form part="email-form" class="form" @submit=${this.#onEmail}>
              <label>${t.email}<input name="email" type="email" autocomplete="email" maxlength=${MAX_LENGTH.email} required /></label>
              <label
                >${t.message}<textarea
                  name="message"
                  rows="3"
                  maxlength=${MAX_LENGTH.chatMessage}
                  .value=${live(this.draft)}
                  @input=${this.#onDraft}
                ></textarea>
              </label>
              ${this.#error()}
              <button class="sf-button" data-variant="primary" type="submit" ?disabled=${this.#emailState === 'sending'}>${t.send}</button>
            </form>`
      }
    </div>`;
  }

  #error() {
    return this.#formError ? html`<p class="error" role="alert">${this.#formError}</p>` : nothing;
  }

  // Lit calls template listeners with the host as `this`: these are arrow functions to keep the panel's.
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.host.hide();
  };

  readonly #onScroll = (event: Event) => {
    const log = event.target as HTMLElement;
    this.#stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 24;
  };

  readonly #onDraft = (event: Event) => {
    this.draft = (event.target as HTMLTextAreaElement).value;
  };

  /** A message being written: also what tells the agents the shopper is typing. */
  readonly #onComposerInput = (event: Event) => {
    this.#onDraft(event);
    this.client.typed(this.draft);
  };

  readonly #onInputKeydown = (event: KeyboardEvent) => {
    // Enter sends, Shift+Enter starts a new line; not while an input method composes.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  };

  readonly #onFile = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // The same check the message gets: image types and size from core's schema.
    this.#fileInvalid = !OutgoingMessage.shape.attachment.safeParse(file).success;
    this.#file = this.#fileInvalid ? undefined : file;
    this.#changed();
  };

  readonly #onSend = (event: SubmitEvent) => {
    event.preventDefault();
    const { draft, client } = this;
    const file = this.#file;
    if (!draft.trim() && !file) return;
    this.draft = '';
    this.#file = undefined;
    this.#changed();
    void client.send(draft, file).then((queued) => {
      if (queued) return;
      this.draft = draft;
      this.#file = file;
      this.#changed();
    });
  };

  readonly #onPrechat = (event: SubmitEvent) => {
    event.preventDefault();
    const fields = [...new FormData(event.target as HTMLFormElement)].map(([name, value]) => [name, String(value).trim()]);
    const visitor = Visitor.safeParse(Object.fromEntries(fields.filter(([, value]) => value)));
    this.#formError = visitor.success ? '' : this.#text.emailInvalid;
    this.#changed();
    if (!visitor.success) return;
    this.#prechatDone = true;
    void this.client.begin(visitor.data);
    void this.host.updateComplete.then(() => this.focusFirst());
  };

  readonly #onEmail = async (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email')).trim();
    const valid = EmailRequest.shape.email.safeParse(email).success;
    this.#formError = valid ? '' : this.#text.emailInvalid;
    this.#emailState = valid ? 'sending' : 'idle';
    this.#changed();
    if (!valid) return;
    try {
      await this.client.leaveEmail(email, this.draft.trim());
      this.#emailState = 'sent';
      this.draft = '';
      this.#changed();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
    } catch (error) {
      this.#emailState = 'idle';
      this.#formError = describeError(toAdapterError(error), this.host.coreText);
      this.#changed();
    }
  };
}
