/**
 * `/email/unsubscribe`: the link at the foot of every email and in its
 * `List-Unsubscribe` header. GET shows a page with one button (a link scanner
 * that follows links must not unsubscribe anyone); POST unsubscribes, both from
 * that button and as a mail client's one-click request (RFC 8058: a POST whose
 * body is `List-Unsubscribe=One-Click`). The signed token names the address,
 * so nobody can unsubscribe an address they were not sent.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { html, type Html } from '../html.js';
import type { AppContext, AppEnv } from '../http.js';
import { setPageHeaders } from '../security.js';
import { unsubscribeAddress } from '../services/email.js';
import type { Shop } from '../storage/index.js';

function page(c: AppContext, status: 200 | 400, title: string, body: Html) {
  setPageHeaders(c);
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/inbox/inbox.css" />
      </head>
      <body>
        <main class="login">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
  return c.html(document.value, status);
}

export function emailRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  /** The shop and the address the link was made for, or undefined for a link no shop of ours signed. */
  const linkOf = async (c: AppContext): Promise<{ shop: Shop; email: string } | undefined> => {
    const key = c.req.query('shop');
    const token = c.req.query('token');
    const shop = key ? await deps.shops.byKey(key) : undefined;
    const email = shop && token ? unsubscribeAddress(shop, token) : undefined;
    return shop && email ? { shop, email } : undefined;
  };
  const broken = (c: AppContext) =>
    page(
      c,
      400,
      'This link does not work',
      html`<p>The unsubscribe link is incomplete or was changed. Use the link from the email itself.</p>`,
    );

  app.get('/email/unsubscribe', async (c) => {
    const link = await linkOf(c);
    if (!link) return broken(c);
    if (await deps.storage.email.isUnsubscribed(link.shop.id, link.email)) {
      return page(c, 200, 'You are unsubscribed', html`<p>${link.shop.name} sends no more emails to <strong>${link.email}</strong>.</p>`);
    }
    return page(
      c,
      200,
      `Unsubscribe from ${link.shop.name}`,
      html`<p>Stop every email from ${link.shop.name} to <strong>${link.email}</strong>: review requests, answers and transcripts.</p>
        <form method="post">
          <button type="submit">Unsubscribe</button>
        </form>`,
    );
  });

  app.post('/email/unsubscribe', async (c) => {
    const link = await linkOf(c);
    if (!link) return broken(c);
    await deps.storage.email.unsubscribe(link.shop.id, link.email, new Date().toISOString());
    return page(c, 200, 'You are unsubscribed', html`<p>${link.shop.name} sends no more emails to <strong>${link.email}</strong>.</p>`);
  });

  return app;
}
