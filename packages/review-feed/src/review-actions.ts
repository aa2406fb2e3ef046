/**
 * Everything the shopper can do in the feed, loaded at their first hover, focus
 * or click (or at once with `infinite-scroll`), so the first-load code only
 * renders: sort and filters, "Read more", cursor paging and infinite scroll,
 * optimistic helpful votes, and opening the write-a-review form and the photo
 * viewer (each a chunk of its own).
 */
import {
  adoptStyles,
  request,
  ReviewPage,
  ReviewVote,
  store,
  toAdapterError,
  type AdapterError,
  type BoundMessages,
  type CoreMessages,
  type LocaleController,
  type Review,
  type ReviewQuery,
} from '@shopfront/core';
import { SfReviewVoteEvent } from './vote-event.js';
import { SfReviewFilterEvent, SfReviewPhotoOpenEvent } from './events.js';
import type { ReviewFeedMessages } from './messages.js';
import type { PhotoLightbox } from './photo-lightbox.js';
import type { SfReviewFeed } from './review-feed.js';
import type { ReviewForm } from './review-form.js';

/** Enough for any shopper; the oldest votes are forgotten first. */
const MAX_REMEMBERED_VOTES = 500;

/** What the feed shares with its behaviour. */
export interface FeedBridge {
  host: SfReviewFeed;
  /** Reviews this visitor voted for; the feed keeps it in step with the store. */
  voted: Set<string>;
  i18n: LocaleController;
  text: () => BoundMessages<ReviewFeedMessages>;
  coreText: () => BoundMessages<CoreMessages>;
  /** The product and the adapter query of the list, if there is a product. */
  query: () => readonly [productId: string, query: ReviewQuery] | undefined;
  firstPage: () => { reviews: Review[]; nextCursor: string | null } | undefined;
  /** The reviewer's name as shown (full or initials). */
  author: (name: string) => string;
  /** Reloads the summary and the list. */
  retry: () => void;
}

export class ReviewActions {
  /** Reviews of the pages after the first, for the current query. */
  more: Review[] = [];
  /** The cursor after the last extra page; `undefined` until one is loaded. */
  cursor?: string | null;
  loading = false;
  error?: AdapterError;
  /** Long reviews the shopper expanded. */
  readonly expanded = new Set<string>();
  /** Helpful counts changed by this visitor's votes. */
  readonly helpful = new Map<string, number>();
  /** The review whose vote just failed. */
  voteFailed?: string;
  form?: ReviewForm;
  lightbox?: PhotoLightbox;
  #abort = new AbortController();
  #observer?: IntersectionObserver;

  constructor(private readonly feed: FeedBridge) {}

  /** A click or change (`type`) on an element with `data-action`. */
  handle(target: HTMLElement, type: string): void {
    const host = this.feed.host;
    const { action, value } = target.dataset;
    // The sort menu and the photos checkbox act on change; everything else on click.
    if ((action === 'sort' || action === 'photos') !== (type === 'change')) return;
    const id = target.closest<HTMLElement>('.review')?.dataset.id;
    const review = [...(this.feed.firstPage()?.reviews ?? []), ...this.more].find((candidate) => candidate.id === id);
    if (action === 'rate') this.#filter({ filterRating: Number(value) || undefined });
    else if (action === 'sort') this.#filter({ sort: (target as HTMLSelectElement).value as SfReviewFeed['sort'] });
    else if (action === 'photos') this.#filter({ withPhotos: (target as HTMLInputElement).checked });
    else if (action === 'more') void this.loadMore(true);
    else if (action === 'write') void this.#toggleForm();
    else if (review && action === 'vote') void this.vote(review);
    else if (review && action === 'photo') void this.#openPhoto(review, Number(value), target);
    else if (review && action === 'expand') {
      if (!this.expanded.delete(review.id)) this.expanded.add(review.id);
      host.requestUpdate();
    }
  }

  /** The query changed or the element left the page: drop extra pages and stop loading. */
  reset(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.more = [];
    this.cursor = undefined;
    this.error = undefined;
    this.loading = false;
    this.#observer?.disconnect();
  }

