import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ArrowKeys,
  errorView,
  FaqEntries,
  LoadController,
  savedCopyNotice,
  ShopfrontElement,
  type BoundMessages,
  type FaqEntry,
} from '@shopfront/core';
import { SfFaqOpenEvent } from './events.js';
import { styles } from './faq-search.styles.js';
import { faqMessages, type FaqMessages } from './messages.js';
import type { FaqHost, ViewContext } from './results.js';
import { popularEntries, SearchController } from './search-controller.js';
import type { Found } from './search-loader.js';

type Text = BoundMessages<FaqMessages>;

const searchIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">
  <circle cx="11" cy="11" r="7" />
  <path d="m20 20-4-4" />
</svg>`;

const keepFocus = (event: Event) => event.preventDefault();

const internal = { state: true };

/**
 * Instant, typo-tolerant search over the shop's FAQ. In a box: an ARIA 1.2
 * combobox whose popup lists popular questions, then answers as the shopper
 * types, with the matched words highlighted and the answer opening in place.
 * With `mode="page"`: the whole FAQ by topic with the search on top. When
 * nothing fits, "Ask us" opens the chat with the question typed in.
 *
 * The search engine loads on first focus or when the page is idle, and its
 * index is saved with the FAQ's version.
 *
 * @summary Instant, typo-tolerant FAQ search that hands off to chat.
 * @tag sf-faq-search
 *
 * @slot no-results - Extra help under "no answer" (opening hours, a phone number).
 *
 * @csspart base - The wrapper: the field and its popup (box), or the whole page.
 * @csspart field - The field's frame, with the search icon.
 * @csspart input - The search field.
 * @csspart popup - The box's popup under the field.
 * @csspart listbox - The list of popular questions or answers in the popup.
 * @csspart option - One question in that list.
 * @csspart highlight - A matched part of a question or answer (a `<mark>`).
 * @csspart chips - The topic filter.
 * @csspart chip - One topic.
 * @csspart answer - An answer, shown in place.
 * @csspart link - The link to an answer's full page.
 * @csspart back-button - Back from an answer to the list (box).
 * @csspart no-results - The "no answer" message and the hand-off.
 * @csspart ask-button - "Ask us": opens the chat with the query.
 * @csspart contact-link - The contact link, when there is no chat.
 * @csspart notice - The offline notice.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error state, with its `retry-button`.
 * @csspart results - The ranked answers (page mode).
 * @csspart topic - One topic's section (page mode).
 * @csspart topic-heading - A topic's heading (page mode).
 * @csspart item - One question with its answer (page mode).
 * @csspart question - The button that opens an answer (page mode).
 *
 * @cssprop [--sf-faq-search-field-block-size=2.75rem] - Height of the search field.
 * @cssprop [--sf-faq-search-popup-max-block-size=28rem] - Tallest the popup grows before it scrolls.
 * @cssprop [--sf-faq-search-highlight-background=color-mix(in srgb, var(--sf-color-accent) 22%, transparent)] - Background of matched text.
 * @cssprop [--sf-faq-search-highlight-color=inherit] - Colour of matched text.
 * @cssprop [--sf-faq-search-reserved-block-size=24rem] - Height page mode keeps while the FAQ loads.
 *
 *
 * @fires sf-faq-search - `SfFaqSearchEvent`: the shopper paused typing; `query` and `count` (debounced).
 * @fires sf-faq-open - `SfFaqOpenEvent`: an answer was opened; cancelable.
 * @fires sf-faq-no-results - `SfFaqNoResultsEvent`: no answer fitted and the shopper asked for help; cancelable.
 * @fires sf-load-error - `SfLoadErrorEvent` (core): the FAQ could not be loaded.
 */
export class SfFaqSearch extends ShopfrontElement implements FaqHost {
  static override styles = styles;

  // Declared here rather than with decorators: 0.1 KB gzip less on first load.
  static override properties = {
    mode: { reflect: true },
    query: {},
    category: {},
    contactUrl: { attribute: 'contact-url' },
    label: {},
    placeholder: {},
    limit: { type: Number },
    popular: { type: Number },
    debounce: { type: Number },
    // Internal state, spread so that the manifest does not take it for attributes.
    ...{
      open: internal,
      active: internal,
      chosen: internal,
      expanded: internal,
    },
  };

  /** `box`: a search field with answers in a popup. `page`: the whole FAQ by topic under the search, for a /faq page. */
  mode: 'box' | 'page' = 'box';

  /** The search text. Set it to open with a search (a `?q=` from the address, say). */
  query = '';

  /** The chosen topic (an entry's `category`); empty for every topic. */
  category = '';

  /** Where shoppers write when no chat is on the page: `mailto:` (the query becomes the body) or an http(s) page. */
  contactUrl?: string;

  /** The field's accessible name; "Search the FAQ" in the shopper's language by default. */
  label?: string;

  /** The field's placeholder; "Search for answers…" in the shopper's language by default. */
  placeholder?: string;

  /** Most answers the box lists; page mode lists every match. */
  limit = 8;

  /** How many popular questions the box offers while it is empty. */
  popular = 5;

  /** Quiet milliseconds before `sf-faq-search` fires and the count is announced. */
  debounce = 300;

  private open = false;
  private active = -1;
  /** The answer open in the box. */
  private chosen?: FaqEntry;
  /** Ids of the answers open in page mode. */
  private expanded: ReadonlySet<string> = new Set();

  readonly #faq = new LoadController(this, {
    capability: 'faq',
    schema: FaqEntries,
    args: () => [] as const,
    load: (faq, _args, signal) => faq.entries({ signal }),
    cacheKey: () => 'faq-entries',
  });

  readonly #search = new SearchController(this, () => this.#faq.value);

  /** The combobox's arrow keys: the active option moves while focus stays in the field. */
  readonly #keys = new ArrowKeys(this, {
    count: () => this.#options.length,
    index: () => this.active,
    move: (index) => (this.active = index),
    vertical: true,
  });

  #options: FaqEntry[] = [];
  #found?: Found;

  get #text(): Text {
    return this.i18n.messages(faqMessages);
  }

  get #listShown(): boolean {
    return this.mode === 'box' && this.open && !this.chosen && this.#options.length > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.#faq.value;
    const query = this.query.trim();
    if (this.mode === 'page' || query) this.#search.load();
    this.#found = query && this.#search.searcher ? this.#search.find(query) : undefined;
    this.#options =
      this.mode === 'page' || !data ? [] : query ? (this.#found?.entries ?? []) : popularEntries(data.entries, this.category, this.popular);
    if (this.active >= this.#options.length) this.active = -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed as Map<PropertyKey, unknown>).has('active') && this.active >= 0)
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    if (this.#faq.error?.kind === 'unsupported') return nothing;
    return this.mode === 'page' ? this.#renderPage() : this.#renderBox(this.#text);
  }

  #renderBox(text: Text): TemplateResult {
    const listShown = this.#listShown;
    const query = this.query.trim();
    const data = this.#faq.value;
    const context = this.#context();
    /* eslint-disable lit-a11y/click-events-have-key-events -- the listbox's keys go to the field (aria-activedescendant), as the APG combobox has it */
    return html`<div class="combo" part="base" @focusout=${this.#onFocusOut}>
        ${this.#field(text, listShown)}
        <div class="popup" part="popup" ?hidden=${!this.open}>
          ${this.#notice()} ${context && data ? this.#search.views!.chipsView(context, data.entries) : nothing}
          <p class="label" id="list-label" ?hidden=${!listShown}>${query ? text.answers : text.popular}</p>
          <ul
            id="listbox"
            role="listbox"
            part="listbox"
            aria-labelledby="list-label"
            ?hidden=${!listShown}
            @mousedown=${keepFocus}
            @click=${this.#onOptionClick}
          >
            ${
              listShown
                ? this.#options.map(
                    (entry, i) =>
                      html`<li id="option-${i}" role="option" part="option" aria-selected=${String(i === this.active)} data-index=${i}>
                        ${this.#found ? this.#search.views!.optionView(entry, this.#found.mark) : entry.question}
                      </li>`,
                  )
                : nothing
            }
          </ul>
          ${this.#states(() =>
            listShown || !this.open
              ? nothing
              : ((context && this.#search.views!.popupView(context, this.chosen, this.#found)) ?? this.#skeleton()),
          )}
        </div>
      </div>
      ${this.#status()}`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }

  #renderPage(): TemplateResult {
    const context = this.#context();
    return html`<div class="page" part="base">
      ${this.#notice()}
      ${this.#states((data) => (context ? this.#search.views!.pageView(context, data.entries, this.#found) : this.#skeleton()))}
      ${this.#status()}
    </div>`;
  }

  #field(text: Text, listShown: boolean): TemplateResult {
    return html`<div class="field" part="field">
      ${searchIcon}
      <input
        part="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded=${String(listShown)}
        aria-controls="listbox"
        aria-activedescendant=${listShown && this.active >= 0 ? `option-${this.active}` : nothing}
        aria-label=${this.label ?? text.label}
        placeholder=${this.placeholder ?? text.placeholder}
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        .value=${this.query}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @click=${this.#onFocus}
      />
    </div>`;
  }

  /** Loading, error, no entries at all, or `complete`. */
  #states(complete: (data: FaqEntries) => unknown): unknown {
    return this.#faq.render({
      pending: () => this.#skeleton(),
      error: (error) => errorView(error, this.coreText, () => this.#faq.retry()),
      complete: (data) => (data.entries.length ? complete(data) : html`<p class="none">${this.#text.empty}</p>`),
    });
  }

  #notice(): unknown {
    return savedCopyNotice(this.coreText, this.#faq);
  }

  #skeleton(): TemplateResult {
    return html`<div class="bars sf-skeleton" part="skeleton" role="status" aria-label=${this.coreText.loading}></div>`;
  }

  #status(): TemplateResult {
    return html`<div class="sf-visually-hidden" role="status">${this.#search.announcement}</div>`;
  }

  /** What the result views need; undefined until they have loaded. */
  #context(): ViewContext | undefined {
    if (!this.#search.views) return undefined;
    return {
      host: this,
      search: (value) => this.#onSearch(value),
      mark: this.#found?.mark,
      isOpen: (entry) => this.expanded.has(entry.id),
      toggle: (entry) => this.#choose(entry),
      filter: (topic) => {
        this.category = topic;
        this.active = -1;
        this.chosen = undefined;
      },
      back: () => {
        this.chosen = undefined;
        this.renderRoot.querySelector('input')?.focus();
      },
    };
  }

  #choose(entry: FaqEntry): void {
    if (this.mode === 'page' && this.expanded.has(entry.id)) {
      const expanded = new Set(this.expanded);
      expanded.delete(entry.id);
      this.expanded = expanded;
      return;
    }
    const opening = new SfFaqOpenEvent(entry, this.query.trim());
    if (!this.dispatchEvent(opening)) return;
    if (this.mode === 'page') this.expanded = new Set(this.expanded).add(entry.id);
    else {
      this.chosen = entry;
      this.active = -1;
    }
  }

  #onSearch(value: string, open = true): void {
    this.query = value;
    this.open = open;
    this.active = -1;
    this.chosen = undefined;
    this.#search.typed();
  }

  readonly #onInput = (event: Event) => this.#onSearch((event.target as HTMLInputElement).value);

  readonly #onFocus = () => {
    if (this.mode === 'box') this.open = true;
    this.#search.load();
  };

  readonly #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    this.open = false;
    this.active = -1;
    this.chosen = undefined;
  };

  readonly #onOptionClick = (event: Event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (option) this.#choose(this.#options[Number(option.dataset.index)]!);
  };

  /** The combobox keys of the WAI-ARIA APG; the list keeps "visual focus" while DOM focus stays in the field. */
  readonly #onKeydown = (event: KeyboardEvent) => {
    const count = this.#options.length;
    const { key } = event;
    const vertical = key === 'ArrowDown' || key === 'ArrowUp';
    // In the list, Up and Down move (Home and End too, once an option is active: before, they are the field's).
    if (this.#listShown && (vertical || this.active >= 0) && this.#keys.onKeydown(event)) return;
    if (vertical) {
      event.preventDefault();
      // Open the list, or go back from an answer to its place in it.
      const back = this.chosen ? this.#options.indexOf(this.chosen) : -1;
      this.open = true;
      this.chosen = undefined;
      this.active = event.altKey || !count ? -1 : back >= 0 ? back : key === 'ArrowDown' ? 0 : count - 1;
    } else if (key === 'Enter' && this.#listShown && this.active >= 0) {
      event.preventDefault();
      this.#choose(this.#options[this.active]!);
    } else if (key === 'Escape') {
      if (this.open) {
        this.open = false;
        this.active = -1;
        this.chosen = undefined;
      } else if (this.query) this.#onSearch('', false);
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') this.active = -1;
  };
}
