import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  describeError,
  errorView,
  LazyPart,
  LoadController,
  ReviewPage,
  ReviewSummary,
  savedCopyNotice,
  ShopfrontElement,
  store,
  type BoundMessages,
  type Review,
  type ReviewQuery,
  type ReviewSort,
} from '@shopfront/core';
import type { FeedHost } from './host.js';
import { messages, type ReviewFeedMessages } from './messages.js';
import { SORTS, toReviewQuery, type Query } from './query.js';
import { styles } from './review-feed.styles.js';
import { PLACEHOLDER_REVIEW, reviewView } from './review-view.js';
import { PLACEHOLDER_SUMMARY, summaryView } from './summary-view.js';

declare module '@shopfront/core' {
  interface StoreSchema {
    /** Reviews this visitor found helpful: one vote each, remembered across visits. */
    'review-votes': string[];
  }
}

const initials = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .map((word) => `${[...word][0]}.`)
    .join(' ');

/**
 * Product reviews that sell: a star summary with a histogram that filters, a
 * sortable list with photos, verified-buyer badges, merchant replies and helpful
 * votes, a write-a-review form, and review rich snippets for search engines.
 *
 * @summary Star summary, filterable reviews with photos and votes, a write-a-review form and SEO snippets.
 * @tag sf-review-feed
 *
 * @slot header - Replaces the "Customer reviews" heading.
 * @slot empty - Replaces the "be the first" text shown when the product has no reviews.
 *
 * @csspart heading - The default "Customer reviews" heading.
 * @csspart summary - The block with the average, stars, count, histogram and write button.
 * @csspart average - The average rating as a number.
 * @csspart stars - Every row of stars.
 * @csspart count - "Based on N reviews".
 * @csspart histogram - The five rating bars.
 * @csspart bar - One rating bar (a button that filters the list).
 * @csspart controls - The sort menu and filters above the list.
 * @csspart sort - The sort menu.
 * @csspart list - The list of reviews.
 * @csspart review - One review.
 * @csspart review-title - A review's title.
 * @csspart review-meta - A review's author, badge and date.
 * @csspart review-body - A review's text.
 * @csspart badge - The verified-buyer badge.
 * @csspart read-more - The "Read more" toggle of a long review.
 * @csspart photo-button - The button around a review photo thumbnail.
 * @csspart photo - A review photo thumbnail.
 * @csspart reply - The shop's reply to a review.
 * @csspart helpful-button - The "Helpful" vote button.
 * @csspart button - Every button.
 * @csspart write-button - The "Write a review" button.
 * @csspart load-more - The "Load more reviews" button.
 * @csspart empty - The no-reviews state.
 * @csspart notice - The offline (saved copy) notice.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart form - The write-a-review form (loaded on first use).
 * @csspart field - A form field.
 * @csspart star-input - The form's star rating radio group.
 * @csspart field-error - A form field's error message.
 * @csspart submit-button - The form's submit button.
 * @csspart thanks - The message after a review is sent.
 * @csspart lightbox - The photo viewer dialog (loaded on first use).
 *
 * @cssprop [--sf-review-feed-star-color=var(--sf-color-star)] - Filled stars and the histogram bars.
 * @cssprop [--sf-review-feed-star-empty-color=var(--sf-color-border)] - Empty stars.
 * @cssprop [--sf-review-feed-star-size=1.125rem] - Star size in the list (the summary's are 1.5 times larger).
 * @cssprop [--sf-review-feed-bar-color=var(--sf-review-feed-star-color)] - The filled part of a histogram bar.
 * @cssprop [--sf-review-feed-bar-track-color=var(--sf-color-border)] - The empty part of a histogram bar.
 * @cssprop [--sf-review-feed-average-size=2.5rem] - Font size of the average.
 * @cssprop [--sf-review-feed-gap=1rem] - Space between blocks and between reviews.
 * @cssprop [--sf-review-feed-review-background=var(--sf-color-surface)] - Background of each review.
 * @cssprop [--sf-review-feed-photo-size=4.5rem] - Size of a photo thumbnail.
 * @cssprop [--sf-review-feed-body-lines=4] - Lines of a long review shown before "Read more".
 * @cssprop [--sf-review-feed-reserved-block-size=auto] - Minimum height the widget keeps, before and after loading (set it to pin the layout).
 *
 * @cssstate light - The light colour scheme is forced.
 * @cssstate dark - The dark colour scheme is forced.
 * @cssstate rtl - Laid out right to left.
 *
 * @fires {SfReviewSubmitEvent} sf-review-submit - The shopper submits a review (`event.draft`); cancelable.
 * @fires {SfReviewVoteEvent} sf-review-vote - The shopper marks a review helpful (`event.reviewId`); cancelable.
 * @fires {SfReviewFilterEvent} sf-review-filter - The sort or a filter changed (`event.sort`, `event.rating`, `event.withPhotos`).
 * @fires {SfReviewPhotoOpenEvent} sf-review-photo-open - The shopper opens a photo (`event.review`, `event.index`); cancel it to use your own viewer.
 * @fires {SfLoadErrorEvent} sf-load-error - Reviews could not be loaded (`event.error`).
 */
