/**
 * Bad settings stop `npm start` with one line naming the setting and exit code 1,
 * never Node's stack dump. Each case runs the server as a process, the way an
 * operator meets it; the rules for every numeric variable are checked in-process
 * on `configFromEnv` (a process per variable would make this file slow).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ConfigError, configFromEnv } from '../src/config.js';
import { freshDatabase, type TestDatabase } from './database.js';

const postgresUrl = process.env.SHOPFRONT_TEST_DATABASE_URL?.startsWith('postgres') ? process.env.SHOPFRONT_TEST_DATABASE_URL : undefined;
/** Databases made for a case, dropped when the file is done. */
const dropAfter: TestDatabase[] = [];

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const mainModule = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** Long enough for a cold tsx start on a busy machine; a hung start fails the case instead of the run. */
const PROCESS_TIMEOUT_MS = 60_000;

let workDir: string;
before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'shopfront-startup-'));
});
after(async () => {
  await Promise.all(dropAfter.map((database) => database.drop()));
  await rm(workDir, { recursive: true, force: true });
});

let caseNumber = 0;
/** A fresh directory for one case (its data dir lives inside it, not yet created). */
async function caseDir(): Promise<string> {
  const dir = join(workDir, `case-${++caseNumber}`);
  await mkdir(dir);
  return dir;
}

/** This process's environment without any setting of ours, so the developer's own cannot leak into a case. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SHOPFRONT_') && !['PORT', 'HOST', 'DATABASE_URL'].includes(name)),
  );
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main.ts with `env` over a local, free-port default in `dir`, until it exits. */
async function runServer(dir: string, env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainModule], {
    cwd: repositoryRoot,
    env: { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', SHOPFRONT_DATA_DIR: join(dir, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // A server that started instead of stopping would run forever: end it, and the case fails on its exit code.
  const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Exit code 1 and exactly one line on stderr, `Shopfront: …`, that names `setting`; no stack. */
function assertStoppedWithOneLine(result: Finished, setting: string): string {
  const context = `stderr:\n${result.stderr}\nstdout:\n${result.stdout}`;
  assert.equal(result.code, 1, context);
  assert.doesNotMatch(result.stderr, /^\s+at /m, context);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines.length, 1, context);
  assert.equal(result.stderr.trim(), lines[0], context);
  assert.match(lines[0]!, /^Shopfront: /, context);
  assert.ok(lines[0]!.includes(setting), `the line names ${setting}: ${lines[0]}`);
  return lines[0]!;
}

/** A port nothing listens on (it was free a moment ago): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = await busyPort();
  await probe.release();
  return probe.port;
}

/** A port something else already listens on. */
async function busyPort(): Promise<{ port: number; release(): Promise<void> }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return {
    port: (blocker.address() as AddressInfo).port,
    release: () => new Promise<void>((resolve) => blocker.close(() => resolve())),
  };
}

const validShop = { key: 'pk_startup', secret: 'a-long-enough-shop-secret', name: 'Startup Shop', origins: ['https://shop.example'] };

