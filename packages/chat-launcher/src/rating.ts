/**
 * How it went: once an agent resolves the conversation, the panel asks the
 * shopper for 1 to 5 stars and a comment if they like, and sends them once.
 * The stars are a radio group (arrow keys move, as the APG has it), the
 * comment a plain field; the question stays answered in this page.
 */
import { html, nothing } from 'lit';
import { Acknowledgement, request, toAdapterError, type AdapterError, type BackendAdapter, type BoundMessages } from '@shopfront/core';
import type { PanelMessages } from './panel-messages.js';

type Text = BoundMessages<PanelMessages>;

export type RatingState = 'idle' | 'asked' | 'sending' | 'thanked';

export class ConversationRating {
  state: RatingState = 'idle';
  error?: AdapterError;

  constructor(
    private readonly adapter: () => BackendAdapter | undefined,
    private readonly conversationId: () => string | undefined,
    private readonly changed: () => void,
  ) {}

  /** The agent resolved the conversation: ask, unless this page asked already. */
  ask(): void {
    if (this.state !== 'idle' || !this.adapter()?.chat?.rate) return;
    this.state = 'asked';
    this.changed();
  }

  async send(rating: number, comment: string): Promise<void> {
    const id = this.conversationId();
    if (!id || this.state === 'sending') return;
    this.state = 'sending';
    this.error = undefined;
    this.changed();
    try {
      await request(this.adapter(), 'chat', Acknowledgement, (chat, signal) =>
        chat.rate!(id, { rating, ...(comment.trim() && { comment: comment.trim() }) }, { signal }),
      );
      this.state = 'thanked';
    } catch (error) {
      // Already rated (409) is as good as sent; anything else can be tried again.
      const failure = toAdapterError(error);
      if (failure.status === 409) this.state = 'thanked';
      else {
        this.error = failure;
        this.state = 'asked';
      }
    }
    this.changed();
  }
}

/** The question, or the thanks; nothing until an agent resolved the conversation. */
export function ratingView(rating: ConversationRating, t: Text) {
  if (rating.state === 'idle') return nothing;
  if (rating.state === 'thanked') return html`<p part="rating-thanks" class="bubble" role="status">${t.rateThanks}</p>`;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const stars = Number(data.get('rating'));
    if (stars >= 1 && stars <= 5) void rating.send(stars, String(data.get('comment') ?? ''));
  };
  return html`<form part="rating" class="rating bubble" @submit=${onSubmit}>
    <fieldset>
      <legend part="rating-question">${t.rateQuestion}</legend>
      <div class="stars" part="rating-stars">
        ${[1, 2, 3, 4, 5].map(
          (n) =>
            html`<label class="star-choice"
              ><input type="radio" name="rating" value=${n} required aria-label=${t.rateStars(n)} /><span aria-hidden="true">★</span></label
            >`,
        )}
      </div>
    </fieldset>
    <label class="sf-visually-hidden" for="rating-comment">${t.rateComment}</label>
    <textarea id="rating-comment" name="comment" part="rating-comment" rows="2" maxlength="1000" placeholder=${t.rateComment}></textarea>
    ${rating.error ? html`<p class="sf-error" role="alert">${t.failed}</p>` : nothing}
    <button class="sf-button" data-variant="primary" type="submit" ?disabled=${rating.state === 'sending'}>${t.rateSend}</button>
  </form>`;
}
