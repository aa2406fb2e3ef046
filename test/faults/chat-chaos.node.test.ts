/**
 * Chat under chaos: two shoppers write through the real `<sf-chat-launcher>`
 * (the CDN build on the demo shop's page, two Chromium contexts, so two
 * browsers' storage) and an agent answers through the inbox's HTTP API, 1,000
 * messages in all by default (SHOPFRONT_CHAOS_MESSAGES), while the suite cuts
 * every connection, freezes the server, loses every answer for 3 s, and
 * SIGKILLs and restarts it twice.
 * The server is its own process on SQLite; the widgets reach it through a TCP
 * proxy, so "drop every connection" is a real cut the server does not see
 * coming. Afterwards the database itself is read: each conversation holds
 * every message once (by client id), numbered without gaps, each author's in
 * the order written, and each shopper's widget shows exactly that
 * conversation, every message delivered.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { AGENT, SECRET } from '../../packages/server/test/helpers.js';
import { agentSession } from '../../packages/server/test/inbox-session.js';
import { startServerProcess, type ServerProcess } from '../../packages/server/test/server-process.js';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { recordFigures } from '../helpers/figures.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const MESSAGES = Number(process.env.SHOPFRONT_CHAOS_MESSAGES ?? 1000);
/** A fifth of the messages are the agent's, the rest split between the two shoppers. */
const AGENT_MESSAGES = Math.round(MESSAGES / 5);
const PER_SHOPPER = Math.floor((MESSAGES - AGENT_MESSAGES) / 2);
const SHOPPERS = ['A', 'B'] as const;
/** Waits on conditions, never on the clock: generous, for a loaded 2-core machine. */
const PATIENCE_MS = 180_000;

const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-chaos-'));
const databaseFile = join(dataDir, 'shopfront.db');
let port: number;
let proxy: TcpProxy;
let server: ServerProcess;
let browser: Browser;
const chaosLog: string[] = [];

/** A port free now, kept for every start of the server (the proxy forwards to it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

const startServer = async () => {
  server = await startServerProcess(
    {
      PORT: String(port),
      SHOPFRONT_DATA_DIR: dataDir,
      SHOPFRONT_DEMO_SECRET: SECRET,
      SHOPFRONT_AGENT_EMAIL: AGENT.email,
      SHOPFRONT_AGENT_PASSWORD: AGENT.password,
      // 800 messages from two visitors on one IP would meet the write budgets long before the end.
      SHOPFRONT_RATE_PER_VISITOR: '1000000000',
      SHOPFRONT_RATE_PER_IP: '1000000000',
      // Streams come back within a fifth of a second of a cut, so the run spends its time on messages.
      SHOPFRONT_SSE_RETRY_MS: '200',
      SHOPFRONT_HEARTBEAT_MS: '2000',
    },
    { entry: join(import.meta.dirname, 'chaos-server.ts') },
  );
};

/** A crash: SIGKILL (no close, no flush), the port dead for a moment (sends fail meanwhile), then the same port and data dir. */
async function crashAndRestart(): Promise<void> {
  const exited = once(server.child, 'close');
  server.child.kill('SIGKILL');
  await exited;
  proxy.drop();
  await sleep(1000);
  await startServer();
}

/** The server stops answering without closing anything (SIGSTOP), then every connection is cut while it is frozen. */
async function freezeAndCut(): Promise<void> {
  server.child.kill('SIGSTOP');
  await sleep(2000);
  proxy.drop();
  server.child.kill('SIGCONT');
}

/**
 * For 3 s every request arrives and every answer is lost: longer than the
 * adapter's own retries (the same request again), so the widget's outbox
 * and the agent must resend messages the server already stored.
 */
async function loseAnswers(): Promise<void> {
  proxy.loseAnswers(true);
  await sleep(3000);
  proxy.loseAnswers(false);
}

/** When each fault strikes: the share of the shoppers' messages written by then. */
const CHAOS: Array<{ at: number; name: string; run: () => Promise<unknown> }> = [
  { at: 0.1, name: 'every connection cut', run: async () => proxy.drop() },
  { at: 0.25, name: 'SIGKILL and restart', run: crashAndRestart },
  { at: 0.45, name: 'SIGSTOP for 2 s, connections cut, SIGCONT', run: freezeAndCut },
  { at: 0.6, name: 'SIGKILL and restart', run: crashAndRestart },
  { at: 0.7, name: 'answers lost for 3 s', run: loseAnswers },
  { at: 0.85, name: 'every connection cut', run: async () => proxy.drop() },
];

