/**
 * The real Shopfront server for browser tests.
 *
 * The test runner (web-test-runner.config.mjs, `shopfrontServerPlugin` from
 * packages/server/testing/wtr-plugin.mjs) starts one server per test file, in its
 * own process, on first use: a free port, a fresh temporary data directory, the
 * seeded demo shop (`pk_demo`: 12 products `prod-1`…`prod-12`, ~300 reviews,
 * loyalty, 80+ FAQ entries) and an inbox agent. Test files running side by side
 * never share data. The server allows the test page's origin (CORS), is always
 * within business hours, auto-publishes reviews rated 4 or 5, and has generous
 * rate limits unless a test asks otherwise with `resetServer({ rateLimits })`.
 *
 * ```ts
 * import { restAdapter, testServer, agentSays, restartServer, dropStreams } from '../../test/helpers/server.js';
 *
 * const adapter = await restAdapter();               // a RestAdapter for the demo shop
 * const conversation = await adapter.chat!.start({});
 * await agentSays(conversation.id, 'Hello!');         // an agent answers (through the hub: streams get it)
 * await restartServer();                              // same port, same database: prove nothing is lost
 * await dropStreams();                                // end every SSE connection; EventSources reconnect
 * await stopServer(); … await restartServer();        // the network is down in between (connections cut)
 * await conversationStreams(conversation.id);         // { open, opened }: event streams the server holds for it
 * await streamEvent(conversation.id, { type: 'x' });  // a raw (bad) event into the conversation's open streams
 * await resetServer();                                // fresh data (same port)
 * await inbox.open(); await inbox.reply('Grace', 'Hi Grace'); // drive the real /inbox page in a second tab
 * await inbox.tab('Emails'); await inbox.text('ann@example.com'); // emails left while away
 * await reviewLink('ann@example.com', 'prod-1');    // a fulfilled order; its review request link's token
 * ```
 *
 * Test-only commands (the server's own behaviour is untouched): `stopServer`
 * closes the server but keeps its port and database until `restartServer`;
 * `conversationStreams` counts the streams of one conversation by wrapping the
 * hub's `subscribe` (counts start again at every start of the server);
 * `streamEvent` publishes any value through the hub, exactly as written, to the
 * conversation's open streams (the server never stores or sends an invalid
 * event itself, so bad-event tests inject one here).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatMessage, Customer } from '@shopfront/core';
import { RestAdapter, type RestAdapterOptions } from '@shopfront/adapter-rest';

export interface TestServerInfo {
  /** `http://127.0.0.1:<port>`: the demo shop's pages, /inbox, /cdn. */
  url: string;
  /** `<url>/api/v1`: what `configure({ endpoint })` takes. */
  endpoint: string;
  /** The demo shop's public key, `pk_demo`. */
  shop: string;
  /** The inbox agent's login. */
  agent: { email: string; password: string; name: string };
}

/** Options for a fresh server; anything `startServer` takes (rate limits, `demo: { autoPublishAt }`…). */
export interface TestServerOptions {
  rateLimits?: Partial<{ windowMs: number; writesPerVisitor: number; writesPerIp: number; loginsPerIp: number; loginWindowMs: number }>;
  demo?: { autoPublishAt?: number | null; alwaysOpen?: boolean };
  heartbeatMs?: number;
  sseRetryMs?: number;
}

const command = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('shopfront-server', payload);

/** This test file's server, started on first use. */
export function testServer(): Promise<TestServerInfo> {
  return command({ action: 'info' });
}

export async function serverUrl(): Promise<string> {
  return (await testServer()).url;
}

/** Throws away this file's data and starts a fresh server on the same port, with `options` if given. */
export function resetServer(options: TestServerOptions = {}): Promise<TestServerInfo> {
  return command({ action: 'reset', options });
}

/** Stops and starts the server again on the same port, keeping its database. */
export function restartServer(): Promise<TestServerInfo> {
  return command({ action: 'restart' });
}

/** Ends every open SSE connection; returns how many there were. */
export function dropStreams(): Promise<number> {
  return command({ action: 'drop-streams' });
}

/** Closes the server, keeping its port and database: every connection is cut at once until `restartServer()`. */
export async function stopServer(): Promise<void> {
  await command({ action: 'stop' });
}

