/**
 * Everything the shopper can do in the feed, loaded at their first hover, focus
 * or click (or at once with `infinite-scroll`), so the first-load code only
 * renders: sort and filters, "Read more", cursor paging and infinite scroll,
 * optimistic helpful votes, and opening the write-a-review form and the photo
 * viewer (each a chunk of its own), by itself for the review request email's link.
 */
import { LazyPart, request, ReviewPage, ReviewVote, store, toAdapterError, type AdapterError, type Review } from '@shopfront/core';
import { SfReviewFilterEvent, SfReviewPhotoOpenEvent } from './events.js';
import type { FeedHost } from './host.js';
import type { PhotoLightbox } from './photo-lightbox.js';
import { REVIEW_LINK_PARAM } from './invitation.js';
import type { ReviewForm } from './review-form.js';
import { SfReviewVoteEvent } from './vote-event.js';

/** Enough for any shopper; the oldest votes are forgotten first. */
const MAX_REMEMBERED_VOTES = 500;

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
  /** The write-a-review form and the photo viewer: each a chunk of its own, fetched the first time it is wanted. */
  readonly #form: LazyPart<ReviewForm>;
  readonly #lightbox: LazyPart<PhotoLightbox>;
  #abort = new AbortController();
  #observer?: IntersectionObserver;
  /** The review link's token the form was opened for. */
  #invited?: string;

  constructor(private readonly host: FeedHost) {
    this.#form = new LazyPart(host, () => import('./review-form.js').then(({ ReviewForm }) => new ReviewForm(host)));
    this.#lightbox = new LazyPart(host, () => import('./photo-lightbox.js').then(({ PhotoLightbox }) => new PhotoLightbox(host)));
  }

  get form(): ReviewForm | undefined {
    return this.#form.value;
  }

  get lightbox(): PhotoLightbox | undefined {
    return this.#lightbox.value;
  }

  /** A click or change (`type`) on an element with `data-action`. */
  handle(target: HTMLElement, type: string): void {
    const { host } = this;
    const { action, value } = target.dataset;
    // The sort menu and the photos checkbox act on change; everything else on click.
    if ((action === 'sort' || action === 'photos') !== (type === 'change')) return;
    const id = target.closest<HTMLElement>('.review')?.dataset.id;
    const review = [...(host.firstPage?.reviews ?? []), ...this.more].find((candidate) => candidate.id === id);
    if (action === 'rate') this.#filter({ filterRating: Number(value) || undefined });
    else if (action === 'sort') this.#filter({ sort: (target as HTMLSelectElement).value as FeedHost['sort'] });
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
    const { host } = this;
    const current = host.reviewQuery;
    const cursor = this.cursor === undefined ? host.firstPage?.nextCursor : this.cursor;
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
    const { host } = this;
    const voted = host.votes;
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

  #filter(change: Partial<Pick<FeedHost, 'sort' | 'filterRating' | 'withPhotos'>>): void {
    const { host } = this;
    Object.assign(host, change);
    host.dispatchEvent(new SfReviewFilterEvent(host.sort, host.filterRating, host.withPhotos));
  }

  /** The review request email's link (`?sf_review=` in the page's URL) opens the form for the buyer, once. */
  async invite(): Promise<void> {
    const token = new URLSearchParams(location.search).get(REVIEW_LINK_PARAM);
    if (!this.host.productId || !token || token === this.#invited) return;
    this.#invited = token;
    (await this.#form.load())?.invite(token);
  }

  async #toggleForm(): Promise<void> {
    await (await this.#form.load())?.toggle();
  }

  async #openPhoto(review: Review, index: number, opener: HTMLElement): Promise<void> {
    const { host } = this;
    const event = new SfReviewPhotoOpenEvent(review, index);
    host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    await (await this.#lightbox.load())?.open(review.photos, index, host.authorName(review.authorName), opener);
  }
}
