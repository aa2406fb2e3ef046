/**
 * Emails to the shop's own people rather than its shoppers: a data request
 * Shopify passed on (`customers/data_request`), with what the server keeps
 * about that customer. In English, as the inbox is; no unsubscribe, since
 * answering a data request is the shop's legal duty, not a newsletter.
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