/** The event streams the server holds for a conversation: `open` now, `opened` since the server (re)started. */
export function conversationStreams(conversationId: string): Promise<{ open: number; opened: number }> {
  return command({ action: 'stream-count', conversationId });
}

/** Sends `event` as it is (valid or not) to the conversation's open streams; nothing is stored. */
export async function streamEvent(conversationId: string, event: unknown): Promise<void> {
  await command({ action: 'stream-event', conversationId, event });
}

/** An agent (Sam) writes into a conversation: stored, sequenced and sent to open streams. */
export function agentSays(conversationId: string, body: string, agentName?: string): Promise<ChatMessage> {
  return command({ action: 'agent-says', conversationId, body, agentName });
}

/** `available` puts chat online (the agent is present); `away` and `auto` (no inbox open) leave it away. */
export async function setAgentAvailability(availability: 'auto' | 'available' | 'away'): Promise<void> {
  await command({ action: 'agent-availability', availability });
}

/** Publishes or rejects a review waiting for moderation; returns its new status, or null if unknown. */
export function moderateReview(reviewId: string, status: 'published' | 'rejected'): Promise<string | null> {
  return command({ action: 'moderate-review', reviewId, status });
}

/** Ids of the reviews waiting for moderation, newest first. */
export function pendingReviews(): Promise<string[]> {
  return command({ action: 'pending-reviews' });
}

/**
 * A fulfilled order of `productId` for `email` through the orders webhook, and the token of its
 * review request email's link (`?sf_review=<token>`), as the queued email has it.
 */
export function reviewLink(email: string, productId: string): Promise<{ orderId: string; token: string }> {
  return command({ action: 'review-link', email, productId });
}

/** A signed customer of the demo shop, as a shop's page would hand it to `configure({ customer })`. */
export async function signedCustomer(id: string, extra: Partial<Customer> = {}): Promise<Customer> {
  const signature = await command<string>({ action: 'sign', customerId: id });
  return { id, signature, ...extra };
}

/** The seeded demo member: Amelia, 725 points, Navigator tier. */
export function demoCustomer(): Promise<Customer> {
  return signedCustomer('demo-customer-1', { firstName: 'Amelia' });
}

/**
 * What this file's server answers to a plain GET of `path` under `/api/v1` for the
 * demo shop, as `customer` when given: the truth the widgets are checked against.
 */
export async function serverGet<T>(path: string, customer?: Customer | null): Promise<T> {
  const { endpoint, shop } = await testServer();
  const headers: Record<string, string> = customer
    ? { 'x-shopfront-customer': customer.id, 'x-shopfront-customer-signature': customer.signature ?? '' }
    : {};
  const response = await fetch(`${endpoint}${path}${path.includes('?') ? '&' : '?'}shop=${shop}`, { headers });
  return (await response.json()) as T;
}

/** A RestAdapter for this file's server and the demo shop. */
export async function restAdapter(options: Partial<RestAdapterOptions> = {}): Promise<RestAdapter> {
  const { endpoint, shop } = await testServer();
  return new RestAdapter({ endpoint, shop, ...options });
}

/** The agent's side, in a second page of the same browser: the real /inbox, signed in through its form. */
export const inbox = {
  /** Opens /inbox and signs in as the test agent (the agent then counts as present). */
  open: () => command<boolean>({ action: 'inbox-open' }),
  /** Opens the conversation whose list entry mentions `conversation` (visitor name or last message) and sends `body`. */
  reply: (conversation: string, body: string) => command<boolean>({ action: 'inbox-reply', conversation, body }),
  /** The inbox page's text, once `waitFor` (if given) shows up in it. */
  text: (waitFor?: string) => command<string>({ action: 'inbox-text', waitFor }),
  /** Shows one of the inbox's tabs: `Conversations`, `Emails`, `Reviews` or `Outbox`. */
  tab: (tab: 'Conversations' | 'Emails' | 'Reviews' | 'Outbox') => command<boolean>({ action: 'inbox-tab', tab }),
  /** Closes the inbox page (the agent leaves); false if it was not open. */
  close: () => command<boolean>({ action: 'inbox-close' }),
};
