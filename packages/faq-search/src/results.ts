/**
 * The views of results, loaded with the search engine (`search-loader.ts`) when
 * the shopper first focuses the box or the page is idle. Results only exist once
 * both are here, so none of this weighs on first load.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { installGlobal, type FaqEntry, type PartHost } from '@shopfront/core';
import type { HighlightRange } from './engine/engine.js';
import { SfFaqNoResultsEvent } from './no-results-event.js';
import { faqMessages } from './messages.js';
import { resultMessages } from './result-messages.js';
import type { Found } from './search-loader.js';

export { styles } from './results.styles.js';

/** What the views see of the element: its settings and the query. */
export interface FaqHost extends PartHost {
  readonly mode: 'box' | 'page';
  /** The query as typed. */
  readonly query: string;
  /** The chosen topic; empty for all. */
  readonly category: string;
  readonly contactUrl?: string;
  /** The field's accessible name and placeholder, when the shop set them. */
  readonly label?: string;
  readonly placeholder?: string;
}

/** What the views render besides the element's settings, and what they can do to it. */
export interface ViewContext {
  host: FaqHost;
  /** Where the query matched, once the engine has answered. */
  mark?: (text: string) => HighlightRange[];
  /** The shopper typed in the page's field. */
  search(value: string): void;
  isOpen(entry: FaqEntry): boolean;
  toggle(entry: FaqEntry): void;
  filter(topic: string): void;
  back(): void;
}

const keepFocus = (event: Event) => event.preventDefault();

/** The result views' strings, in the element's language. */
export const textOf = (host: PartHost) => host.i18n.messages(resultMessages);

const topicLists = new WeakMap<readonly FaqEntry[], string[]>();

/** The topics of `entries`, in the order the shop lists them. */
function topicsOf(entries: readonly FaqEntry[]): string[] {
  let topics = topicLists.get(entries);
  if (!topics) topicLists.set(entries, (topics = [...new Set(entries.map((entry) => entry.category ?? '').filter(Boolean))]));
  return topics;
}

/** Topic chips (toggle buttons), when there are two topics or more. */
export function chipsView(context: ViewContext, entries: readonly FaqEntry[]): unknown {
  const topics = topicsOf(entries);
  if (topics.length < 2) return nothing;
  // In the box, a click on a chip leaves the focus (and the popup) with the field.
  return html`<div
    class="chips"
    part="chips"
    role="group"
    aria-label=${textOf(context.host).topics}
    @mousedown=${context.host.mode === 'box' ? keepFocus : nothing}
  >
    ${['', ...topics].map(
      (topic) =>
        html`<button
          type="button"
          class="chip"
          part="chip"
          aria-pressed=${context.host.category === topic ? 'true' : 'false'}
          @click=${() => context.filter(topic)}
        >
          ${topic || textOf(context.host).allTopics}
        </button>`,
    )}
  </div>`;
}

