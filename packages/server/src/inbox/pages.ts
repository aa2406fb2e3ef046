/** The inbox's server-rendered pages: the login form and the shell the Lit app runs in. */
import { html, jsonScript } from '../html.js';
import type { InboxSettings } from './wire.js';

export const INBOX_CSS = `
:root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: light-dark(#f3f4f6, #111827); color: light-dark(#1f2937, #f3f4f6); }
.login { max-width: 22rem; margin: 12vh auto; padding: 2rem; background: light-dark(#fff, #1f2937); border-radius: 12px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.12); }
.login h1 { margin-top: 0; font-size: 1.4rem; }
.login label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
.login input { width: 100%; box-sizing: border-box; font: inherit; padding: 0.6rem; border: 1px solid light-dark(#d1d5db, #4b5563); border-radius: 8px; background: transparent; color: inherit; }
.login button { margin-top: 1.5rem; width: 100%; font: inherit; padding: 0.7rem; border: 0; border-radius: 8px; background: #4338ca; color: #fff; cursor: pointer; }
.error { color: light-dark(#b91c1c, #fca5a5); }
sf-inbox-app { display: block; min-height: 100vh; }
`;

const MESSAGES: Record<string, string> = {
  invalid: 'Wrong email or password.',
  expired: 'The form expired. Please try again.',
  rate: 'Too many attempts. Wait a few minutes and try again.',
};

export function loginPage(csrf: string, error?: string): string {
  const message = error ? MESSAGES[error] : undefined;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · Shopfront inbox</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/inbox/inbox.css" />
      </head>
      <body>
        <main class="login">
          <h1>Shopfront inbox</h1>
          ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
          <form method="post" action="/inbox/login">
            <input type="hidden" name="csrf" value="${csrf}" />
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>`.value;
}

export function inboxShell(settings: InboxSettings): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Inbox · ${settings.shop.name}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/inbox/inbox.css" />
        ${jsonScript('inbox-settings', settings)}
        <script type="module" src="/inbox/app.js"></script>
      </head>
      <body>
        <sf-inbox-app></sf-inbox-app>
      </body>
    </html>`.value;
}
