// Chat message latency on loopback, shopper → agent → shopper, with N open
// conversations on the reference server (issue 7).
//
// - The server: `startServer()` from packages/server, in this process (a fresh
//   data directory per N).
// - The shopper: Chromium running the widget's own protocol code, `ChatClient`
//   over `RestAdapter` (IndexedDB outbox, fetch, EventSource). It sends a message
//   and times, in the page, until the message is stored (the send's answer or
//   its echo on the stream) and until the agent's reply reaches the conversation.
// - The agent: signs in to /inbox over HTTP like the inbox page, listens to the
//   inbox's live stream and answers every shopper message through the inbox API.
// - N − 1 other conversations: Node clients that hold each conversation's event
//   stream open (as RestAdapter's EventSource would) and write on average every
//   5 s; the agent answers those too. They and the agent run in a worker thread,
//   so they do not share an event loop with the server.
//
// `CHAT_BENCH_N=1,50,200` and `CHAT_BENCH_PINGS=60` change the runs. Timings only print.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const BACKGROUND_INTERVAL_MS = 5000;
const AGENT = { email: 'bench-agent@example.com', password: 'bench-agent-password', name: 'Sam' };

if (isMainThread) await main();
else await agentAndBackground(workerData);

async function main() {
  const { build } = await import('esbuild');
  const { startServer } = await import('../packages/server/src/index.ts');
  const { launchChromium, percentile, serve } = await import('./lib/browser.mjs');
  const { printTable } = await import('./lib/table.mjs');

  const sizes = (process.env.CHAT_BENCH_N ?? '1,50,200').split(',').map(Number);
  const pings = Number(process.env.CHAT_BENCH_PINGS ?? 60);
  const warmup = 5;

  // The shopper's page: the widget's chat client and adapter, bundled from the sources.
  const shopper = await build({
    stdin: {
      contents: `
        import { RestAdapter } from './packages/adapter-rest/src/index.ts';
        import { ChatClient } from './packages/chat-launcher/src/chat-client.ts';
        let client;
        window.ping = (body) =>
          new Promise((resolve) => {
            const start = performance.now();
            let stored;
            const unsubscribe = client.subscribe((message) => {
              if (message?.author === 'visitor' && message.body === body) stored ??= performance.now() - start;
              if (message?.author === 'agent' && message.body === 're: ' + body) {
                unsubscribe();
                resolve({ stored, reply: performance.now() - start });
              }
            });
            void client.send(body);
          });
        window.startChat = async (endpoint, shop) => {
          client = new ChatClient({ name: 'bench' });
          client.connect(new RestAdapter({ endpoint, shop }));
          await window.ping('Hello'); // starts the conversation
          while (client.connection !== 'open') await new Promise((resolve) => setTimeout(resolve, 10));
        };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    define: { __SHOPFRONT_VERSION__: '"bench"' },
    logLevel: 'silent',
  });
  const page = await serve({
    routes: {
      '/chat-latency.html': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>Shopper</title><script type="module" src="/chat-latency.js"></script>');
      },
      '/chat-latency.js': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(shopper.outputFiles[0].text);
      },
    },
  });
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const open of sizes) {
      const dataDir = await mkdtemp(join(tmpdir(), 'shopfront-bench-'));
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        demo: { alwaysOpen: true, origins: [page.url] },
        agent: AGENT,
        rateLimits: { writesPerVisitor: 1e9, writesPerIp: 1e9, loginsPerIp: 1e6 },
        inboxBundleDir: join(dataDir, 'no-inbox-bundle'),
        log: () => undefined,
      });
      const worker = new Worker(new URL(import.meta.url), {
        workerData: { url: server.url, shop: 'pk_demo', agent: AGENT, background: open - 1, intervalMs: BACKGROUND_INTERVAL_MS },
      });
      try {
        const [ready] = await once(worker, 'message');
        if (ready !== 'ready') throw new Error(`The agent worker failed: ${ready}`);
        const tab = await browser.newPage();
        await tab.goto(`${page.url}/chat-latency.html`);
        await tab.evaluate(([endpoint, shop]) => window.startChat(endpoint, shop), [`${server.url}/api/v1`, 'pk_demo']);
        const samples = [];
        for (let i = 0; i < warmup + pings; i++) {
          const sample = await tab.evaluate((body) => window.ping(body), `Ping ${i}`);
          if (i >= warmup) samples.push(sample);
        }
        await tab.close();
        worker.postMessage('stop');
        const [stats] = await once(worker, 'message');
        const stored = samples.map((sample) => sample.stored);
        const reply = samples.map((sample) => sample.reply);
        rows.push([
          open,
          Number((stats.sent / stats.seconds).toFixed(1)),
          samples.length,
          percentile(stored, 50),
          percentile(stored, 95),
          percentile(reply, 50),
          percentile(reply, 95),
        ]);
      } finally {
        await worker.terminate();
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    await page.close();
  }

  printTable(
    'Chat latency on loopback, reference server (ms; Chromium shopper: ChatClient + RestAdapter; agent over the inbox API)',
    ['open conversations', 'background msgs/s', 'pings', 'stored p50', 'stored p95', 'reply p50', 'reply p95'],
    rows,
  );
  console.log(
    '\n"stored": send() (outbox write, POST) until the shop has the message; "reply": send() until the agent’s answer' +
      '\nreached the shopper’s conversation over the event stream. Every conversation but the measured one holds its' +
      `\nstream open and writes every ~${BACKGROUND_INTERVAL_MS / 1000} s; the agent answers everything. One machine, shared cores.`,
  );
}

/** The worker: the agent signed in to the inbox, and the other shoppers' conversations. */
async function agentAndBackground({ url, shop, agent, background, intervalMs }) {
  const streams = new AbortController();
  const timers = new Set();
  const stats = { sent: 0, seconds: 0 };
  try {
    const session = await signIn(url, agent);
    const answer = (message) =>
      fetch(`${url}/inbox/api/conversations/${message.conversationId}/messages`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: randomUUID(), body: `re: ${message.body}` }),
      }).then((response) => response.body?.cancel());
    await openEvents(`${url}/inbox/api/events`, { cookie: session.cookie }, streams.signal, (event) => {
      if (event.type === 'message' && event.message.author === 'visitor') void answer(event.message);
    });

    const visitor = randomUUID();
    const api = (path, body) =>
      fetch(`${url}/api/v1${path}?shop=${shop}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopfront-visitor': visitor },
        body: JSON.stringify(body),
      }).then((response) => response.json());
    const conversations = [];
    for (let i = 0; i < background; i++) conversations.push((await api('/chat/conversations', {})).id);
    await Promise.all(
      conversations.map((id) =>
        openEvents(`${url}/api/v1/chat/conversations/${id}/events?shop=${shop}&lastEventId=0`, {}, streams.signal, () => undefined),
      ),
    );
    const started = performance.now();
    for (const id of conversations) {
      const next = (delay) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          stats.sent++;
          void api(`/chat/conversations/${id}/messages`, { clientId: randomUUID(), body: 'Background message' }).catch(() => undefined);
          next(intervalMs * (0.5 + Math.random()));
        }, delay);
        timers.add(timer);
      };
      // Spread over the first interval: the load is steady from the start.
      next(intervalMs * Math.random());
    }
    parentPort.postMessage('ready');
    await once(parentPort, 'message');
    stats.seconds = (performance.now() - started) / 1000;
  } catch (error) {
    parentPort.postMessage(String(error?.stack ?? error));
    return;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    streams.abort();
  }
  parentPort.postMessage(stats);
}

/** Signs in through the login form, as a browser would: the login cookie's token, then the session's CSRF token. */
async function signIn(url, { email, password }) {
  const cookies = new Map();
  const keep = (response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair.split('=');
      cookies.set(name, value);
    }
  };
  const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const form = await fetch(`${url}/inbox/login`);
  keep(form);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const login = await fetch(`${url}/inbox/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrf: csrf ?? '' }),
  });
  keep(login);
  if (login.status !== 303) throw new Error(`The agent could not sign in (${login.status}).`);
  const inbox = await fetch(`${url}/inbox`, { headers: { cookie: cookie() } });
  const token = /"csrf":"([^"]+)"/.exec(await inbox.text())?.[1];
  if (!token) throw new Error('No CSRF token on the inbox page.');
  return { cookie: cookie(), csrf: token };
}

/** Opens an SSE stream and calls `onEvent` with each event's JSON; resolves once the stream is open. */
async function openEvents(url, headers, signal, onEvent) {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  void (async () => {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
}
