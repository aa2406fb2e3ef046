/**
 * Fixed-window counters in memory: enough for one process. Several instances
 * behind a load balancer would each count on their own (a shared store is the
 * Postgres module's job).
 */
export interface RateDecision {
  ok: boolean;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfter: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #calls = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one hit on `key`; refuses once `limit` hits happened in the current window. */
  take(key: string, limit: number, windowMs: number): RateDecision {
    const time = this.now();
    if (++this.#calls % 1000 === 0) this.#sweep(time);
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= time) {
      window = { count: 0, resetAt: time + windowMs };
      this.#windows.set(key, window);
    }
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - time) / 1000));
    if (window.count >= limit) return { ok: false, retryAfter };
    window.count++;
    return { ok: true, retryAfter };
  }

  /** Hits on `key` in its current window, without counting one. */
  count(key: string): number {
    const window = this.#windows.get(key);
    return window && window.resetAt > this.now() ? window.count : 0;
  }

  /** Seconds until `key`'s window resets (at least 1). */
  retryAfter(key: string): number {
    const window = this.#windows.get(key);
    return Math.max(1, Math.ceil(((window?.resetAt ?? 0) - this.now()) / 1000));
  }

  /** Forgets every count (a successful login clears its failures). */
  clear(key: string): void {
    this.#windows.delete(key);
  }

  #sweep(time: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= time) this.#windows.delete(key);
  }
}
