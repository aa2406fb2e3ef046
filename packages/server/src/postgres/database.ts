/**
 * The Postgres connection pool and the one way this module runs a transaction.
 * Every statement takes its values as `$n` parameters (no value is ever spliced
 * into SQL). Transactions run at READ COMMITTED, Postgres's default: a method
 * that reads a value its write depends on locks the row first (`FOR UPDATE`) or
 * makes the check part of the write's own WHERE, so the guarantees the storage
 * interfaces promise hold under concurrent instances.
 */
import type pg from 'pg';
import type { Row } from '../storage/rows.js';

export type { Row } from '../storage/rows.js';

/** What methods run statements on: the pool (one statement, its own transaction) or a client inside `transaction`. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export const now = () => new Date().toISOString();

/** Runs `work` in one transaction on one client of the pool; a throw rolls it back. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is broken: the pool drops it rather than reuse it.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The rows of one statement. */
export async function rows<R extends Row = Row>(db: Queryable, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(sql, params)).rows;
}

/** The first row of one statement, if any. */
export async function row<R extends Row = Row>(db: Queryable, sql: string, params: unknown[] = []): Promise<R | undefined> {
  return (await db.query<R>(sql, params)).rows[0];
}

/** Runs `work` in one read-only transaction that sees one snapshot (REPEATABLE READ), so an export's parts agree. */
export function snapshot<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(client);
  });
}
