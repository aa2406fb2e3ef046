// What acknowledging only durable writes costs (issue 18): chat messages
// appended through the SQLite storage with `synchronous = FULL` (what the
// server runs: each commit is on disk before it is answered) beside the same
// storage with `NORMAL` (a killed process loses nothing, a power cut may take
// back the last commits), on the same disk in the same run.
//
// `DURABILITY_BENCH_MESSAGES=2000` changes the count. Timings only print.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteStorage } from '../packages/server/src/sqlite/index.ts';
import { percentile } from './lib/browser.mjs';
import { printTable } from './lib/table.mjs';

const messages = Number(process.env.DURABILITY_BENCH_MESSAGES ?? 2000);

async function run(synchronous) {
  const dir = await mkdtemp(join(tmpdir(), 'shopfront-durability-'));
  const storage = new SqliteStorage(join(dir, 'bench.db'));
  try {
    storage.db.pragma(`synchronous = ${synchronous}`);
    const { shop } = await storage.shops.upsert({ key: 'pk_bench', secret: 'bench-secret-0123456789', name: 'Bench', settings: {} });
    const conversation = await storage.chat.createConversation(shop.id, { name: 'Bench' });
    const times = [];
    const start = performance.now();
    for (let i = 0; i < messages; i++) {
      const sent = performance.now();
      await storage.chat.appendMessage(conversation.id, { clientId: randomUUID(), author: 'visitor', body: `message ${i}` });
      times.push(performance.now() - sent);
    }
    const seconds = (performance.now() - start) / 1000;
    return [synchronous, Math.round(messages / seconds), percentile(times, 50), percentile(times, 99)];
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rows = [];
// NORMAL first, then FULL, then NORMAL again: a warm disk cache favours neither.
for (const mode of ['NORMAL', 'FULL', 'NORMAL', 'FULL']) rows.push(await run(mode));
printTable(
  `SQLite chat appends, ${messages} messages one after another (${tmpdir()})`,
  ['synchronous', 'messages/s', 'p50 ms', 'p99 ms'],
  rows,
);