/** `text` with its highlighted ranges as `<mark>` elements: text stays text. */
export function marked(text: string, ranges: HighlightRange[] = []): unknown[] {
  const parts: unknown[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), html`<mark part="highlight">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** About a line of `answer` around its first match, or nothing if it has none. */
function snippet(answer: string, mark: (text: string) => HighlightRange[]): unknown {
  const first = mark(answer)[0];
  if (!first) return nothing;
  const start = first[0] > 40 ? answer.lastIndexOf(' ', first[0] - 30) + 1 : 0;
  const end = Math.min(answer.length, start + 110);
  const shift = start ? 1 - start : 0;
  const ranges = mark(answer)
    .filter(([from]) => from >= start && from < end)
    .map(([from, to]): HighlightRange => [from + shift, Math.min(to, end) + shift]);
  const text = `${start ? '…' : ''}${answer.slice(start, end)}${end < answer.length ? '…' : ''}`;
  return html`<span class="snippet">${marked(text, ranges)}</span>`;
}

/** A result in the box's list: the question, and where the answer matched. */
export function optionView(entry: FaqEntry, mark: (text: string) => HighlightRange[]): unknown[] {
  return [marked(entry.question, mark(entry.question)), snippet(entry.answer, mark)];
}

function answerBody(context: ViewContext, entry: FaqEntry): unknown[] {
  const { mark } = context;
  return [
    entry.answer.split(/\n\s*\n/).map((paragraph) => html`<p>${marked(paragraph, mark?.(paragraph))}</p>`),
    entry.url ? html`<a part="link" href=${entry.url}>${textOf(context.host).readMore}</a>` : nothing,
  ];
}

/** The answer the shopper chose, in the box, where the list was. */
export function answerView(context: ViewContext, entry: FaqEntry): TemplateResult {
  return html`<section class="answer" part="answer" aria-labelledby="answer-title">
    <p class="title" id="answer-title">${marked(entry.question, context.mark?.(entry.question))}</p>
    ${answerBody(context, entry)}
    <button type="button" class="sf-link" part="back-button" @click=${context.back}>${textOf(context.host).back}</button>
  </section>`;
}

/**
 * The popup below the list: the chosen answer, or "no answer"; `undefined`
 * while the search is not ready (the element shows its skeleton).
 */
export function popupView(context: ViewContext, chosen: FaqEntry | undefined, found: Found | undefined): unknown {
  if (chosen) return answerView(context, chosen);
  if (!found) return undefined;
  return found.entries.length ? nothing : noResultsView(context);
}

/** Where a `mailto:` or http(s) contact link goes, with the query as the mail's body; anything else is refused. */
export function contactHref(url: string | undefined, query: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    if (parsed.protocol === 'mailto:' && !parsed.search && query) parsed.search = `body=${encodeURIComponent(query)}`;
    return /^(https?|mailto):$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const chatOnPage = () => Boolean(customElements.get('sf-chat-launcher') || document.querySelector('sf-chat-launcher'));

/** "Ask us" or the contact link: tell the shop (`sf-faq-no-results`), then hand off unless it said no. */
function ask(context: ViewContext, event: Event): void {
  const query = context.host.query.trim();
  if (!context.host.dispatchEvent(new SfFaqNoResultsEvent(query))) event.preventDefault();
  else if (event.currentTarget instanceof HTMLButtonElement) installGlobal().openChat(query);
}

/** No answer: say so, and offer the chat (or the shop's contact link). */
export function noResultsView(context: ViewContext): TemplateResult {
  const text = textOf(context.host);
  const chat = chatOnPage();
  const { contactUrl, query: typed } = context.host;
  const query = typed.trim();
  const href = chat ? undefined : contactHref(contactUrl, query);
  const onAsk = (event: Event) => ask(context, event);
  return html`<div class="none" part="no-results">
    <p>${text.noAnswer(query)}</p>
    <slot name="no-results"></slot>
    ${
      chat
        ? html`<button type="button" class="sf-button" data-variant="primary" part="ask-button" @click=${onAsk}>${text.askUs}</button>`
        : href
          ? html`<a class="sf-button" part="contact-link" href=${href} @click=${onAsk}>${text.contactUs}</a>`
          : nothing
    }
  </div>`;
}

function itemView(context: ViewContext, entry: FaqEntry, document: number): TemplateResult {
  const open = context.isOpen(entry);
  const id = `answer-${document}`;
  return html`<li class="item" part="item">
    <h3>
      <button
        type="button"
        part="question"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => context.toggle(entry)}
      >
        <span>${marked(entry.question, context.mark?.(entry.question))}</span>
      </button>
    </h3>
    <div class="body" id=${id} part="answer" ?hidden=${!open}>${open ? answerBody(context, entry) : nothing}</div>
  </li>`;
}

const searchIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">
  <circle cx="11" cy="11" r="7" />
  <path d="m20 20-4-4" />
</svg>`;

/**
 * Page mode: the search field (a plain search box whose results follow
 * below), the topic chips, then the ranked answers while there is a query,
 * else every entry of the chosen topic grouped by topic in the shop's order.
 */
export function pageView(context: ViewContext, entries: readonly FaqEntry[], found: Found | undefined): unknown {
  const { host } = context;
  const search = host.i18n.messages(faqMessages);
  const chips = [
    html`<div class="field" part="field">
      ${searchIcon}
      <input
        part="input"
        type="search"
        aria-label=${host.label ?? search.label}
        aria-controls="results"
        placeholder=${host.placeholder ?? search.placeholder}
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        .value=${host.query}
        @input=${(event: Event) => context.search((event.target as HTMLInputElement).value)}
      />
    </div>`,
    chipsView(context, entries),
  ];
  // The index is still being built: the field stays (and keeps focus), results wait.
  if (host.query.trim() && !found)
    return [chips, html`<div class="bars sf-skeleton" part="skeleton" role="status" aria-label=${context.host.coreText.loading}></div>`];
  if (found) {
    return [
      chips,
      found.entries.length
        ? html`<ul id="results" part="results">
            ${found.entries.map((entry, i) => itemView(context, entry, found.documents[i]!))}
          </ul>`
        : noResultsView(context),
    ];
  }
  const groups = new Map<string, number[]>();
  entries.forEach((entry, document) => {
    const topic = entry.category ?? '';
    if (host.category && topic !== host.category) return;
    const group = groups.get(topic) ?? [];
    groups.set(topic, group);
    group.push(document);
  });
  return [
    chips,
    html`<div id="results">
      ${[...groups].map(
        ([topic, documents]) =>
          html`<section part="topic">
            <h2 part="topic-heading">${topic || textOf(context.host).otherTopic}</h2>
            <ul>
              ${documents.map((document) => itemView(context, entries[document]!, document))}
            </ul>
          </section>`,
      )}
    </div>`,
  ];
}
