import type pg from 'pg';
import { SWEEP_EVERY, secondsUntil, type LimitStorage, type RateDecision } from '../storage/limits.js';
import { row } from './database.js';

/**
 * Windows are timed by the database's clock (`now()`), not each instance's, so
 * instances whose clocks drift apart still agree on when a window ends.
 */
export class PostgresLimits implements LimitStorage {
  #calls = 0;

  constructor(private readonly pool: pg.Pool) {}

  async take(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    if (++this.#calls % SWEEP_EVERY === 0) await this.pool.query('DELETE FROM rate_limits WHERE reset_at <= now()');
    // One statement, atomic under concurrent hits on the key: a window that ended starts
    // over, otherwise the hit counts (up to limit + 1). bigint: login counting passes 2^53 - 1.
    const window = await row<{ count: string; ms_left: number }>(
      this.pool,
      `INSERT INTO rate_limits AS r (key, count, reset_at) VALUES ($1, 1, now() + $3::float8 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.reset_at <= now() THEN 1 ELSE LEAST(r.count + 1, $2::bigint + 1) END,
         reset_at = CASE WHEN r.reset_at <= now() THEN EXCLUDED.reset_at ELSE r.reset_at END
       RETURNING count, (extract(epoch FROM reset_at - now()) * 1000)::float8 AS ms_left`,
      [key, limit, windowMs],
    );
    return { ok: Number(window!.count) <= limit, retryAfter: secondsUntil(window!.ms_left) };
  }

  async count(key: string): Promise<number> {
    const window = await row<{ count: string }>(this.pool, 'SELECT count FROM rate_limits WHERE key = $1 AND reset_at > now()', [key]);
    return window ? Number(window.count) : 0;
  }

  async retryAfter(key: string): Promise<number> {
    const window = await row<{ ms_left: number }>(
      this.pool,
      'SELECT (extract(epoch FROM reset_at - now()) * 1000)::float8 AS ms_left FROM rate_limits WHERE key = $1',
      [key],
    );
    return secondsUntil(window?.ms_left ?? 0);
  }

  async clear(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }
}
