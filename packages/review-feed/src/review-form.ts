/**
 * The write-a-review form, loaded the first time a shopper opens it. Stars are a
 * native radio group (arrow keys move, one tab stop); every invalid field gets its
 * own message; the rating, title and text are kept as a draft in the store so a
 * reload loses nothing (never the name or email: nothing personal is stored).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  describeError,
  MAX_LENGTH,
  request,
  REVIEW_MAX_PHOTOS,
  REVIEW_PHOTO_MAX_BYTES,
  REVIEW_PHOTO_TYPES,
  ReviewDraft,
  ReviewPhotoUpload,
  ReviewSubmission,
  store,
  toAdapterError,
  type BoundMessages,
} from '@shopfront/core';
import { formMessages, type ReviewFormMessages } from './form-messages.js';
import type { FeedHost } from './host.js';
import { focusRating, forgetInvitation } from './invitation.js';
import { styles } from './review-form.styles.js';
import { SfReviewSubmitEvent } from './submit-event.js';

/** What survives a reload: not the name, email or photos. */
export interface SavedReviewDraft {
  rating: number;
  title: string;
  body: string;
}

declare module '@shopfront/core' {
  interface StoreSchema {
    /** The review being written for a product. */
    [draftKey: `review-draft:${string}`]: SavedReviewDraft;
  }
}

type Field = 'rating' | 'title' | 'body' | 'name' | 'email';
const FIELDS: Field[] = ['rating', 'title', 'body', 'name', 'email'];
const MAX_MEGABYTES = REVIEW_PHOTO_MAX_BYTES / 1024 / 1024;

export class ReviewForm implements ReactiveController {
  readonly styles = styles;

  /** Whether the form is shown. */
  open = false;
  #values: SavedReviewDraft & { name: string; email: string };
  #photos: Array<{ file: File; url: string }> = [];
  #errors: Partial<Record<Field, string>> = {};
  #photoErrors: string[] = [];
  #failure?: string;
  #sending = false;
  #submission?: ReviewSubmission;
  #edited = false;
  #abort = new AbortController();
  /** The review request's token (`?sf_review=`): the buyer's review, with no email asked. */
  #invitation?: string;
  /** Focus goes to the rating once the form is on screen. */
  #focusRating = false;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    const customer = host.runtime?.settings.customer;
    this.#values = { rating: 0, title: '', body: '', name: customer?.firstName ?? '', email: customer?.email ?? '' };
    void store.get(this.#key).then((draft) => {
      if (!draft || this.#edited) return;
      Object.assign(this.#values, { rating: draft.rating, title: draft.title, body: draft.body });
      host.requestUpdate();
    });
  }

