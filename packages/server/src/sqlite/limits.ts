import { SWEEP_EVERY, secondsUntil, type LimitStorage, type RateDecision } from '../storage/limits.js';
import type { Db } from './database.js';

export class SqliteLimits implements LimitStorage {
  #calls = 0;

  /** `clock` is milliseconds since the epoch; every process on the file shares this machine's clock. */
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  async take(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = this.clock();
    if (++this.#calls % SWEEP_EVERY === 0) this.db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?').run(now);
    // One statement: a window that ended starts over, otherwise the hit counts (up to limit + 1).
    const window = this.db
      .prepare(
        `INSERT INTO rate_limits (key, count, reset_at) VALUES (@key, 1, @now + @windowMs)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN reset_at <= @now THEN 1 ELSE MIN(count + 1, @limit + 1) END,
           reset_at = CASE WHEN reset_at <= @now THEN excluded.reset_at ELSE reset_at END
         RETURNING count, reset_at`,
      )
      .get({ key, now, windowMs, limit }) as { count: number; reset_at: number };
    return { ok: window.count <= limit, retryAfter: secondsUntil(window.reset_at - now) };
  }

  async count(key: string): Promise<number> {
    const count = this.db.prepare('SELECT count FROM rate_limits WHERE key = ? AND reset_at > ?').pluck().get(key, this.clock()) as
      number | undefined;
    return count ?? 0;
  }

  async retryAfter(key: string): Promise<number> {
    const resetAt = this.db.prepare('SELECT reset_at FROM rate_limits WHERE key = ?').pluck().get(key) as number | undefined;
    return secondsUntil((resetAt ?? 0) - this.clock());
  }

  async clear(key: string): Promise<void> {
    this.db.prepare('DELETE FROM rate_limits WHERE key = ?').run(key);
  }
}
