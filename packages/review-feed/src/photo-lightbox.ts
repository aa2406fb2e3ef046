/**
 * The photo viewer, loaded the first time a shopper opens a photo: a native modal
 * `<dialog>` (the rest of the page is inert; Esc closes), arrows move between the
 * review's photos, Tab wraps inside, and focus returns to the thumbnail.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { BoundMessages, LocaleController, ReviewPhoto } from '@shopfront/core';
import { lightboxMessages } from './lightbox-messages.js';
import type { ReviewFeedMessages } from './messages.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface LightboxOptions {
  i18n: LocaleController;
  /** The feed's strings (for the photo's fallback description). */
  text: () => BoundMessages<ReviewFeedMessages>;
  /** The shared "Close" in the shopper's language. */
  closeText: () => string;
}

export class PhotoLightbox implements ReactiveController {
  static readonly styles = css`
    .lightbox {
      inline-size: min(60rem, 100vw - 2rem);
      max-inline-size: none;
      padding: 0;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: var(--_shadow);
    }
    .lightbox::backdrop {
      background: rgb(0 0 0 / 0.75);
    }
    .lightbox img {
      display: block;
      inline-size: 100%;
      block-size: min(70vh, 40rem);
      object-fit: contain;
      background: var(--_surface-alt);
    }
    .lightbox-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 3);
    }
    .lightbox-caption {
      flex: 1 1 10rem;
    }
  `;

  #photos: ReviewPhoto[] = [];
  #index = 0;
  #author = '';
  #opener?: HTMLElement;

  constructor(
    private readonly host: Host,
    private readonly options: LightboxOptions,
  ) {
    host.addController(this);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('.lightbox');
  }

  /** Shows `photos[index]` and moves focus into the viewer; closing returns it to `opener`. */
  async open(photos: ReviewPhoto[], index: number, author: string, opener: HTMLElement): Promise<void> {
    this.#photos = photos;
    this.#index = index;
    this.#author = author;
    this.#opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.#dialog?.close();
  }

  render(): unknown {
    const photo = this.#photos[this.#index];
    if (!photo) return nothing;
    const text = this.options.i18n.messages(lightboxMessages);
    const total = this.#photos.length;
    const position = text.photoOf(this.#index + 1, total);
    return html`<dialog
      class="lightbox"
      part="lightbox"
      aria-label=${position}
      @keydown=${this.#onKeydown}
      @click=${this.#onClick}
      @close=${this.#onClose}
    >
      <img
        src=${photo.url}
        alt=${photo.alt || this.options.text().photoBy(this.#index + 1, this.#author)}
        width=${photo.width ?? nothing}
        height=${photo.height ?? nothing}
      />
      <div class="lightbox-bar">
        <p class="lightbox-caption" aria-live="polite">${position}</p>
        ${
          total > 1
            ? html`<button class="sf-button" part="button" type="button" data-step="-1">${text.previousPhoto}</button>
                <button class="sf-button" part="button" type="button" data-step="1">${text.nextPhoto}</button>`
            : nothing
        }
        <button class="sf-button" part="button" type="button" data-step="0">${this.options.closeText()}</button>
      </div>
    </dialog>`;
  }

  #go(step: number): void {
    const total = this.#photos.length;
    this.#index = (this.#index + step + total) % total;
    this.host.requestUpdate();
  }

  readonly #onClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    // A click on the backdrop lands on the dialog itself.
    if (target === event.currentTarget) return this.#dialog?.close();
    const step = target.closest<HTMLElement>('[data-step]')?.dataset.step;
    if (step === '0') this.#dialog?.close();
    else if (step) this.#go(Number(step));
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    const rtl = this.options.i18n.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward || event.key === back) {
      event.preventDefault();
      this.#go(event.key === forward ? 1 : -1);
    } else if (event.key === 'Tab') {
      // Keep Tab inside the viewer, wrapping at both ends.
      const buttons = [...(this.#dialog?.querySelectorAll('button') ?? [])];
      const root = this.host.renderRoot as ShadowRoot;
      const edge = event.shiftKey ? buttons[0] : buttons.at(-1);
      if (root.activeElement === edge) {
        event.preventDefault();
        (event.shiftKey ? buttons.at(-1) : buttons[0])?.focus();
      }
    }
  };

  readonly #onClose = () => {
    this.#opener?.focus();
  };
}
