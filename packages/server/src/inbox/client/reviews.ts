/** The reviews tab: reviews waiting for moderation (or published, or rejected), approval and the shop's reply. */
import { html, nothing } from 'lit';
import { MAX_LENGTH } from '@shopfront/core/schemas.js';
import type { ModerationReview } from '../wire.js';
import { time, type InboxHost } from './host.js';

type ReviewStatus = ModerationReview['status'];

export class ReviewsTab {
  reviews: ModerationReview[] = [];
  filter: ReviewStatus = 'pending';

  constructor(private readonly host: InboxHost) {}

  /** What the tab's label counts: the reviews waiting for the shop. */
  get waiting(): number {
    return this.filter === 'pending' ? this.reviews.length : 0;
  }

  async load(): Promise<void> {
    this.reviews = (await this.host.api.reviews(this.filter)).reviews;
    this.host.requestUpdate();
  }

  /** A review that arrived for moderation, from the live connection. */
  onReview(review: ModerationReview): void {
    if (this.filter !== 'pending') return;
    this.reviews = [review, ...this.reviews];
    this.host.requestUpdate();
  }

  #moderate(review: ModerationReview, status: Exclude<ReviewStatus, 'pending'>): void {
    void this.host.run(async () => {
      await this.host.api.moderate(review.id, status);
      await this.load();
    });
  }

  #onReply(event: SubmitEvent, review: ModerationReview): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reply') as HTMLTextAreaElement;
    const body = field.value.trim();
    if (!body) return;
    void this.host.run(async () => {
      await this.host.api.replyToReview(review.id, body);
      field.value = '';
      await this.load();
    });
  }

  #onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLSelectElement).value as ReviewStatus;
    this.host.requestUpdate();
    void this.host.run(() => this.load());
  };

  render() {
    return html`<label>
        Show
        <select .value=${this.filter} @change=${this.#onFilter}>
          <option value="pending">Waiting for moderation</option>
          <option value="published">Published</option>
          <option value="rejected">Rejected</option>
        </select>
      </label>
      ${
        this.reviews.length === 0
          ? html`<p class="empty">No reviews here.</p>`
          : html`<ul class="cards" aria-label="Reviews">
              ${this.reviews.map((review) => this.#renderReview(review))}
            </ul>`
      }`;
  }

  #renderReview(review: ModerationReview) {
    return html`<li class="card">
      <span class="meta">${review.productTitle ?? review.productId} · ${time(review.createdAt)} · ${review.status}</span>
      <strong
        ><span role="img" aria-label="${review.rating} out of 5 stars">${'★'.repeat(review.rating)}${'☆'.repeat(5 - review.rating)}</span>
        ${review.title}</strong
      >
      <p>${review.body}</p>
      <span class="meta">${review.authorName}${review.email ? ` <${review.email}>` : ''}</span>
      ${
        review.photos.length
          ? html`<div class="photos">
              ${review.photos.map((photo) => html`<img src=${photo.url} alt=${photo.alt ?? 'Photo from the customer'} />`)}
            </div>`
          : nothing
      }
      ${review.reply ? html`<p><em>Reply:</em> ${review.reply.body}</p>` : nothing}
      <div class="actions">
        ${
          review.status !== 'published'
            ? html`<button type="button" class="primary" @click=${() => this.#moderate(review, 'published')}>Approve</button>`
            : nothing
        }
        ${review.status !== 'rejected' ? html`<button type="button" @click=${() => this.#moderate(review, 'rejected')}>Reject</button>` : nothing}
      </div>
      <form class="reply" @submit=${(event: SubmitEvent) => this.#onReply(event, review)}>
        <label class="sr-only" for="reply-${review.id}">Reply as the shop</label>
        <textarea id="reply-${review.id}" name="reply" maxlength=${MAX_LENGTH.reviewBody} required></textarea>
        <button type="submit">Reply as the shop</button>
      </form>
    </li>`;
  }
}
