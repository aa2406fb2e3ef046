// A @web/test-runner plugin that gives browser tests a real Shopfront server:
// started in the runner's process on first use, one per test file (so files
// running side by side never share data), each on a free port with a fresh
// temporary data directory. test/helpers/server.ts is the browser side.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, packageDir } from '../scripts/build.mjs';

export const TEST_SHOP = 'pk_demo';
export const TEST_SECRET = 'shopfront-test-secret';
export const TEST_AGENT = { email: 'agent@example.com', password: 'shopfront-test-password', name: 'Sam' };

export function shopfrontServerPlugin() {
  let runnerPort;
  let module;
  const bundleDir = join(packageDir, 'dist', `wtr-${process.pid}`);
  /** session id → { server, dataDir, options, file, inboxPage } */
  const sessions = new Map();

  const load = () =>
    (module ??= buildServer({ entry: 'index', outfile: join(bundleDir, 'server.mjs') }).then((file) => import(pathToFileURL(file).href)));

  const baseOptions = (dataDir) => ({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demo: { secret: TEST_SECRET, alwaysOpen: true, origins: [`http://localhost:${runnerPort}`, `http://127.0.0.1:${runnerPort}`] },
    agent: TEST_AGENT,
    heartbeatMs: 2000,
    sseRetryMs: 200,
    rateLimits: { writesPerVisitor: 100_000, writesPerIp: 1_000_000, loginsPerIp: 10_000 },
    // The inbox script is always bundled from the sources, never a stale build.
    inboxBundleDir: join(dataDir, 'no-prebuilt-inbox'),
    log: (message) => console.error(message),
  });

  const merge = (base, extra = {}) => ({
    ...base,
    ...extra,
    demo: { ...base.demo, ...extra.demo },
    rateLimits: { ...base.rateLimits, ...extra.rateLimits },
  });

  async function start(entry, { fresh }) {
    const { startServer } = await load();
    await release(entry);
    if (fresh) {
      if (entry.dataDir) await rm(entry.dataDir, { recursive: true, force: true });
      entry.dataDir = await mkdtemp(join(tmpdir(), 'shopfront-wtr-'));
    }
    // Keep the port across restarts: open EventSources reconnect to the same URL.
    const options = merge(baseOptions(entry.dataDir), { ...entry.options, ...(entry.server ? { port: entry.server.port } : {}) });
    entry.server = await startServer(options);
    entry.streams = countStreams(entry.server);
    return entry.server;
  }

  /**
   * While the server is stopped its port stays taken, by a listener that resets
   * every connection: the page sees requests fail at once, as with the network
   * down. A port left free could be taken meanwhile (it is in the ephemeral
   * range): by another test file's server, or by one of Chromium's own
   * connections to it, which the kernel may then connect to itself, and the
   * requests would hang or reach another shop instead of failing.
   */
  async function hold(entry) {
    const holder = createServer((socket) => socket.resetAndDestroy());
    await new Promise((resolve, reject) => holder.once('error', reject).listen(entry.server.port, '127.0.0.1', resolve));
    entry.holder = holder;
  }

  async function release(entry) {
    const holder = entry.holder;
    entry.holder = undefined;
    if (holder) await new Promise((resolve) => holder.close(resolve));
  }

  /**
   * Counts the event streams each conversation has (open now, and opened since
   * this start) by wrapping the hub's `subscribe`, which every shopper stream
   * calls once: the two-tab tests check that one browser holds one stream.
   */
  function countStreams(server) {
    const counts = new Map();
    const hub = server.deps.hub;
    const subscribe = hub.subscribe.bind(hub);
    hub.subscribe = (shopId, conversationId, listener) => {
      const count = counts.get(conversationId) ?? { open: 0, opened: 0 };
      counts.set(conversationId, count);
      count.open++;
      count.opened++;
      const unsubscribe = subscribe(shopId, conversationId, listener);
      let done = false;
      return () => {
        if (!done) count.open--;
        done = true;
        return unsubscribe();
      };
    };
    return counts;
  }

  async function stop(entry) {
    await entry.inboxPage?.close().catch(() => undefined);
    await entry.server?.close();
    await release(entry);
    if (entry.dataDir) await rm(entry.dataDir, { recursive: true, force: true });
  }

  /** This test file's server; a new run of the same file (watch mode) replaces the old one. */
  async function serverFor(session) {
    let entry = sessions.get(session.id);
    if (!entry) {
      for (const [id, other] of sessions) {
        if (other.file === session.testFile) {
          sessions.delete(id);
          await stop(other);
        }
      }
      entry = { file: session.testFile, options: {} };
      sessions.set(session.id, entry);
    }
    if (!entry.server) {
      // Commands sent together must not start two servers.
      entry.starting ??= start(entry, { fresh: true }).finally(() => (entry.starting = undefined));
      await entry.starting;
    }
    return entry;
  }

  const info = (server) => ({
    url: server.url,
    endpoint: `${server.url}/api/v1`,
    shop: TEST_SHOP,
    agent: TEST_AGENT,
  });

  /** Drives a second page in the same browser: the agent's inbox. */
  async function inbox(entry, session, payload) {
    const { url } = entry.server;
    if (payload.action === 'inbox-open') {
      if (session.browser.type !== 'playwright') throw new Error('The inbox helper needs the Playwright launcher.');
      await entry.inboxPage?.close().catch(() => undefined);
      const page = await session.browser.getPage(session.id).context().newPage();
      page.setDefaultTimeout(8000);
      entry.inboxPage = page;
      await page.goto(`${url}/inbox/login`);
      await page.getByLabel('Email').fill(TEST_AGENT.email);
      await page.getByLabel('Password').fill(TEST_AGENT.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${url}/inbox`);
      await page.getByRole('tablist').waitFor();
      return true;
    }
    const page = entry.inboxPage;
    if (!page && payload.action === 'inbox-close') return false;
    if (!page) throw new Error('Open the inbox first (inbox.open()).');
    switch (payload.action) {
      case 'inbox-tab':
        await page.getByRole('tab', { name: new RegExp(escapeRegExp(payload.tab)) }).click();
        return true;
      case 'inbox-reply': {
        await page.getByRole('tab', { name: /Conversations/ }).click();
        await page
          .getByRole('button', { name: new RegExp(escapeRegExp(payload.conversation)) })
          .first()
          .click();
        await page.getByLabel('Reply', { exact: true }).fill(payload.body);
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await page.locator('.message.agent', { hasText: payload.body }).first().waitFor();
        return true;
      }
      case 'inbox-text':
        // innerText stops at the shadow root; the app renders inside it.
        if (payload.waitFor) await page.getByText(payload.waitFor).first().waitFor();
        return page.locator('sf-inbox-app').evaluate((element) => element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      case 'inbox-close':
        await page.close();
        entry.inboxPage = undefined;
        return true;
      default:
        throw new Error(`Unknown inbox action ${payload.action}`);
    }
  }

  return {
    name: 'shopfront-server',

    serverStart({ config }) {
      runnerPort = config.port;
    },

    async serverStop() {
      await Promise.all([...sessions.values()].map(stop));
      sessions.clear();
      await rm(bundleDir, { recursive: true, force: true });
    },

    async executeCommand({ command, payload = {}, session }) {
      if (command !== 'shopfront-server') return undefined;
      if (payload.action === 'reset') {
        const entry = sessions.get(session.id) ?? { file: session.testFile, options: {} };
        sessions.set(session.id, entry);
        await entry.inboxPage?.close().catch(() => undefined);
        entry.inboxPage = undefined;
        await entry.server?.close();
        entry.options = payload.options ?? {};
        return info(await start(entry, { fresh: true }));
      }
      const entry = await serverFor(session);
      const server = entry.server;
      if (entry.holder && payload.action !== 'restart' && payload.action !== 'info') {
        throw new Error(`The test server is stopped (stopServer()); restartServer() brings it back before "${payload.action}".`);
      }
      switch (payload.action) {
        case 'info':
          return info(server);
        case 'restart':
          await server.close();
          return info(await start(entry, { fresh: false }));
        case 'stop':
          // Closed, its port and database kept: what a shopper sees when the network is down. `restart` brings it back.
          await server.close();
          await hold(entry);
          return true;
        case 'stream-count':
          return entry.streams?.get(payload.conversationId) ?? { open: 0, opened: 0 };
        case 'stream-event':
          // Written as given into the conversation's open streams: the bad events no stored message can make.
          server.deps.hub.publish(payload.conversationId, payload.event);
          return true;
        case 'drop-streams':
          return server.dropStreams();
        case 'sign':
          return server.shop.secret && (await load()).signCustomer(server.shop.secret, payload.customerId);
        case 'agent-says':
          return server.agentSays(payload.conversationId, payload.body, payload.agentName);
        case 'agent-availability':
          await server.setAvailability(TEST_AGENT.email, payload.availability);
          return true;
        case 'moderate-review':
          // Through the service, as the inbox does: straight to storage would leave the cached reads stale.
          return (await server.moderateReview(payload.reviewId, payload.status)) ?? null;
        case 'pending-reviews':
          return (await server.storage.reviews.forModeration(server.shop.id, 'pending', 200)).map((review) => review.id);
        case 'review-link':
          return reviewLink(server, payload);
        default:
          if (String(payload.action).startsWith('inbox-')) return inbox(entry, session, payload);
          throw new Error(`Unknown shopfront-server action ${payload.action}`);
      }
    },
  };
}

/**
 * A fulfilled order of `productId` for `email`, delivered to the orders webhook as a shop's
 * backend signs it; the token of its review request email's link (`?sf_review=`), read from the
 * queued email as a shopper would click it.
 */
async function reviewLink(server, { email, productId }) {
  const orderId = `order-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({
    id: orderId,
    status: 'fulfilled',
    email,
    currency: 'EUR',
    total: 30,
    lines: [{ productId, quantity: 1, price: 30 }],
    createdAt: new Date().toISOString(),
  });
  const response = await fetch(`${server.url}/api/v1/webhooks/orders?shop=${TEST_SHOP}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopfront-hmac-sha256': createHmac('sha256', server.shop.secret).update(body).digest('base64'),
    },
    body,
  });
  if (!response.ok) throw new Error(`The orders webhook answered ${response.status}: ${await response.text()}`);
  const job = (await server.storage.email.list(server.shop.id, 500)).find((candidate) => candidate.key === `review-request:${orderId}`);
  const token = /[?&]sf_review=([\w.-]+)/.exec(job?.text ?? '')?.[1];
  if (!token) throw new Error(`No review request with a link was queued for ${orderId}.`);
  return { orderId, token };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