before(async () => {
  if (!existsSync('dist/cdn/shopfront.js'))
    execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
  port = await freePort();
  proxy = await startTcpProxy(port);
  await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  // A test that failed while the server was frozen would otherwise leave it waiting on its SIGTERM for ever.
  server?.child.kill('SIGCONT');
  await server?.stop();
  await proxy?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bodyOf = (author: string, index: number) => `${author} #${String(index + 1).padStart(4, '0')}`;

/** The widgets' sends as the network saw them: attempts, answers "already stored" (a resend after a lost answer) and failures. */
const widgetSends = { attempts: 0, alreadyStored: 0, failed: 0 };
/** Answers with a 5xx, to the widgets' sends and the agent's: a crash must look like no answer, never a server error. */
let serverErrors = 0;
const isSend = (method: string, url: string) => method === 'POST' && /\/chat\/conversations\/[^/]+\/messages/.test(url);

/** The demo shop's home page with the chat panel open, in a browser context of its own. */
async function openShopper(errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE_MS);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => void (isSend(request.method(), request.url()) && widgetSends.attempts++));
  page.on('requestfailed', (request) => void (isSend(request.method(), request.url()) && widgetSends.failed++));
  page.on('response', (response) => {
    if (!isSend(response.request().method(), response.url())) return;
    if (response.status() === 200) widgetSends.alreadyStored++;
    if (response.status() >= 500) serverErrors++;
  });
  await page.goto(`${proxy.url}/`);
  await page.locator('sf-chat-launcher button').first().click();
  await page.locator('sf-chat-launcher textarea[part=input]').waitFor();
  return page;
}

/** How far a shopper writes ahead of what the server has stored: enough to queue through an outage, not to finish before the chaos. */
const AHEAD = 25;

/** The shopper's messages the widget still shows as on their way. */
const unsent = (page: Page) =>
  page
    .locator('sf-chat-launcher [part=delivery]')
    .evaluateAll((nodes) => nodes.filter((node) => /Sending|Waiting/.test(node.textContent ?? '')).length);

/** Writes the shopper's messages as a person does, only faster: the whole text at once, then Enter. */
async function write(page: Page, author: string, written: { count: number }): Promise<void> {
  const input = page.locator('sf-chat-launcher textarea[part=input]');
  for (let i = 0; i < PER_SHOPPER; i++) {
    // Typing pauses while the widget is far behind, so the faults strike while messages are still being written.
    while ((await unsent(page)) >= AHEAD) await sleep(50);
    await input.fill(bodyOf(author, i));
    await input.press('Enter');
    // The composer empties once the widget has taken the message into its outbox.
    while ((await input.inputValue()) !== '') await sleep(5);
    written.count++;
  }
}

/** What a shopper's widget shows: each message's text and, under the shopper's own, its delivery. */
function shown(page: Page) {
  return page.locator('sf-chat-launcher [part~=message]').evaluateAll((nodes) =>
    nodes.map((node) => ({
      body: node.querySelector('.bubble .text')?.textContent ?? '',
      delivery: node.querySelector('[part=delivery]')?.textContent?.trim(),
    })),
  );
}

type Session = Awaited<ReturnType<typeof agentSession>>;

/** An agent's reply sent until the server has it: every failure (cut, crash, freeze) is retried with the same client id. */
async function sendUntilStored(session: Session, conversationId: string, body: string): Promise<number> {
  const clientId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      const response = await fetch(`${proxy.url}/inbox/api/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { cookie: session.cookie, origin: proxy.url, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, body }),
        // A frozen server holds requests; give up on one and try again rather than wait for ever.
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      if (status >= 500) serverErrors++;
      if (status === 200 || status === 201) return attempt;
      if (status < 500) throw new Error(`reply refused: ${status} ${await response.text()}`);
    } catch (error) {
      if (status && status < 500) throw error;
      // No answer: the network or the server is down; the client id makes sending again harmless.
    }
    await sleep(100);
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}

/** The conversation a shopper's first message started, found through the inbox as the agent would. */
async function conversationOf(session: Session, author: string): Promise<string> {
  return until(`shopper ${author}'s conversation`, async () => {
    try {
      const list = (await (await session.api('/conversations')).json()) as { conversations: Array<{ id: string }> };
      for (const { id } of list.conversations) {
        const history = (await (await session.api(`/conversations/${id}/messages`)).json()) as { messages: Array<{ body: string }> };
        if (history.messages[0]?.body.startsWith(`${author} #`)) return id;
      }
    } catch {
      // The server is down for a moment: ask again.
    }
    return undefined;
  });
}

interface Row {
  client_id: string;
  seq: number;
  author: string;
  body: string;
}

/** Every message of a conversation as the SQLite file holds it, in sequence order (read-only: WAL lets it look while the server runs). */
function storedMessages(conversationId: string): Row[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT client_id, seq, author, body FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(conversationId) as Row[];
  } finally {
    db.close();
  }
}

