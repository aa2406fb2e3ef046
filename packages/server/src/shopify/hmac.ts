/**
 * The HMAC-SHA256 that Shopify signs everything with, and a constant-time
 * comparison of what a request carries against what we compute.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(secret: string, message: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(message).digest();
}

/**
 * Whether `given` (hex or base64, as Shopify sends it) encodes `expected`. A
 * malformed value is simply unequal; the comparison itself takes the same time
 * whatever the bytes.
 */
export function digestEquals(expected: Buffer, given: string | null | undefined, encoding: 'hex' | 'base64'): boolean {
  if (!given) return false;
  const pattern = encoding === 'hex' ? /^[0-9a-f]{64}$/i : /^[A-Za-z0-9+/]{43}=$/;
  if (!pattern.test(given)) return false;
  return timingSafeEqual(expected, Buffer.from(given, encoding));
}

/** Keys in the order Shopify's own servers sort them: by UTF-16 code unit, not by locale. */
export const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

/** Seconds Shopify's signed timestamps may be off from our clock, either way. */
export const CLOCK_TOLERANCE_SECONDS = 90;

/** `timestamp` as whole seconds when it is one and lies within the tolerance of `nowMs`. */
export function freshTimestamp(value: string | undefined, nowMs: number): number | 'malformed' | 'stale' {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return 'malformed';
  const seconds = Number(value);
  return Math.abs(nowMs / 1000 - seconds) > CLOCK_TOLERANCE_SECONDS ? 'stale' : seconds;
}
