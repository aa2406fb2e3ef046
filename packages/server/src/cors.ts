/**
 * CORS per shop: a browser may call a shop's API only from the origins that shop
 * lists (and from this server's own origin). The allowed origin is echoed, never
 * `*`; `null` and look-alikes (`https://evil-shop.com` for `https://shop.com`)
 * never match because origins are compared whole, after normalisation.
 */
import type { Shop } from './storage/index.js';

export const ALLOWED_HEADERS = [
  'Content-Type',
  'X-Shopfront-Visitor',
  'X-Shopfront-Customer',
  'X-Shopfront-Customer-Signature',
  'Last-Event-ID',
].join(', ');
export const EXPOSED_HEADERS = 'Retry-After, ETag';
export const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/** `https://Shop.example.com:443/path` → `https://shop.example.com`; anything but an http(s) origin → undefined. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Whether a request from `origin` may use `shop`'s API. `ownOrigin` is this server's. */
export function originAllowed(shop: Shop, origin: string, ownOrigin: string): boolean {
  if (origin === 'null') return false;
  const normalised = normaliseOrigin(origin);
  // A browser sends an origin already normalised; one that changes when normalised is not a browser's.
  if (!normalised || normalised !== origin) return false;
  if (normalised === ownOrigin) return true;
  return shop.settings.origins.some((allowed) => normaliseOrigin(allowed) === normalised);
}
