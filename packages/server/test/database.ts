/**
 * The database every server test runs on, fresh each time: an SQLite file in the
 * test's temporary directory, or, with `SHOPFRONT_TEST_DATABASE_URL=postgres://…`,
 * a new database on that PostgreSQL server (`sf_test_<random>`, dropped
 * afterwards); every server, storage and contract test follows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.js';
import { createStorage } from '../src/storage/factory.js';
import type { Storage } from '../src/storage/index.js';

export interface TestDatabase {
  config: DatabaseConfig;
  /** The same database for a server started as a process (`npm start`). */
  env: Record<string, string>;
  /** Removes what the database left behind (after its server or storage closed). */
  drop(): Promise<void>;
}

const url = process.env.SHOPFRONT_TEST_DATABASE_URL;

/** What the tests run on, for test names: `sqlite`, or the other kind. */
export const testDatabaseKind: DatabaseConfig['kind'] = url ? kindOf(url) : 'sqlite';

function kindOf(value: string): DatabaseConfig['kind'] {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1] ?? value.slice(0, 12);
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  throw new Error(
    `SHOPFRONT_TEST_DATABASE_URL: tests cannot run on "${scheme}:" databases; use postgres://… or unset it to run on SQLite.`,
  );
}

/** Runs one statement on the server's maintenance database with a short-lived client. */
async function administer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database for one server or storage; `dir` is the test's own temporary directory. */
export async function freshDatabase(dir: string): Promise<TestDatabase> {
  if (url && testDatabaseKind === 'postgres') {
    // A name cannot be a parameter; this one is made here of hex digits only.
    const name = `sf_test_${randomBytes(8).toString('hex')}`;
    await administer(`CREATE DATABASE ${name}`);
    const database = new URL(url);
    database.pathname = `/${name}`;
    const config: DatabaseConfig = { kind: 'postgres', url: database.toString() };
    return {
      config,
      // The other kind's variable emptied: a developer's own setting must not reach the process.
      env: { DATABASE_URL: config.url, SHOPFRONT_DB: '' },
      // FORCE: a server killed mid-test may still hold connections.
      drop: () => administer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const file = join(dir, 'shopfront.db');
  // The file lives in `dir`, which the test removes.
  return { config: { kind: 'sqlite', file }, env: { SHOPFRONT_DB: file, DATABASE_URL: '' }, drop: async () => undefined };
}

export interface TestStorage {
  storage: Storage;
  /** Closes the storage and removes its database. */
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty storage (no demo shop), for tests that speak to storage directly. */
export async function openTestStorage(): Promise<TestStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'shopfront-storage-'));
  const database = await freshDatabase(dir);
  const storage = await createStorage({ database: database.config });
  return {
    storage,
    async dispose() {
      await storage.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