describe('a bad setting stops the server with one line and exit code 1', { concurrency: 4 }, () => {
  const cases: {
    name: string;
    setting: string;
    env: (dir: string) => Promise<Record<string, string>>;
    says?: RegExp;
    skip?: string | false;
  }[] = [
    { name: 'PORT=abc (once silently ignored)', setting: 'PORT', env: async () => ({ PORT: 'abc' }), says: /integer from 0 to 65535/ },
    { name: 'PORT out of range', setting: 'PORT', env: async () => ({ PORT: '70000' }) },
    { name: 'HOST that is no address', setting: 'HOST', env: async () => ({ HOST: '999.1.1.1' }) },
    { name: 'HOST that does not resolve', setting: 'HOST', env: async () => ({ HOST: 'no-such-host.invalid' }) },
    { name: 'HOST that is not this machine', setting: 'HOST', env: async () => ({ HOST: '192.0.2.1' }) },
    {
      name: 'a negative heartbeat (once a 1 ms one)',
      setting: 'SHOPFRONT_HEARTBEAT_MS',
      env: async () => ({ SHOPFRONT_HEARTBEAT_MS: '-5' }),
    },
    {
      name: 'a missing config file',
      setting: 'SHOPFRONT_CONFIG',
      env: async (dir) => ({ SHOPFRONT_CONFIG: join(dir, 'missing.json') }),
      says: /does not exist/,
    },
    {
      name: 'a config file that is not JSON',
      setting: 'SHOPFRONT_CONFIG',
      env: async (dir) => {
        await writeFile(join(dir, 'shops.json'), '{ "shops": [ { "secret": "never-print-this-secret" oops } ] }');
        return { SHOPFRONT_CONFIG: join(dir, 'shops.json') };
      },
      says: /not valid JSON/,
    },
    {
      name: 'a config file that fails its schema',
      setting: 'SHOPFRONT_CONFIG',
      env: async (dir) => {
        await writeFile(join(dir, 'shops.json'), JSON.stringify({ shops: [{ ...validShop, secret: 'short' }] }));
        return { SHOPFRONT_CONFIG: join(dir, 'shops.json') };
      },
      says: /shops\.0\.secret must have at least 16 characters/,
    },
    {
      name: 'a data dir that is a file',
      setting: 'SHOPFRONT_DATA_DIR',
      env: async (dir) => {
        await writeFile(join(dir, 'data'), 'not a directory');
        return {};
      },
    },
    {
      name: 'a database file of garbage',
      setting: 'SHOPFRONT_DB',
      env: async (dir) => {
        await writeFile(join(dir, 'garbage.db'), 'this is not an SQLite database, just some bytes '.repeat(200));
        return { SHOPFRONT_DB: join(dir, 'garbage.db') };
      },
      says: /not an SQLite database/,
    },
    {
      name: 'a DATABASE_URL of another kind of database',
      setting: 'DATABASE_URL',
      env: async () => ({ DATABASE_URL: 'mysql://root:never-print-this-secret@localhost/shop' }),
      says: /must be a postgres:\/\/ or postgresql:\/\/ URL, got a "mysql:" URL/,
    },
    {
      name: 'a malformed DATABASE_URL',
      setting: 'DATABASE_URL',
      env: async () => ({ DATABASE_URL: 'postgres://shop:never-print-this-secret@[db/shop' }),
      says: /not a valid URL/,
    },
    {
      name: 'a PostgreSQL server that is not there',
      setting: 'DATABASE_URL',
      env: async () => ({ DATABASE_URL: `postgres://shop:never-print-this-secret@127.0.0.1:${await closedPort()}/shop` }),
      says: /cannot connect to PostgreSQL at 127\.0\.0\.1:\d+, database "shop": ECONNREFUSED/,
    },
    {
      name: 'a database migrated by a newer server',
      setting: 'SHOPFRONT_DB',
      env: async (dir) => {
        const file = join(dir, 'newer.db');
        const db = new Database(file);
        db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        db.prepare('INSERT INTO schema_migrations VALUES (9999, ?, ?)').run('from the future', new Date().toISOString());
        db.close();
        return { SHOPFRONT_DB: file };
      },
      says: /is at schema version 9999, newer than this server's \d+/,
    },
    {
      name: 'a PostgreSQL database that does not exist',
      setting: 'DATABASE_URL',
      skip: !postgresUrl && 'runs on PostgreSQL (SHOPFRONT_TEST_DATABASE_URL)',
      env: async () => {
        const url = new URL(postgresUrl!);
        url.pathname = '/no_such_database';
        return { DATABASE_URL: url.href };
      },
      says: /database "no_such_database": .*\(3D000\)/,
    },
    {
      name: 'a PostgreSQL database migrated by a newer server',
      setting: 'DATABASE_URL',
      skip: !postgresUrl && 'runs on PostgreSQL (SHOPFRONT_TEST_DATABASE_URL)',
      env: async (dir) => {
        const database = await freshDatabase(dir);
        dropAfter.push(database);
        const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
        await client.connect();
        await client.query(
          'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
        );
        await client.query("INSERT INTO schema_migrations VALUES (9999, 'from the future', now())");
        await client.end();
        return database.env;
      },
      says: /is at schema version 9999, newer than this server's \d+/,
    },
    {
      name: 'a database under a file',
      setting: 'SHOPFRONT_DB',
      env: async (dir) => {
        await writeFile(join(dir, 'plain-file'), '');
        return { SHOPFRONT_DB: join(dir, 'plain-file', 'shopfront.db') };
      },
    },
  ];

  for (const { name, setting, env, says, skip } of cases) {
    it(name, { skip }, async () => {
      const dir = await caseDir();
      const line = assertStoppedWithOneLine(await runServer(dir, await env(dir)), setting);
      if (says) assert.match(line, says);
      assert.doesNotMatch(line, /never-print-this-secret/);
    });
  }

  it('a port already in use', async () => {
    const blocker = await busyPort();
    try {
      const line = assertStoppedWithOneLine(await runServer(await caseDir(), { PORT: String(blocker.port) }), 'PORT');
      assert.match(line, new RegExp(`PORT ${blocker.port} is already in use`));
    } finally {
      await blocker.release();
    }
  });

  it('a data dir this user cannot write', { skip: process.getuid?.() === 0 && 'root writes anywhere' }, async () => {
    const dir = await caseDir();
    await mkdir(join(dir, 'data'), { mode: 0o500 });
    assertStoppedWithOneLine(await runServer(dir, {}), 'SHOPFRONT_DATA_DIR');
  });
});

/** Starts main.ts, waits for its start-up lines, stops it; what it printed. */
async function startAndStop(dir: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainModule], {
    cwd: repositoryRoot,
    env: { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS);
  try {
    await Promise.race([
      new Promise<void>((resolve) => child.stdout.on('data', () => /Database:/.test(output) && resolve())),
      exited.then((code) => assert.fail(`exited (${code}) before starting:\n${output}`)),
    ]);
  } finally {
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  }
  return output;
}