  /** Loads the next page. `byShopper`: a click, after which focus moves to the first new review. */
  async loadMore(byShopper: boolean): Promise<void> {
    const host = this.feed.host;
    const current = this.feed.query();
    const cursor = this.cursor === undefined ? this.feed.firstPage()?.nextCursor : this.cursor;
    if (this.loading || !current || !cursor) return;
    const [productId, query] = current;
    const { signal } = this.#abort;
    this.loading = true;
    this.error = undefined;
    host.requestUpdate();
    let first: Review | undefined;
    try {
      const page = await request(
        host.runtime?.adapter,
        'reviews',
        ReviewPage,
        (reviews, innerSignal) => reviews.list(productId, { ...query, cursor }, { signal: innerSignal }),
        { signal },
      );
      first = page.reviews[0];
      this.more = [...this.more, ...page.reviews];
      this.cursor = page.nextCursor;
    } catch (error) {
      // Aborted: the query changed or the element left, and reset() already cleared the state.
      if (signal.aborted) return;
      this.error = toAdapterError(error);
    }
    this.loading = false;
    host.requestUpdate();
    if (byShopper && first) {
      // Keyboard and screen reader users continue at the first new review.
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>(`.review[data-id="${CSS.escape(first.id)}"]`)?.focus();
    }
  }

  /** Infinite scroll: loads the next page while `button` is near the viewport; stops at a failure. */
  observe(button: Element | null): void {
    this.#observer ??= new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.loadMore(false), {
      rootMargin: '0px 0px 400px',
    });
    this.#observer.disconnect();
    // Observing again reports the current position: keeps loading while the button stays in view.
    if (button && !this.loading && !this.error) this.#observer.observe(button);
  }

  /** Marks `review` helpful at once, remembers it, and rolls back if the backend refuses. */
  async vote(review: Review): Promise<void> {
    const { host, voted } = this.feed;
    const { id } = review;
    if (voted.has(id)) return;
    const event = new SfReviewVoteEvent(id, true);
    host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const remember = (helpful: boolean) =>
      store.update('review-votes', (ids = []) => {
        const others = ids.filter((other) => other !== id);
        return helpful ? [...others, id].slice(-MAX_REMEMBERED_VOTES) : others;
      });
    voted.add(id);
    this.helpful.set(id, review.helpfulCount + 1);
    this.voteFailed = undefined;
    host.requestUpdate();
    const saved = remember(true);
    try {
      const vote = await request(host.runtime?.adapter, 'reviews', ReviewVote, (reviews, signal) => reviews.vote(id, true, { signal }));
      this.helpful.set(id, vote.helpfulCount);
    } catch {
      // Roll back only once the optimistic write has landed, or its echo from the store would bring the vote back.
      await saved;
      voted.delete(id);
      this.helpful.delete(id);
      this.voteFailed = id;
      await remember(false);
    }
    host.requestUpdate();
  }

  #filter(change: Partial<Pick<SfReviewFeed, 'sort' | 'filterRating' | 'withPhotos'>>): void {
    const host = this.feed.host;
    Object.assign(host, change);
    host.dispatchEvent(new SfReviewFilterEvent(host.sort, host.filterRating, host.withPhotos));
  }

  async #toggleForm(): Promise<void> {
    const { ReviewForm } = await import('./review-form.js');
    const { host, i18n, coreText, retry } = this.feed;
    if (!this.form) {
      adoptStyles(host, ReviewForm.styles);
      this.form = new ReviewForm(host, { i18n, coreText, published: retry });
    }
    await this.form.toggle();
  }

  async #openPhoto(review: Review, index: number, opener: HTMLElement): Promise<void> {
    const { host, text, coreText, i18n, author } = this.feed;
    const event = new SfReviewPhotoOpenEvent(review, index);
    host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const { PhotoLightbox } = await import('./photo-lightbox.js');
    if (!this.lightbox) {
      adoptStyles(host, PhotoLightbox.styles);
      this.lightbox = new PhotoLightbox(host, { i18n, text, closeText: () => coreText().close });
    }
    await this.lightbox.open(review.photos, index, author(review.authorName), opener);
  }
}
