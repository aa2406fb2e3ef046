/** The outbox tab: every email the server sent or will send, with its status, and whether this server sends at all. */
import { html, nothing } from 'lit';
import type { OutboxEmail } from '../wire.js';
import { time, type InboxHost } from './host.js';

const KINDS: Record<OutboxEmail['kind'], string> = {
  'review-request': 'Review request',
  'away-reply': 'Answer to a left email',
  transcript: 'Transcript',
  'data-request': 'Data request',
  invite: 'Invite to the inbox',
};

/** The status in words: what happened, or when it will. */
function statusText(email: OutboxEmail): string {
  switch (email.status) {
    case 'sent':
      return `Sent ${time(email.sentAt ?? email.createdAt)}`;
    case 'queued':
      return email.attempts > 0
        ? `Retrying ${time(email.nextAttemptAt)} (attempt ${email.attempts + 1})`
        : `Sends ${time(email.nextAttemptAt)}`;
    case 'sending':
      return 'Sending…';
    case 'failed':
      return `Failed after ${email.attempts} attempts`;
    case 'skipped':
      return 'Not sent: the address unsubscribed';
  }
}

export class OutboxTab {
  emails: OutboxEmail[] = [];
  sending = true;

  constructor(private readonly host: InboxHost) {}

  async load(): Promise<void> {
    const outbox = await this.host.api.outbox();
    this.emails = outbox.emails;
    this.sending = outbox.sending;
    this.host.requestUpdate();
  }

  render() {
    const notice = this.sending
      ? nothing
      : html`<p class="notice" role="note">
          This server sends no email: set <code>SHOPFRONT_SMTP_URL</code> and restart it. Until then the emails wait here.
        </p>`;
    if (this.emails.length === 0)
      return html`${notice}
        <p class="empty">No emails yet.</p>`;
    return html`${notice}
      <ul class="cards" aria-label="Outbox">
        ${this.emails.map(
          (email) =>
            html`<li class="card">
              <strong>${email.subject}</strong>
              <span class="meta">${KINDS[email.kind]} to ${email.to} · ${statusText(email)}</span>
              ${email.lastError && email.status !== 'sent' ? html`<p class="meta">Last error: ${email.lastError}</p>` : nothing}
              <details>
                <summary>Text</summary>
                <pre>${email.text}</pre>
              </details>
            </li>`,
        )}
      </ul>`;
  }
}
