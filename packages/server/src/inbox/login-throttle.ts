/**
 * How the inbox login resists guessing without letting anyone lock an agent out.
 *
 * Only failures count, and a success clears its own. One address guessing one
 * agent's password is refused after `loginsPerIp` failures; so is one address
 * trying many emails. Failures against one email from anywhere, and failures
 * across the whole server (a spray from many addresses), never refuse: they
 * slow every further attempt down, doubling up to a few seconds, so the real
 * agent, from their own address, can still sign in while an attack runs.
 *
 * The counts live in storage, so an attacker spreading guesses over several
 * instances behind a load balancer meets the same limits.
 */
import type { RateLimits } from '../config.js';
import type { LimitStorage } from '../storage/index.js';

/** The slowest an attempt is made: long enough to ruin guessing, short enough for a person. */
export const MAX_LOGIN_DELAY_MS = 5000;
const FIRST_DELAY_MS = 250;
/** A spray across accounts: this many times the per-address limit, server-wide, in one window. */
const SPRAY_FACTOR = 10;

export type LoginDecision = { ok: true; delayMs: number } | { ok: false; retryAfter: number };

export class LoginThrottle {
  readonly #limiter: LimitStorage;
  readonly #limits: () => Pick<RateLimits, 'loginsPerIp' | 'loginWindowMs'>;

  constructor(limiter: LimitStorage, limits: () => Pick<RateLimits, 'loginsPerIp' | 'loginWindowMs'>) {
    this.#limiter = limiter;
    this.#limits = limits;
  }

  /** Before checking the password: refused, or how long to wait first. */
  async check(ip: string, email: string): Promise<LoginDecision> {
    const { loginsPerIp } = this.#limits();
    const keys = this.#keys(ip, email);
    for (const key of [keys.pair, keys.ip]) {
      if ((await this.#limiter.count(key)) >= loginsPerIp) return { ok: false, retryAfter: await this.#limiter.retryAfter(key) };
    }
    const [forEmail, forEveryone] = await Promise.all([this.#limiter.count(keys.email), this.#limiter.count(keys.everyone)]);
    const excess = Math.max(forEmail - loginsPerIp, forEveryone - loginsPerIp * SPRAY_FACTOR);
    return { ok: true, delayMs: excess < 0 ? 0 : Math.min(MAX_LOGIN_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(excess, 16)) };
  }

  async failed(ip: string, email: string): Promise<void> {
    const { loginWindowMs } = this.#limits();
    // `take` with no limit to speak of: it only counts.
    await Promise.all(Object.values(this.#keys(ip, email)).map((key) => this.#limiter.take(key, Number.MAX_SAFE_INTEGER, loginWindowMs)));
  }

  /** The agent proved who they are: their address and their email start afresh. */
  async succeeded(ip: string, email: string): Promise<void> {
    const keys = this.#keys(ip, email);
    await Promise.all([keys.pair, keys.ip, keys.email].map((key) => this.#limiter.clear(key)));
  }

  #keys(ip: string, email: string) {
    const account = email.trim().toLowerCase();
    return { pair: `login:pair:${ip}:${account}`, ip: `login:ip:${ip}`, email: `login:email:${account}`, everyone: 'login:all' };
  }
}
