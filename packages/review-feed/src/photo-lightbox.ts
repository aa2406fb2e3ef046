/**
 * The photo viewer, loaded the first time a shopper opens a photo: a native modal
 * `<dialog>` (the rest of the page is inert; Esc closes), arrows move between the
 * review's photos, Tab wraps inside, and focus returns to the thumbnail.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { ArrowKeys, type ReviewPhoto } from '@shopfront/core';
import type { FeedHost } from './host.js';
import { lightboxMessages } from './lightbox-messages.js';
import { styles } from './photo-lightbox.styles.js';

export class PhotoLightbox implements ReactiveController {
  readonly styles = styles;

  #photos: ReviewPhoto[] = [];
  #index = 0;
  #author = '';
  #opener?: HTMLElement;
  /** Left and Right (mirrored right to left), Home and End move between the review's photos. */
  readonly #keys: ArrowKeys;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    this.#keys = new ArrowKeys(host, {
      count: () => this.#photos.length,
      index: () => this.#index,
      move: (index) => {
        this.#index = index;
        host.requestUpdate();
      },
    });
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
    const text = this.host.i18n.messages(lightboxMessages);
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
        alt=${photo.alt || this.host.text.photoBy(this.#index + 1, this.#author)}
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
        <button class="sf-button" part="button" type="button" data-step="0">${this.host.coreText.close}</button>
      </div>
    </dialog>`;
  }

  readonly #onClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    // A click on the backdrop lands on the dialog itself.
    if (target === event.currentTarget) return this.#dialog?.close();
    const step = target.closest<HTMLElement>('[data-step]')?.dataset.step;
    if (step === '0') this.#dialog?.close();
    else if (step) {
      const total = this.#photos.length;
      this.#index = (this.#index + Number(step) + total) % total;
      this.host.requestUpdate();
    }
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (this.#keys.onKeydown(event)) return;
    if (event.key === 'Tab') {
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
