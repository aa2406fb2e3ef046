/**
 * Two server processes on two ports sharing one PostgreSQL, as behind a load
 * balancer: a message sent through one reaches a stream held by the other, and
 * when one is killed (SIGKILL, mid-traffic) the shopper moves to the other and
 * nothing is lost or stored twice. Runs when the tests run on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SHOP, freshDatabase, openStream, testDatabaseKind, type TestDatabase } from './helpers.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const skip = testDatabaseKind === 'postgres' ? false : 'needs a shared database: runs on PostgreSQL (SHOPFRONT_TEST_DATABASE_URL)';

type Instance = ServerProcess;

/** Starts `npm start`'s entry point on a free port; resolves once it listens. */
const startInstance = (env: Record<string, string>): Promise<Instance> => startServerProcess(env);

describe('two instances on one PostgreSQL', { skip }, () => {
  let dir: string;
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shopfront-instances-'));
    database = await freshDatabase(dir);
    // One after the other: the first seeds the demo shop, the second finds it. The media folder is shared, as it must be.
    const env = { ...database.env, SHOPFRONT_DATA_DIR: dir };
    a = await startInstance(env);
    b = await startInstance(env);
  });

  after(async () => {
    const running = [a, b].filter((instance) => instance && instance.child.exitCode === null && instance.child.signalCode === null);
    const exited = running.map(({ child }) => new Promise((resolve) => child.once('exit', resolve)));
    for (const { child } of running) child.kill('SIGKILL');
    await Promise.all(exited);
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const api = (instance: Instance, path: string, init: RequestInit = {}) =>
    fetch(`${instance.url}/api/v1${path}${path.includes('?') ? '&' : '?'}shop=${SHOP}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });

  it('delivers a message sent through one to a stream held by the other', async () => {
    const conversation = await (await api(a, '/chat/conversations', { method: 'POST', body: '{}' })).json();
    const onB = await openStream(`${b.url}/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}`);
    try {
      await onB.next((event) => event.data?.includes('"status"') ?? false);
      const sent = await api(a, `/chat/conversations/${conversation.id}/messages`, {
        method: 'POST',
        body: JSON.stringify({ clientId: randomUUID(), body: 'Hello from A' }),
      });
      assert.equal(sent.status, 201);
      const event = await onB.next((frame) => frame.data?.includes('Hello from A') ?? false);
      assert.equal(event.id, '1');
    } finally {
      onB.close();
    }
  });

  it('follow a shop config applied by an instance that starts later (shops are kept in memory)', async () => {
    const config = join(dir, 'shops.json');
    const shopWith = (origin: string) =>
      JSON.stringify({ shops: [{ key: 'pk_second', secret: 'a-secret-of-16-chars', name: 'Second', origins: [origin] }] });
    await writeFile(config, shopWith('https://old.example'));
    const env = { ...database.env, SHOPFRONT_DATA_DIR: dir, SHOPFRONT_CONFIG: config };
    const askA = (origin: string) =>
      fetch(`${a.url}/api/v1/faq?shop=pk_second`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    const first = await startInstance(env);
    try {
      assert.equal((await askA('https://old.example')).status, 204);
      assert.equal((await askA('https://new.example')).status, 403, 'A now keeps the shop as it was');
    } finally {
      first.child.kill('SIGKILL');
    }
    await writeFile(config, shopWith('https://new.example'));
    const second = await startInstance(env);
    try {
      // The invalidation crosses the database: A may answer from memory for a moment.
      let status = 0;
      for (let tries = 0; tries < 250 && status !== 204; tries++) {
        status = (await askA('https://new.example')).status;
        if (status !== 204) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(status, 204, 'A allows the origin the new config added');
      assert.equal((await askA('https://old.example')).status, 403);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  it('loses and doubles nothing when one is killed mid-conversation: the shopper resends to the other and resumes its stream there', async () => {
    const conversation = await (await api(a, '/chat/conversations', { method: 'POST', body: '{}' })).json();
    const streamPath = `/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}`;
    let stream = await openStream(`${a.url}${streamPath}`);
    await stream.next((event) => event.data?.includes('"status"') ?? false);
    const seen: number[] = [];
    const collect = () => {
      for (const { id, data } of stream.messages()) if (data.type === 'message' && !seen.includes(Number(id))) seen.push(Number(id));
    };

    // The shopper's client: each message has its client id, sent to the instance it talks to, resent to the other on failure.
    let current = a;
    const send = async (body: string) => {
      const request = { method: 'POST', body: JSON.stringify({ clientId: randomUUID(), body }) };
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const response = await api(current, `/chat/conversations/${conversation.id}/messages`, request);
          if (response.status === 201 || response.status === 200) return;
        } catch {
          // The connection broke (the instance died, maybe after storing the message): resend to the other.
        }
        current = b;
      }
      throw new Error(`"${body}" was never accepted`);
    };

    const total = 30;
    for (let i = 1; i <= total; i++) {
      const sending = send(`message ${i}`);
      // Killed while the eleventh is on its way: stored or not, the resend settles it.
      if (i === 11) a.child.kill('SIGKILL');
      await sending;
    }
    await stream.end(); // A's stream was cut by the kill
    collect();
    const lastSeen = Math.max(0, ...seen);
    stream = await openStream(`${b.url}${streamPath}`, { 'Last-Event-ID': String(lastSeen) });
    try {
      await stream.next((event) => event.data?.includes('"status"') ?? false);
      collect();
    } finally {
      stream.close();
    }
    assert.deepEqual(
      seen,
      Array.from({ length: total }, (_, i) => i + 1),
      'every message once, in order, across both streams',
    );

    // Checked against the database: thirty messages, each body once, numbered without a gap.
    const history = await (await api(b, `/chat/conversations/${conversation.id}/messages?after=0`)).json();
    const bodies = history.messages.map((message: { body: string }) => message.body);
    assert.deepEqual(
      bodies,
      Array.from({ length: total }, (_, i) => `message ${i + 1}`),
    );
    assert.deepEqual(
      history.messages.map((message: { seq: number }) => message.seq),
      Array.from({ length: total }, (_, i) => i + 1),
    );
  });
});