describe('the first start with SHOPFRONT_DB outside a fresh data dir', () => {
  it('starts, prints the inbox login and keeps it in the data dir', async () => {
    const dir = await caseDir();
    const dataDir = join(dir, 'not-yet', 'data');
    const output = await startAndStop(dir, { SHOPFRONT_DATA_DIR: dataDir, SHOPFRONT_DB: join(dir, 'elsewhere', 'shop.db') });
    const login = /Inbox login: (\S+@\S+) \/ (\S+)/.exec(output);
    assert.ok(login, output);
    assert.equal(await readFile(join(dataDir, 'inbox-login.txt'), 'utf8'), `${login[1]}\n${login[2]}\n`);
  });

  it('still prints the login when it cannot be kept in a file', async () => {
    const dir = await caseDir();
    const dataDir = join(dir, 'data');
    // A directory where the login file would go: writing it fails, yet the start must not.
    await mkdir(join(dataDir, 'inbox-login.txt'), { recursive: true });
    const output = await startAndStop(dir, { SHOPFRONT_DATA_DIR: dataDir });
    assert.match(output, /Could not keep the inbox login/);
    assert.match(output, /Inbox login: \S+@\S+ \/ \S{8,}/);
  });
});

describe('configFromEnv rejects every numeric variable out of its rule', () => {
  const numeric = [
    'PORT',
    'SHOPFRONT_HEARTBEAT_MS',
    'SHOPFRONT_SSE_RETRY_MS',
    'SHOPFRONT_SESSION_HOURS',
    'SHOPFRONT_RATE_WINDOW_MS',
    'SHOPFRONT_RATE_PER_VISITOR',
    'SHOPFRONT_RATE_PER_IP',
    'SHOPFRONT_LOGIN_ATTEMPTS',
    'SHOPFRONT_LOGIN_WINDOW_MS',
  ];
  for (const name of numeric) {
    it(name, () => {
      for (const bad of ['abc', '-5', '1.5', '1e4', '0x10', '99999999999']) {
        assert.throws(
          () => configFromEnv({ [name]: bad }),
          (error: unknown) => error instanceof ConfigError && error.message.startsWith(`${name} must be an integer from `),
          `${name}=${bad}`,
        );
      }
      assert.doesNotThrow(() => configFromEnv({ [name]: '5000' }));
      assert.doesNotThrow(() => configFromEnv({ [name]: '' }), 'empty means unset');
    });
  }

  it('takes the values it accepts', () => {
    const options = configFromEnv({ PORT: '0', SHOPFRONT_HEARTBEAT_MS: '15000', SHOPFRONT_RATE_PER_IP: '50' });
    assert.equal(options.port, 0);
    assert.equal(options.heartbeatMs, 15000);
    assert.deepEqual(options.rateLimits, { writesPerIp: 50 });
  });
});

describe('configFromEnv rejects the other settings it cannot use', () => {
  const rejected: [string, Record<string, string>, RegExp][] = [
    ['a proxy that is no address', { SHOPFRONT_TRUST_PROXY: 'yes' }, /^SHOPFRONT_TRUST_PROXY: "yes" is not an IP address or CIDR range/],
    ['a demo switch that is neither', { SHOPFRONT_DEMO: 'off' }, /^SHOPFRONT_DEMO must be 1, true, 0 or false/],
    ['a public URL that is not http(s)', { SHOPFRONT_PUBLIC_URL: 'shop.example' }, /^SHOPFRONT_PUBLIC_URL must be an http/],
    ['an agent email without its password', { SHOPFRONT_AGENT_EMAIL: 'sam@example.com' }, /must be set together/],
    ['a short agent password', { SHOPFRONT_AGENT_EMAIL: 'sam@example.com', SHOPFRONT_AGENT_PASSWORD: 'hunter2' }, /at least 8/],
  ];
  for (const [name, env, message] of rejected) {
    it(name, () => {
      assert.throws(
        () => configFromEnv(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    });
  }

  it('takes a postgres:// or postgresql:// DATABASE_URL, and not together with SHOPFRONT_DB', () => {
    for (const url of [
      'postgres://shop@db.internal/shop',
      'postgresql://shop:pw@10.0.0.5:6543/shop?sslmode=require',
      'postgres:///shop?host=/run/postgresql',
    ]) {
      assert.deepEqual(configFromEnv({ DATABASE_URL: url }).database, { kind: 'postgres', url });
    }
    assert.throws(
      () => configFromEnv({ DATABASE_URL: 'postgres://shop@db.internal/shop', SHOPFRONT_DB: '/tmp/shop.db' }),
      (error: unknown) => error instanceof ConfigError && /set one of them/.test(error.message),
    );
    assert.equal(configFromEnv({ DATABASE_URL: '' }).database, undefined, 'empty means unset');
  });

  it('never shows the agent password', () => {
    assert.throws(
      () => configFromEnv({ SHOPFRONT_AGENT_EMAIL: 'sam@example.com', SHOPFRONT_AGENT_PASSWORD: 'pw-123' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('pw-123'),
    );
  });
});
