/**
 * The `/` shortcut in the reply field: typing `/` (then a few letters) lists
 * the saved replies that match, the arrows choose, Enter or Tab insert the
 * chosen one with its placeholders filled in, Escape closes. The field keeps
 * focus throughout (a listbox referenced by `aria-activedescendant`, as the
 * APG's combobox does), and inserting only writes into the field: the agent
 * reads, edits and sends it.
 */
import { html, nothing } from 'lit';
import type { SavedReply } from '../wire.js';

const LIST_ID = 'saved-reply-options';
const MOST = 8;
/** A `/` at the start or after a space, and the word typed after it, ending at the caret. */
const SHORTCUT = /(^|\s)\/([^\s/]*)$/;

export class ReplyPicker {
  #query?: string;
  #active = 0;

  constructor(
    private readonly replies: () => SavedReply[],
    /** The reply's text with its placeholders filled in for this conversation. */
    private readonly fill: (text: string) => string,
    private readonly changed: () => void,
  ) {}

  get #options(): SavedReply[] {
    const query = this.#query?.toLowerCase();
    if (query === undefined) return [];
    return this.replies()
      .filter((reply) => reply.title.toLowerCase().includes(query) || reply.body.toLowerCase().includes(query))
      .slice(0, MOST);
  }

  get open(): boolean {
    return this.#options.length > 0;
  }

  /** After every input: open while a shortcut is being typed. */
  onInput(field: HTMLTextAreaElement): void {
    const match = SHORTCUT.exec(field.value.slice(0, field.selectionStart));
    const query = match?.[2];
    if (query !== this.#query) this.#active = 0;
    this.#query = query;
    this.changed();
  }

  /** Keys while the list is open; true when the key was the picker's (so it neither sends nor moves the caret). */
  onKeydown(event: KeyboardEvent, field: HTMLTextAreaElement): boolean {
    const options = this.#options;
    if (!options.length) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#active = (this.#active + step + options.length) % options.length;
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      this.#insert(field, options[this.#active]!);
    } else if (event.key === 'Escape') {
      this.close();
    } else return false;
    event.preventDefault();
    this.changed();
    return true;
  }

  close(): void {
    this.#query = undefined;
    this.#active = 0;
  }

  #insert(field: HTMLTextAreaElement, reply: SavedReply): void {
    const caret = field.selectionStart;
    const before = field.value.slice(0, caret).replace(/\/[^\s/]*$/, '');
    const text = this.fill(reply.body);
    field.value = before + text + field.value.slice(caret);
    field.selectionStart = field.selectionEnd = before.length + text.length;
    this.close();
  }

  /** What the reply field carries for the list: which element it controls, and the option chosen. */
  fieldAttributes() {
    const options = this.#options;
    return {
      controls: options.length ? LIST_ID : undefined,
      active: options.length ? `saved-reply-${options[this.#active]!.id}` : undefined,
    };
  }

  render(field: () => HTMLTextAreaElement | null) {
    const options = this.#options;
    const count = options.length;
    return html`<p class="sr-only" role="status">
        ${count ? `${count} saved ${count === 1 ? 'reply matches' : 'replies match'}: up and down to choose, Enter to insert, Escape to close.` : ''}
      </p>
      ${
        count
          ? html`<ul class="picker" role="listbox" id=${LIST_ID} aria-label="Saved replies">
              ${options.map(
                (reply, index) =>
                  html`<li
                    role="option"
                    id="saved-reply-${reply.id}"
                    aria-selected=${index === this.#active ? 'true' : 'false'}
                    @mousedown=${(event: Event) => {
                      // On press, before the field would lose focus: a pointer picks as Enter does (the keys live on the field).
                      event.preventDefault();
                      const target = field();
                      if (target) this.#insert(target, reply);
                      this.changed();
                    }}
                  >
                    <strong>${reply.title}</strong> <span class="preview">${reply.body}</span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }
}
