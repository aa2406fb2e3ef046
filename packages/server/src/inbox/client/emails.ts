/** The emails tab: what shoppers left while the shop was away, with a way into their conversation. */
import { html, nothing } from 'lit';
import type { LeftEmail } from '../wire.js';
import { time, type InboxHost } from './host.js';

export class EmailsTab {
  emails: LeftEmail[] = [];

  constructor(private readonly host: InboxHost) {}

  async load(): Promise<void> {
    this.emails = (await this.host.api.emails()).emails;
    this.host.requestUpdate();
  }

  /** An email from the live connection. */
  onEmail(email: LeftEmail): void {
    this.emails = [email, ...this.emails];
    this.host.requestUpdate();
  }

  render() {
    if (this.emails.length === 0) return html`<p class="empty">Nobody left an email yet.</p>`;
    return html`<ul class="cards" aria-label="Emails left while away">
      ${this.emails.map(
        (email) =>
          html`<li class="card">
            <strong>${email.email}</strong>
            <span class="meta">${time(email.createdAt)}</span>
            ${email.message ? html`<p>${email.message}</p>` : nothing}
            ${
              email.conversationId
                ? html`<div class="actions">
                    <button type="button" @click=${() => this.host.showConversation(email.conversationId!)}>Open the conversation</button>
                  </div>`
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }
}
