/**
 * One SQLite file through better-sqlite3: WAL mode, foreign keys, migrations at
 * open, every statement prepared with parameters (no value is ever spliced into
 * SQL). better-sqlite3 is synchronous and this process is the file's only writer,
 * so a transaction here is also a critical section: nothing interleaves with it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { refuseNewerSchema } from '../storage/index.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;
export type { Row } from '../storage/rows.js';

export const now = () => new Date().toISOString();

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a write is on disk before it is acknowledged, so a power cut cannot take back a
  // stored chat message or a redemption (NORMAL in WAL survives a killed process only).
  // bench/durability.bench.mjs measures what it costs.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  reusePreparedStatements(db);
  return db;
}

/**
 * Compiling a statement costs more than running it (a third of a cached review
 * read was the shop lookup's `prepare`), so each SQL text is prepared once. A
 * statement keeps the mode its call site sets (`pluck()`); every site of one
 * SQL text uses the same mode, and nothing iterates, so sharing is safe.
 */
function reusePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const prepared = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = prepare(sql)));
    return statement;
  }) as Db['prepare'];
}

/** Runs the migrations this file has not seen, each in its own transaction. */
function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  refuseNewerSchema(applied, migrations, `SHOPFRONT_DB ${JSON.stringify(db.name)}`);
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
    })();
  }
}

export function schemaVersion(db: Db): number {
  return (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
}
