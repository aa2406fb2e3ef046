/** The inbox's server-rendered pages: the login form, the invite's set-password form and the shell the Lit app runs in. */
import { html, jsonScript } from '../html.js';
import type { InviteRecord } from '../storage/index.js';
import type { InboxSettings } from './wire.js';

export const INBOX_CSS = `
:root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: light-dark(#f3f4f6, #111827); color: light-dark(#1f2937, #f3f4f6); }
.login { max-width: 22rem; margin: 12vh auto; padding: 2rem; background: light-dark(#fff, #1f2937); border-radius: 12px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.12); }
.login h1 { margin-top: 0; font-size: 1.4rem; }
.login label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
.login input { width: 100%; box-sizing: border-box; font: inherit; padding: 0.6rem; border: 1px solid light-dark(#d1d5db, #4b5563); border-radius: 8px; background: transparent; color: inherit; }
.login p.note { font-size: 0.9rem; color: light-dark(#4b5563, #d1d5db); }
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

/** Why an invite link cannot be taken up; `form` is a form that expired or came from elsewhere. */
export type InviteProblem = 'invalid' | 'expired' | 'gone' | 'taken' | 'form';

const INVITE_PROBLEMS: Record<InviteProblem, string> = {
  invalid: 'This invite link is not valid. Check that you opened the whole link from the email.',
  expired: 'This invite link has expired. Ask an admin of the shop for a new one.',
  gone: 'This invite link was already used or withdrawn. If it was yours, sign in; otherwise ask an admin for a new one.',
  taken: 'This email address already signs in to an inbox. Sign in with it instead.',
  form: 'The form expired. Open the link from the email again.',
};

export interface InviteForm {
  csrf: string;
  shopKey: string;
  token: string;
  shopName: string;
  invite: InviteRecord;
  /** The name to fill in: the one the admin typed, or the one just posted. */
  name: string;
  error?: string;
}

/** The page an invite link opens: a form that sets the password, or why the link cannot be used. */
export function invitePage(page: { form: InviteForm } | { problem: InviteProblem }): string {
  const body =
    'problem' in page
      ? html`<h1>Join the inbox</h1>
          <p class="error" role="alert">${INVITE_PROBLEMS[page.problem]}</p>
          <p><a href="/inbox/login">Sign in</a></p>`
      : inviteForm(page.form);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Join the inbox · Shopfront</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/inbox/inbox.css" />
      </head>
      <body>
        <main class="login">${body}</main>
      </body>
    </html>`.value;
}

function inviteForm(form: InviteForm) {
  const role = form.invite.role === 'admin' ? 'an admin' : 'an agent';
  return html`<h1>Join ${form.shopName}'s inbox</h1>
    <p class="note">You were invited as ${role}, with ${form.invite.email}. Choose the name shoppers see and your password.</p>
    ${form.error ? html`<p class="error" role="alert">${form.error}</p>` : ''}
    <form method="post" action="/inbox/invite">
      <input type="hidden" name="csrf" value="${form.csrf}" />
      <input type="hidden" name="shop" value="${form.shopKey}" />
      <input type="hidden" name="token" value="${form.token}" />
      <input type="hidden" name="email" value="${form.invite.email}" autocomplete="username" />
      <label for="name">Your name</label>
      <input id="name" name="name" autocomplete="name" required value="${form.name}" />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="new-password"
        minlength="8"
        required
        aria-describedby="password-rule"
      />
      <p class="note" id="password-rule">At least 8 characters.</p>
      <label for="confirm">Password again</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
      <button type="submit">Join the inbox</button>
    </form>`;
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
