/**
 * Emails to the shop's own people rather than its shoppers: a data request
 * Shopify passed on (`customers/data_request`), with what the server keeps
 * about that customer, and an admin's invitation to join the inbox. In
 * English, as the inbox is; no unsubscribe, since neither is a newsletter.
 */
import { html } from '../html.js';
import type { ComposedEmail } from './messages.js';

export interface DataRequestNotice {
  shopName: string;
  /** Shopify's id of the request, to quote when answering. */
  requestId?: string;
  /** Who it is about, as Shopify named them. */
  customer: { id?: string; email?: string };
  /** The export, as `GET /api/v1/admin/customers/export` answers it. */
  data: unknown;
  /** How many records of each area the export holds (`orders: 2`). */
  counts: Record<string, number>;
}

export function dataRequestEmail(notice: DataRequestNotice): ComposedEmail {
  const who = [notice.customer.email, notice.customer.id && `customer ${notice.customer.id}`].filter(Boolean).join(', ');
  const subject = `Data request for ${who} at ${notice.shopName}`;
  const reference = notice.requestId ? ` (Shopify's request ${notice.requestId})` : '';
  const intro = `Shopify passed on a request from ${who} to see the data kept about them${reference}. Everything Shopfront keeps about them is below, as JSON; send it to them, as the law asks, within 30 days.`;
  const summary = Object.entries(notice.counts).map(([area, count]) => `${area}: ${count}`);
  const json = JSON.stringify(notice.data, null, 2);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 48rem; margin: 0 auto; padding: 1rem;">
        <p>${intro}</p>
        <ul>
          ${summary.map((line) => html`<li>${line}</li>`)}
        </ul>
        <pre style="white-space: pre-wrap; font-size: 0.8125rem; background: #f5f5f5; padding: 0.75rem;">${json}</pre>
      </body>
    </html>`;
  return { subject, text: [intro, '', ...summary, '', json, ''].join('\n'), html: page.value };
}

export interface InviteNotice {
  shopName: string;
  /** Who is invited, as the admin typed it. */
  name: string;
  /** The admin who invited them. */
  invitedBy: string;
  role: 'admin' | 'agent';
  /** The signed link to the page that sets their password. */
  url: string;
  expiresAt: string;
}

/** An invitation to answer a shop's chat: the link that sets a password, and until when it works. */
export function inviteEmail(notice: InviteNotice): ComposedEmail {
  const subject = `${notice.invitedBy} invited you to the ${notice.shopName} inbox`;
  const as = notice.role === 'admin' ? 'an admin (who can also invite others)' : 'an agent';
  const until = new Date(notice.expiresAt).toUTCString();
  const intro = `Hello ${notice.name}, ${notice.invitedBy} invited you to answer ${notice.shopName}'s chat and reviews in the Shopfront inbox, as ${as}.`;
  const action = 'Choose your password to join:';
  const expiry = `The link works once, until ${until}. If you did not expect this email, ignore it: nothing happens without the link.`;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
        <p>${intro}</p>
        <p>
          <a
            href="${notice.url}"
            style="display: inline-block; padding: 0.6rem 1rem; background: #4338ca; color: #fff; border-radius: 6px; text-decoration: none;"
            >Set your password</a
          >
        </p>
        <p style="font-size: 0.875rem; color: #555;">${expiry}</p>
      </body>
    </html>`;
  return { subject, text: [intro, '', action, notice.url, '', expiry, ''].join('\n'), html: page.value };
}
