/** Signing in to the inbox as a browser does, for the tests that act as an agent. */
import assert from 'node:assert/strict';
import { hashPassword } from '../src/inbox/passwords.js';
import type { RunningServer } from '../src/server.js';
import { AGENT, SHOP } from './helpers.js';

interface Target {
  url: string;
}

/** Another agent of the demo shop, who signs in with `password`. */
export async function anotherAgent(server: Pick<RunningServer, 'storage'>, name: string, password = 'another correct horse') {
  const shop = (await server.storage.shops.byKey(SHOP))!;
  const email = `${name.toLowerCase()}@example.com`;
  const agent = await server.storage.agents.upsert({ shopId: shop.id, email, name, passwordHash: await hashPassword(password) });
  return { ...agent, password };
}

export const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0];

/** The login page's cookie and CSRF token. */
export async function loginForm(target: Target) {
  const page = await fetch(`${target.url}/inbox/login`);
  const cookie = cookieOf(page, 'sf_login')!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return { cookie, csrf };
}

export async function login(target: Target, email = AGENT.email, password = AGENT.password, headers: Record<string, string> = {}) {
  const { cookie, csrf } = await loginForm(target);
  return fetch(`${target.url}/inbox/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: target.url, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ email, password, csrf }),
  });
}

/** A signed-in agent: the session cookie, the page's CSRF token, and `fetch` on `/inbox/api<path>` with both. */
export async function agentSession(target: Target, credentials: { email: string; password: string } = AGENT) {
  const response = await login(target, credentials.email, credentials.password);
  assert.equal(response.status, 303);
  const cookie = cookieOf(response, 'sf_inbox')!;
  const shell = await (await fetch(`${target.url}/inbox`, { headers: { cookie } })).text();
  const settings = JSON.parse(/<script type="application\/json" id="inbox-settings">(.*?)<\/script>/.exec(shell)![1]!);
  const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${target.url}/inbox/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        origin: target.url,
        ...(init.method && init.method !== 'GET' ? { 'x-csrf-token': settings.csrf } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  return { cookie, csrf: settings.csrf as string, api };
}
