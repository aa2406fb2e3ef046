/**
 * Rate limits as fixed-window counters shared by every instance on the database:
 * a visitor spreading writes over several servers behind a load balancer meets one
 * budget. Each call is one atomic statement, so concurrent hits never lose a count.
 */
export interface RateDecision {
  ok: boolean;
  /** Seconds until the window resets (for `Retry-After`), at least 1. */
  retryAfter: number;
}

export interface LimitStorage {
  /**
   * Counts one hit on `key` and says whether it is within `limit` for the current
   * window (a window of `windowMs` starts with the first hit after the last one
   * ended). Once refused, hits stop counting (the count rests at `limit + 1`) so a
   * flood cannot push the number anywhere. Expired windows are swept now and then.
   */
  take(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Hits on `key` in its current window, without counting one. */
  count(key: string): Promise<number>;
  /** Seconds until `key`'s window resets (at least 1). */
  retryAfter(key: string): Promise<number>;
  /** Forgets `key`'s count (a successful login clears its failures). */
  clear(key: string): Promise<void>;
}

/** How often (in calls to `take`, per instance) expired windows are deleted: rarely enough to cost nothing. */
export const SWEEP_EVERY = 1000;

/** Milliseconds left to seconds for `Retry-After`: rounded up, never 0. */
export const secondsUntil = (msLeft: number): number => Math.max(1, Math.ceil(msLeft / 1000));
