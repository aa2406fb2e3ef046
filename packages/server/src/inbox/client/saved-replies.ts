/** The saved replies tab: the shop's people write, change and delete the replies agents insert with `/`. */
import { html } from 'lit';
import { MAX_LENGTH } from '@shopfront/core/schemas.js';
import { PLACEHOLDERS } from '../placeholders.js';
import type { SavedReply } from '../wire.js';
import type { InboxHost } from './host.js';

export class SavedRepliesTab {
  replies: SavedReply[] = [];
  /** The reply being changed in the form, if any (else the form writes a new one). */
  #editing?: SavedReply;

  constructor(private readonly host: InboxHost) {}

  async load(): Promise<void> {
    this.replies = (await this.host.api.savedReplies()).replies;
    this.host.requestUpdate();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();
    const reply = { title: value('title'), body: value('body') };
    const editing = this.#editing;
    void this.host.run(async () => {
      await (editing ? this.host.api.updateReply(editing.id, reply) : this.host.api.createReply(reply));
      this.#editing = undefined;
      form.reset();
      await this.load();
    });
  };

  #edit(reply: SavedReply): void {
    this.#editing = reply;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('#saved-title')?.focus());
  }

  #delete(reply: SavedReply): void {
    void this.host.run(async () => {
      await this.host.api.deleteReply(reply.id);
      if (this.#editing?.id === reply.id) this.#editing = undefined;
      await this.load();
    });
  }

  render() {
    const editing = this.#editing;
    return html`<div class="saved-replies">
      <form class="card" @submit=${this.#onSubmit} aria-labelledby="saved-form-heading">
        <h2 id="saved-form-heading">${editing ? `Change “${editing.title}”` : 'Write a saved reply'}</h2>
        <label for="saved-title">Title</label>
        <input id="saved-title" name="title" required maxlength="120" .value=${editing?.title ?? ''} />
        <label for="saved-body">Reply</label>
        <textarea
          id="saved-body"
          name="body"
          required
          maxlength=${MAX_LENGTH.chatMessage}
          aria-describedby="saved-help"
          .value=${editing?.body ?? ''}
        ></textarea>
        <p id="saved-help" class="meta">
          Placeholders, filled in from the shopper when an agent inserts the reply: ${PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}.
          Agents insert it by typing / in their reply, and always send it themselves.
        </p>
        <div class="actions">
          <button class="primary" type="submit">${editing ? 'Save changes' : 'Save reply'}</button>
          ${
            editing
              ? html`<button
                  type="button"
                  @click=${() => {
                    this.#editing = undefined;
                    this.host.requestUpdate();
                  }}
                >
                  Cancel
                </button>`
              : ''
          }
        </div>
      </form>
      ${
        this.replies.length === 0
          ? html`<p class="empty">No saved replies yet.</p>`
          : html`<ul class="cards" aria-label="Saved replies">
              ${this.replies.map(
                (reply) =>
                  html`<li class="card">
                    <strong>${reply.title}</strong>
                    <p class="saved-body">${reply.body}</p>
                    <div class="actions">
                      <button type="button" aria-label="Change ${reply.title}" @click=${() => this.#edit(reply)}>Change</button>
                      <button type="button" aria-label="Delete ${reply.title}" @click=${() => this.#delete(reply)}>Delete</button>
                    </div>
                  </li>`,
              )}
            </ul>`
      }
    </div>`;
  }
}
