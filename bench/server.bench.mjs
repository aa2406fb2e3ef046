// The reference server under load, on loopback (issue 14). Timings only print.
//
// 1. Reads: the review list and summary, 32 connections for a few seconds
//    (autocannon), beside a bare `node:http` server answering the same bytes
//    with the same headers in the same run: req/s, the ratio, p50 and p99. On
//    SQLite, and on PostgreSQL when this machine has one (a throwaway cluster).
// 2. SSE fan-out: 100, 1,000 and 5,000 subscribers on one conversation; an
//    agent's message is stored and published once: the server's write time,
//    and when the median and the last subscriber had it.
// 3. Memory per idle SSE connection, with 10,000 open (the bench raises its
//    file limit first).
//
// The server runs in its own process (bench/lib/server-process.mjs), the load
// here; the bare server has a process of its own too. `SERVER_BENCH_SECONDS=5`, `SERVER_BENCH_FANOUT=100,1000,5000` and `SERVER_BENCH_PARTS=reads,fanout` change the runs.
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { percentile } from './lib/browser.mjs';
import { printTable } from './lib/table.mjs';
import { startPostgres } from '../scripts/postgres.mjs';

const SECONDS = Number(process.env.SERVER_BENCH_SECONDS ?? 5);
const FANOUT = (process.env.SERVER_BENCH_FANOUT ?? '100,1000,5000').split(',').map(Number);
const IDLE_STREAMS = 10_000;
/** `SERVER_BENCH_PARTS=fanout` runs only the fan-out and idle streams; `reads` only the reads. */
const PARTS = (process.env.SERVER_BENCH_PARTS ?? 'reads,fanout').split(',');
const SHOP = 'pk_demo';

// Thousands of sockets need more descriptors than a shell's default 1,024: run again with the hard limit raised.
if (!process.env.SERVER_BENCH_NOFILE) {
  const script = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const args = [...process.execArgv, ...process.argv.slice(1)];
  const result = spawnSync('bash', ['-c', script, process.execPath, ...args], {
    stdio: 'inherit',
    env: { ...process.env, SERVER_BENCH_NOFILE: '1' },
  });
  process.exit(result.status ?? 1);
}