describe('chat chaos: two shoppers and an agent while connections drop and the server is killed', () => {
  it(`stores ${MESSAGES.toLocaleString('en')} messages once each, in order, and each widget shows its conversation`, async () => {
    const started = Date.now();
    const errors: string[] = [];
    const session = await agentSession({ url: proxy.url });
    // Present for the whole run (else the widget offers email, not chat): availability is stored, so it outlives the crashes.
    assert.equal((await session.api('/me/availability', { method: 'PUT', body: { availability: 'available' } })).status, 200);
    const pages = [await openShopper(errors), await openShopper(errors)];

    const written = { count: 0 };
    const writing = Promise.all(pages.map((page, i) => write(page, SHOPPERS[i]!, written)));
    const chaos = (async () => {
      for (const event of CHAOS) {
        await until(`${event.at * 100}% written`, () => (written.count >= event.at * 2 * PER_SHOPPER ? true : undefined));
        chaosLog.push(`${event.name} at ${written.count} written`);
        await event.run();
      }
    })();
    const agentReplies: string[][] = [[], []];
    let agentAttempts = 0;
    const answering = (async () => {
      const conversations = [await conversationOf(session, 'A'), await conversationOf(session, 'B')];
      for (let k = 0; k < AGENT_MESSAGES; k++) {
        // Spread through the run: one reply for each few shopper messages, alternating between the two.
        await until('the shoppers to write on', () =>
          written.count >= ((k + 1) * 2 * PER_SHOPPER) / (AGENT_MESSAGES + 1) ? true : undefined,
        );
        const body = bodyOf('Agent', k);
        agentReplies[k % 2]!.push(body);
        agentAttempts += await sendUntilStored(session, conversations[k % 2]!, body);
      }
      return conversations;
    })();
    const [, , conversations] = await Promise.all([writing, chaos, answering]);

    // Everything is written; the outboxes drain once the server is up for good.
    const expected = SHOPPERS.map((_, i) => PER_SHOPPER + agentReplies[i]!.length);
    await until('every message stored', () =>
      conversations.every((id, i) => storedMessages(id).length >= expected[i]!) ? true : undefined,
    );
    const widgets = await Promise.all(
      pages.map((page, i) =>
        until(`shopper ${SHOPPERS[i]}'s widget to show the conversation, all delivered`, async () => {
          const messages = await shown(page);
          const settled = messages.length >= expected[i]! && messages.every((message) => !/Sending|Waiting/.test(message.delivery ?? ''));
          return settled ? messages : undefined;
        }),
      ),
    );
    // The database as the server leaves it: closed cleanly now, so nothing is still in flight.
    await server.stop();
    const stored = conversations.map(storedMessages);
    const seconds = (Date.now() - started) / 1000;

    let lost = 0;
    let duplicated = 0;
    /** Each rule a conversation breaks, named; a failure in the figures and in the test. */
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => ok || problems.push(problem);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    stored.forEach((rows, i) => {
      const who = `shopper ${SHOPPERS[i]}'s conversation`;
      const shopperBodies = Array.from({ length: PER_SHOPPER }, (_, n) => bodyOf(SHOPPERS[i]!, n));
      const bodies = rows.map((row) => row.body);
      lost += [...shopperBodies, ...agentReplies[i]!].filter((body) => !bodies.includes(body)).length;
      // A resend stored again would have a new row under the same text, or the same client id twice.
      duplicated += Math.max(rows.length - new Set(rows.map((row) => row.client_id)).size, bodies.length - new Set(bodies).size);
      const authored = (author: string) => rows.filter((row) => row.author === author).map((row) => row.body);
      check(same(authored('visitor'), shopperBodies), `${who}: the shopper's messages are not each once in the order written`);
      check(same(authored('agent'), agentReplies[i]), `${who}: the agent's messages are not each once in the order written`);
      check(same(authored('system'), []), `${who}: holds system messages`);
      check(
        rows.every((row, n) => row.seq === n + 1),
        `${who}: sequence numbers have gaps`,
      );
      check(
        same(
          widgets[i]!.map((message) => message.body),
          bodies,
        ),
        `${who}: the widget shows something else than the database holds`,
      );
      const undelivered = widgets[i]!.filter((message) => message.delivery !== undefined && !/^(Sent|Seen)$/.test(message.delivery));
      check(undelivered.length === 0, `${who}: ${undelivered.length} messages not shown as delivered`);
    });
    recordFigures({
      suite: `Chat chaos: ${MESSAGES.toLocaleString('en')} messages, 2 kills, cuts`,
      cases: MESSAGES,
      failures: problems.length + lost + duplicated,
      lost,
      duplicated,
      serverErrors,
    });
    console.log(
      `${MESSAGES} messages (${PER_SHOPPER} per shopper, ${AGENT_MESSAGES} from the agent) in ${seconds.toFixed(0)} s; ` +
        `agent: ${agentAttempts} attempts; widgets: ${widgetSends.attempts} sends, ${widgetSends.failed} failed, ` +
        `${widgetSends.alreadyStored} answered "already stored"; ` +
        `chaos: ${chaosLog.join('; ')}`,
    );
    assert.deepEqual([lost, duplicated], [0, 0], 'none lost, none duplicated');
    assert.deepEqual(problems, []);
    assert.equal(serverErrors, 0, 'no 5xx answers');
    assert.deepEqual(errors, [], 'no uncaught error in the pages');
  });
});