export class SfReviewFeed extends ShopfrontElement implements FeedHost {
  static override styles = styles;

  static override properties = {
    productId: { attribute: 'product-id' },
    productHandle: { attribute: 'product-handle' },
    productTitle: { attribute: 'product-title' },
    sort: {},
    filterRating: { attribute: 'filter-rating', type: Number },
    withPhotos: { attribute: 'with-photos', type: Boolean },
    pageSize: { attribute: 'page-size', type: Number },
    infiniteScroll: { attribute: 'infinite-scroll', type: Boolean },
    nameDisplay: { attribute: 'name-display' },
    starFill: { attribute: 'star-fill' },
    askEmail: { attribute: 'ask-email', type: Boolean },
    noJsonLd: { attribute: 'no-json-ld', type: Boolean },
  };

  /** The product whose reviews to show. */
  productId?: string;

  /** The product's handle (URL slug), written into the rich snippet as `productID`. */
  productHandle?: string;

  /** The product's name, required for the rich snippet. */
  productTitle?: string;

  /** Order of the list: `newest`, `highest`, `lowest`, `helpful` or `media-first`. */
  sort: ReviewSort = 'newest';

  /** Show only reviews with this many stars (1–5); unset for all. */
  filterRating?: number;

  /** Show only reviews with photos. */
  withPhotos = false;

  /** Reviews per page (1–50). */
  pageSize = 5;

  /** Load the next page when "Load more" scrolls into view. */
  infiniteScroll = false;

  /** How reviewers are named: `full` (as given) or `initials`. */
  nameDisplay: 'full' | 'initials' = 'full';

  /** Stars of the average: `half` (rounded to half stars) or `precise` (filled to the exact average). */
  starFill: 'half' | 'precise' = 'half';

  /** Ask for the reviewer's email in the form (required when asked). */
  askEmail = false;

  /** Do not write the JSON-LD rich snippet into the page. */
  noJsonLd = false;

  #query?: Query;
  #queryKey?: string;