/** Starts the server process; resolves to `{ url, ask, stop }`. */
async function startServerProcess(options) {
  const child = fork(new URL('./lib/server-process.mjs', import.meta.url), [JSON.stringify(options)], {
    execArgv: ['--conditions=source', '--import', 'tsx', '--expose-gc'],
  });
  const { url } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it listened`)));
  });
  return {
    url,
    ask: async (message) => {
      child.send(message);
      return (await once(child, 'message'))[0];
    },
    stop: async () => {
      child.send({ stop: true });
      await once(child, 'exit');
    },
  };
}

const load = (url) =>
  new Promise((resolve, reject) =>
    autocannon({ url, connections: 32, duration: SECONDS }, (error, result) => (error ? reject(error) : resolve(result))),
  );

/** A bare node:http server, in its own process, answering every request with these bytes and headers. */
async function bareServer(body, headers) {
  const child = fork(new URL('./lib/bare-process.mjs', import.meta.url));
  child.send({ body: body.toString('base64'), headers });
  const [{ port }] = await once(child, 'message');
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      child.send({ stop: true });
      await once(child, 'exit');
    },
  };
}

async function readsOn(label, options) {
  const server = await startServerProcess(options);
  const rows = [];
  try {
    for (const path of ['/products/prod-1/reviews', '/products/prod-1/reviews/summary']) {
      const url = `${server.url}/api/v1${path}?shop=${SHOP}`;
      const sample = await fetch(url);
      const body = Buffer.from(await sample.arrayBuffer());
      // Every header Shopfront sent, but those Node adds to any response.
      const headers = Object.fromEntries(
        [...sample.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)),
      );
      const bare = await bareServer(body, headers);
      // Taken in turns, twice, keeping each side's better run: on two cores, whichever ran second or beside a
      // busy neighbour would otherwise lose a fifth of its rate to the noise.
      const runs = [];
      for (let round = 0; round < 2; round++) runs.push([await load(url), await load(bare.url)]);
      const best = (side) => runs.map((run) => run[side]).reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
      const ours = best(0);
      const theirs = best(1);
      await bare.close();
      rows.push([
        `GET ${path}`,
        label,
        Math.round(ours.requests.average),
        Math.round(theirs.requests.average),
        Number((ours.requests.average / theirs.requests.average).toFixed(2)),
        ours.latency.p50,
        ours.latency.p99,
        theirs.latency.p99,
        ours.non2xx + ours.errors,
      ]);
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** Opens an SSE stream; `onMessage` hears each message event's arrival time. */
function subscribe(url, onMessage) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes('"type":"status"')) resolve(request);
          else if (frame.includes('"type":"message"')) onMessage(performance.now());
        }
      });
    });
    request.on('error', reject);
  });
}

async function fanOut() {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-bench-'));
  const server = await startServerProcess({ dataDir, rateLimits: { writesPerIp: 1e6, writesPerVisitor: 1e6, windowMs: 60_000 } });
  const rows = [];
  try {
    const started = await fetch(`${server.url}/api/v1/chat/conversations?shop=${SHOP}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench' }),
    });
    const { id } = await started.json();
    const streamUrl = `${server.url}/api/v1/chat/conversations/${id}/events?shop=${SHOP}`;
    const open = [];
    // One list for every subscriber, old and new, emptied before each message.
    const arrivals = [];
    for (const size of FANOUT) {
      while (open.length < size) open.push(await subscribe(streamUrl, (at) => arrivals.push(at)));
      arrivals.length = 0;
      const sentAt = performance.now();
      const { writeMs } = await server.ask({ say: id, body: `To ${size} subscribers` });
      // Bounded: a subscriber that never hears the message is counted as missed, not waited for.
      const deadline = sentAt + 30_000;
      while (arrivals.length < size && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      const delays = arrivals.map((at) => at - sentAt);
      rows.push([
        size,
        Number(writeMs.toFixed(1)),
        Number(percentile(delays, 50).toFixed(1)),
        Number(Math.max(...delays).toFixed(1)),
        size - arrivals.length,
      ]);
    }
    for (const request of open) request.destroy();

    // Idle streams: the server's memory before and after opening them.
    const before = await server.ask({ memory: true });
    const idle = [];
    for (let i = 0; i < IDLE_STREAMS; i++) idle.push(await subscribe(streamUrl, () => undefined));
    const afterOpen = await server.ask({ memory: true });
    for (const request of idle) request.destroy();
    return {
      rows,
      memory: [
        [
          IDLE_STREAMS,
          Number(((afterOpen.rss - before.rss) / IDLE_STREAMS / 1024).toFixed(1)),
          Number(((afterOpen.heapUsed - before.heapUsed) / IDLE_STREAMS / 1024).toFixed(1)),
        ],
      ],
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (PARTS.includes('reads')) {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'shopfront-bench-'));
  const reads = await readsOn('SQLite', { dataDir: sqliteDir });
  rmSync(sqliteDir, { recursive: true, force: true });
  try {
    const cluster = await startPostgres();
    const pgDir = mkdtempSync(join(tmpdir(), 'shopfront-bench-'));
    try {
      reads.push(...(await readsOn('PostgreSQL', { dataDir: pgDir, database: { kind: 'postgres', url: cluster.url } })));
    } finally {
      cluster.stop();
      rmSync(pgDir, { recursive: true, force: true });
    }
  } catch (error) {
    console.log(`(PostgreSQL not measured: ${error.message})`);
  }
  printTable(
    `Reads, ${SECONDS} s at 32 connections (req/s; latency in ms; the bare server answers the same bytes)`,
    ['endpoint', 'database', 'Shopfront', 'bare', 'ratio', 'p50', 'p99', 'bare p99', 'non-2xx'],
    reads,
  );
}

if (PARTS.includes('fanout')) {
  const { rows, memory } = await fanOut();
  printTable(
    'SSE fan-out: one agent message to N subscribers of one conversation (ms)',
    ['subscribers', 'write', 'p50', 'last', 'missed'],
    rows,
  );
  printTable('Idle SSE connections (KB per connection, after a full GC)', ['open', 'RSS', 'heap'], memory);
}