  get #key() {
    return `review-draft:${this.host.productId}` as const;
  }

  get #text(): BoundMessages<ReviewFormMessages> {
    return this.host.i18n.messages(formMessages);
  }

  hostDisconnected(): void {
    this.#abort.abort();
  }

  hostUpdated(): void {
    if (this.#focusRating && this.open) this.#focusRating = !focusRating(this.host);
  }

  /** Opens the form for the buyer the review request's link names (`token`), the rating focused. */
  invite(token: string): void {
    // A token longer than any the server signs is none: the form opens as anyone's.
    this.#invitation = ReviewDraft.shape.invitation.safeParse(token).data;
    this.#focusRating = true;
    this.#show(true);
  }

  /**
   * Shows or hides the form. Shown, it starts over after a sent review and takes
   * focus to its heading; hidden, focus returns to the "Write a review" button.
   */
  readonly toggle = async () => {
    this.#show(!this.open);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(this.open ? '.form h3' : '.write')?.focus();
  };

  #show(open: boolean): void {
    this.open = open;
    if (open && this.#submission) {
      this.#submission = undefined;
      this.#values = { ...this.#values, rating: 0, title: '', body: '' };
    }
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const text = this.#text;
    if (this.#submission) {
      return html`<p class="sf-notice thanks" part="thanks" role="status" tabindex="-1">
        ${this.#submission.status === 'published' ? text.thanksPublished : text.thanksPending}
      </p>`;
    }
    const { rating, title, body, name, email } = this.#values;
    const errors = this.#errors;
    return html`<form class="form" part="form" novalidate aria-labelledby="form-heading" @submit=${this.#onSubmit} @input=${this.#onInput}>
      <h3 id="form-heading" tabindex="-1">${text.heading}</h3>
      <fieldset class="field" part="field star-input" aria-describedby=${ifDefined(errors.rating && 'rating-error')}>
        <legend>${text.rating}</legend>
        <div class="star-input">
          ${[1, 2, 3, 4, 5].map(
            (stars) =>
              html`<label
                ><input class="sf-visually-hidden" type="radio" name="rating" value=${stars} .checked=${rating === stars} /><span
                  class=${stars <= rating ? 'star on' : 'star'}
                ></span
                ><span class="sf-visually-hidden">${text.stars(stars)}</span></label
              >`,
          )}
        </div>
        ${this.#error('rating')}
      </fieldset>
      ${this.#field('title', text.title, html`<input class="control" id="title" name="title" type="text" maxlength=${MAX_LENGTH.reviewTitle} .value=${title} />`)}
      ${this.#field(
        'body',
        text.body,
        html`<textarea
          class="control"
          id="body"
          name="body"
          maxlength=${MAX_LENGTH.reviewBody}
          rows="5"
          required
          aria-invalid=${!!errors.body}
          aria-describedby=${ifDefined(errors.body && 'body-error')}
          .value=${body}
        ></textarea>`,
      )}
      ${this.#field(
        'name',
        text.name,
        html`<input
          class="control"
          id="name"
          name="name"
          type="text"
          maxlength=${MAX_LENGTH.name}
          autocomplete="name"
          required
          aria-invalid=${!!errors.name}
          aria-describedby=${ifDefined(errors.name && 'name-error')}
          .value=${name}
        />`,
      )}
      ${
        this.host.askEmail && !this.#invitation
          ? this.#field(
              'email',
              text.email,
              html`<input
                  class="control"
                  id="email"
                  name="email"
                  type="email"
                  maxlength=${MAX_LENGTH.email}
                  autocomplete="email"
                  required
                  aria-invalid=${!!errors.email}
                  aria-describedby=${errors.email ? 'email-error email-hint' : 'email-hint'}
                  .value=${email}
                />
                <p class="hint" id="email-hint">${text.emailHint}</p>`,
            )
          : nothing
      }
      <div class="field" part="field">
        <label for="photos">${text.photos}</label>
        <input
          id="photos"
          name="photos"
          type="file"
          accept=${REVIEW_PHOTO_TYPES.join(',')}
          multiple
          aria-describedby="photos-hint photos-error"
          @change=${this.#onPhotos}
        />
        <p class="hint" id="photos-hint">${text.photoHint(MAX_MEGABYTES)}</p>
        <div class="field-error" part="field-error" id="photos-error" role="alert">
          ${this.#photoErrors.map((message) => html`<p>${message}</p>`)}
        </div>
        ${
          this.#photos.length
            ? html`<ul class="previews">
                ${this.#photos.map(
                  (photo, index) =>
                    html`<li>
                      <img src=${photo.url} alt="" width="64" height="64" />
                      <button class="sf-button" part="button" type="button" @click=${() => this.#removePhoto(index)}>
                        ${text.removePhoto(photo.file.name)}
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
      </div>
      ${this.#failure ? html`<p class="field-error" part="field-error" role="alert">${this.#failure}</p>` : nothing}
      <div class="actions">
        <button class="sf-button" part="button submit-button" type="submit" data-variant="primary" aria-disabled=${this.#sending}>
          ${this.#sending ? text.sending : text.submit}
        </button>
        <button class="sf-button" part="button" type="button" @click=${this.toggle}>${text.cancel}</button>
      </div>
    </form>`;
  }

  #field(field: Field, label: string, control: TemplateResult): TemplateResult {
    return html`<div class="field" part="field"><label for=${field}>${label}</label>${control}${this.#error(field)}</div>`;
  }

  #error(field: Field): TemplateResult | typeof nothing {
    const message = this.#errors[field];
    return message ? html`<p class="field-error" part="field-error" id=${`${field}-error`}>${message}</p>` : nothing;
  }

  readonly #onInput = (event: Event) => {
    const { name, value } = event.target as HTMLInputElement;
    if (!FIELDS.includes(name as Field)) return;
    const field = name as Field;
    this.#edited = true;
    if (field === 'rating') this.#values.rating = Number(value);
    else this.#values[field] = value;
    delete this.#errors[field];
    this.host.requestUpdate();
    const { rating, title, body } = this.#values;
    if (field !== 'name' && field !== 'email') void store.set(this.#key, { rating, title, body });
  };

  readonly #onPhotos = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const text = this.#text;
    const problems: string[] = [];
    for (const file of input.files ?? []) {
      if (this.#photos.length >= REVIEW_MAX_PHOTOS) {
        problems.push(text.tooManyPhotos(REVIEW_MAX_PHOTOS));
        break;
      }
      const check = ReviewPhotoUpload.safeParse(file);
      if (check.success) this.#photos.push({ file, url: URL.createObjectURL(file) });
      else problems.push(check.error.issues[0]?.code === 'too_big' ? text.photoSize(file.name, MAX_MEGABYTES) : text.photoType(file.name));
    }
    // Lets the shopper pick the same file again after removing it.
    input.value = '';
    this.#photoErrors = problems;
    this.host.requestUpdate();
  };

  #removePhoto(index: number): void {
    const [removed] = this.#photos.splice(index, 1);
    if (removed) URL.revokeObjectURL(removed.url);
    this.#photoErrors = [];
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#photos')?.focus());
  }

  readonly #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.#sending) return;
    const text = this.#text;
    const required: Partial<Record<Field, string>> = {
      rating: text.needRating,
      body: text.needBody,
      name: text.needName,
      email: text.needEmail,
    };
    const { rating, title, body, name, email } = this.#values;
    const parsed = ReviewDraft.safeParse({
      productId: this.host.productId,
      rating,
      title: title.trim(),
      body: body.trim(),
      name: name.trim(),
      ...(this.host.askEmail && !this.#invitation ? { email: email.trim() } : {}),
      ...(this.#photos.length ? { photos: this.#photos.map((photo) => photo.file) } : {}),
      ...(this.#invitation ? { invitation: this.#invitation } : {}),
    });
    this.#failure = undefined;
    this.#errors = {};
    // Messages about files that were never added have been read; a photo the shop refuses gets a new one.
    this.#photoErrors = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        this.#errors[field] ??= required[field] ?? issue.message;
      }
      return this.#focusProblem();
    }
    const draft = parsed.data;
    const submitEvent = new SfReviewSubmitEvent(draft);
    this.host.dispatchEvent(submitEvent);
    if (submitEvent.defaultPrevented) return;

    this.#sending = true;
    this.host.requestUpdate();
    const { signal } = this.#abort;
    try {
      this.#submission = await request(
        this.host.runtime?.adapter,
        'reviews',
        ReviewSubmission,
        (reviews, innerSignal) => reviews.submit(draft, { signal: innerSignal }),
        { signal },
      );
      void store.delete(this.#key);
      for (const photo of this.#photos.splice(0)) URL.revokeObjectURL(photo.url);
      this.#edited = false;
      this.#endInvitation();
      // Live at once: the summary and the list show it.
      if (this.#submission.status === 'published') this.host.reload();
    } catch (error) {
      if (signal.aborted) return;
      const failure = toAdapterError(error);
      // A backend that names the bad field gets the shopper to that field. A photo it refuses
      // passed our checks by its type but is no image inside (a renamed file): say which one.
      const photo = /^photos\.(\d+)$/.exec(failure.field ?? '');
      const field = failure.field as Field | undefined;
      if (photo) {
        this.#photoErrors = [text.photoType(this.#photos[Number(photo[1])]?.file.name ?? '')];
      } else if (failure.field === 'invitation') {
        // Used already, or changed: the review can still go, as anyone's (with an email, if the shop asks).
        this.#endInvitation();
        this.#failure = text.invitationRefused;
      } else {
        if (field && required[field]) this.#errors[field] = required[field];
        this.#failure = describeError(failure, this.host.coreText);
      }
    } finally {
      this.#sending = false;
      this.host.requestUpdate();
    }
    if (this.#submission) {
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
    } else {
      await this.#focusProblem();
    }
  };

  /** The invitation is spent (or refused): the next review is anyone's, and a reload does not bring the form back. */
  #endInvitation(): void {
    if (this.#invitation) forgetInvitation();
    this.#invitation = undefined;
  }

  /** Moves focus to the first invalid field, whose message its description reads out. */
  async #focusProblem(): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const field = FIELDS.find((candidate) => this.#errors[candidate]) ?? (this.#photoErrors.length ? 'photos' : undefined);
    const root = this.host.renderRoot;
    const target =
      field === 'rating'
        ? (root.querySelector('[name=rating]:checked') ?? root.querySelector('[name=rating]'))
        : field && root.querySelector(`#${field}`);
    (target as HTMLElement | null)?.focus();
  }
}