  readonly #summary = new LoadController(this, {
    capability: 'reviews',
    schema: ReviewSummary,
    args: () => (this.#query ? ([this.#query[0]] as const) : undefined),
    load: (reviews, [productId], signal) => reviews.summary(productId, { signal }),
    cacheKey: ([productId]) => `review-summary:${productId}`,
  });

  readonly #page = new LoadController(this, {
    capability: 'reviews',
    schema: ReviewPage,
    args: () => this.#query,
    load: (reviews, query, signal) => reviews.list(query[0], toReviewQuery(query), { signal }),
    cacheKey: (query) => `review-page:${query.join(':')}`,
  });

  /**
   * Reviews this visitor found helpful, from the store (and other tabs).
   * @internal
   */
  readonly votes = new Set<string>();
  #unsubscribeVotes?: () => void;
  /** Everything the shopper can do (filters, votes, paging, the form, photos): loaded on first intent. */
  readonly #actions = new LazyPart(this, () => import('./review-actions.js').then(({ ReviewActions }) => new ReviewActions(this)));
  /** The rich snippet's writer: for crawlers, not for the first paint, so it loads once reviews are on screen. */
  readonly #jsonLd = new LazyPart(this, () => import('./json-ld.js'));

  /**
   * The feed's strings in its language.
   * @internal
   */
  get text(): BoundMessages<ReviewFeedMessages> {
    return this.i18n.messages(messages);
  }

  /**
   * The product and the adapter's query of the list, if there is a product.
   * @internal
   */
  get reviewQuery(): readonly [productId: string, query: ReviewQuery] | undefined {
    return this.#query && ([this.#query[0], toReviewQuery(this.#query)] as const);
  }

  /**
   * The list's first page, once loaded.
   * @internal
   */
  get firstPage(): ReviewPage | undefined {
    return this.#page.value;
  }

  /**
   * The reviewer's name as shown: full, or initials.
   * @internal
   */
  readonly authorName = (name: string) => (this.nameDisplay === 'initials' ? initials(name) : name);

  /**
   * Loads the summary and the list again.
   * @internal
   */
  readonly reload = () => {
    void this.#summary.retry();
    void this.#page.retry();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // The store is the truth (IndexedDB applies writes in order, so a rolled-back vote ends up removed here too).
    const remember = (ids: string[] = []) => {
      this.votes.clear();
      for (const id of ids) this.votes.add(id);
      this.requestUpdate();
    };
    this.#unsubscribeVotes = store.subscribe('review-votes', remember);
    void store.get('review-votes').then(remember);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeVotes?.();
    this.#actions.value?.reset();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // Behaviour starts loading at the first hover or focus, and handles every click and change (one
    // listener each, however many reviews are shown).
    const load = () => void this.#actions.load();
    root.addEventListener('pointerover', load, { once: true });
    root.addEventListener('focusin', load, { once: true });
    for (const type of ['click', 'change'])
      root.addEventListener(type, (event) => {
        const target = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (target) void this.#actions.load().then((actions) => actions?.handle(target, type));
      });
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const rating = Number(this.filterRating);
    const query: Query | undefined = this.productId
      ? [
          this.productId,
          SORTS.includes(this.sort) ? this.sort : 'newest',
          rating >= 1 && rating <= 5 ? Math.round(rating) : 0,
          this.withPhotos,
          Math.min(50, Math.max(1, this.pageSize | 0 || 5)),
        ]
      : undefined;
    const key = query?.join('\n');
    if (key !== this.#queryKey) {
      this.#query = query;
      this.#queryKey = key;
      this.#actions.value?.reset();
      // The review request email's link (`?sf_review=`, ./invitation.ts) opens the form by itself.
      if (location.search.includes('sf_review=')) void this.#actions.load().then((actions) => actions?.invite());
    }
  }

  protected override render() {
    if (this.#summary.error?.kind === 'unsupported') return nothing;
    const actions = this.#actions.value;
    const form = actions?.form?.render();
    return html`<slot name="header"><h2 part="heading">${this.text.heading}</h2></slot>
      ${savedCopyNotice(this.coreText, this.#summary, this.#page)}
      ${this.#summary.render({
        pending: () => this.#skeleton(true),
        complete: (summary) =>
          summary.count
            ? [this.#summaryView(summary), form, this.#listRegion()]
            : html`<div class="empty" part="empty">
                  <slot name="empty"><p>${this.text.empty}</p></slot>${this.#writeButton()}
                </div>
                ${form}`,
        error: (error) => errorView(error, this.coreText, this.reload),
      })}
      ${actions?.lightbox?.render()}`;
  }

  protected override updated(): void {
    const summary = this.#summary.value;
    const page = this.#page.value;
    const [, , rating, withMedia] = this.#query ?? [];
    // A snippet to remove (the shop opted out, no reviews), or to write: only the unfiltered list describes the
    // product, so while filtered the snippet stays as it was.
    if (
      this.noJsonLd || summary?.count === 0
        ? this.querySelector(':scope>script[data-sf-json-ld]')
        : summary && page && !rating && !withMedia
    )
      void this.#jsonLd.load().then((module) => module?.writeJsonLd(this, summary, page?.reviews ?? [], this.authorName));
    if (this.infiniteScroll) void this.#actions.load().then((actions) => actions?.observe(this.renderRoot.querySelector('.load-more')));
  }

  /** The real layout with placeholder data, drawn as shimmering blocks: the final space, reserved. */
  #skeleton(withSummary: boolean): TemplateResult {
    return html`<div class="skeleton" aria-hidden="true" inert>
        ${withSummary ? this.#summaryView(PLACEHOLDER_SUMMARY) : nothing} ${this.#controls()}
        ${this.#list(Array(this.#query?.[4] ?? 5).fill(PLACEHOLDER_REVIEW))}
      </div>
      <p class="sf-visually-hidden" role="status">${this.coreText.loading}</p>`;
  }

  #summaryView(summary: ReviewSummary): TemplateResult {
    return summaryView(this, summary, this.starFill === 'precise', this.#query?.[2], this.#writeButton());
  }

  #writeButton(): TemplateResult {
    return html`<button
      class="sf-button write"
      part="button write-button"
      data-variant="primary"
      data-action="write"
      aria-expanded=${!!this.#actions.value?.form?.open}
    >
      ${this.text.writeReview}
    </button>`;
  }

  #controls(): TemplateResult {
    const text = this.text;
    const [, sort, rating, withMedia] = this.#query ?? [];
    return html`<div class="controls" part="controls">
      <label
        >${text.sortBy}
        <select part="sort" data-action="sort">
          ${SORTS.map((value) => html`<option value=${value} ?selected=${value === sort}>${text[`sort-${value}`]}</option>`)}
        </select></label
      >
      <label><input type="checkbox" data-action="photos" .checked=${!!withMedia} /> ${text.withPhotos}</label>
      ${rating ? html`<button class="sf-link" part="button" data-action="rate" data-value="0">${text.showAll}</button>` : nothing}
    </div>`;
  }

  #listRegion(): unknown {
    return this.#page.render({
      pending: () => this.#skeleton(false),
      complete: (page) => {
        const actions = this.#actions.value;
        const seen = new Set<string>();
        // A revalidated first page may repeat reviews of the later pages: show each once.
        const reviews = [...page.reviews, ...(actions?.more ?? [])].filter((review) => !seen.has(review.id) && seen.add(review.id));
        const nextCursor = actions?.cursor === undefined ? page.nextCursor : actions.cursor;
        return html`${this.#controls()} ${reviews.length ? this.#list(reviews) : html`<p class="sf-notice">${this.text.noMatch}</p>`}
        ${
          nextCursor
            ? html`<button class="sf-button load-more" part="button load-more" data-action="more">${this.text.loadMore}</button>`
            : nothing
        }
        ${actions?.error ? html`<p class="sf-error" part="error" role="alert">${describeError(actions.error, this.coreText)}</p>` : nothing}`;
      },
      error: (error) => errorView(error, this.coreText, this.reload),
    });
  }

  #list(reviews: Review[]): TemplateResult {
    return html`<ol class="list" part="list" aria-busy=${this.#page.loading}>
      ${reviews.map((review) => reviewView(this, review, this.#actions.value))}
    </ol>`;
  }
}
