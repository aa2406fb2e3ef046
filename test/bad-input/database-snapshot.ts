/**
 * What an SQLite file holds, to compare before and after a run: SQLite's own
 * integrity and foreign-key checks, and each table's row count and a hash of
 * its rows. Read-only, so it can look while the server runs (WAL).
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Tables a refused request may still write: the write budgets, and sessions' last use. */
const BOOKKEEPING = new Set(['rate_limits', 'sessions']);

export interface Snapshot {
  integrity: string;
  foreignKeyViolations: number;
  tables: Record<string, { rows: number; hash: string }>;
}

export function databaseSnapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables: Snapshot['tables'] = {};
    for (const name of names.filter((table) => !BOOKKEEPING.has(table))) {
      // Names come from sqlite_master itself, quoted as identifiers.
      const rows = db
        .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
        .raw()
        .all();
      const hash = createHash('sha256');
      for (const row of rows) hash.update(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value)));
      tables[name] = { rows: rows.length, hash: hash.digest('hex') };
    }
    return { integrity, foreignKeyViolations, tables };
  } finally {
    db.close();
  }
}

/** What differs between two snapshots, and anything wrong in the second: empty when they agree. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  if (after.integrity !== 'ok') out.push(`integrity_check: ${after.integrity}`);
  if (after.foreignKeyViolations) out.push(`${after.foreignKeyViolations} foreign key violations`);
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const [a, b] = [before.tables[name], after.tables[name]];
    if (a?.hash !== b?.hash)
      out.push(`${name}: ${a?.rows ?? 'none'} rows before, ${b?.rows ?? 'none'} after${a?.rows === b?.rows ? ' (changed)' : ''}`);
  }
  return out;
}
