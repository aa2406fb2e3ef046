/**
 * App-proxy requests: Shopify forwards `/apps/shopfront/…` from the shop's
 * storefront to us and adds `shop`, `logged_in_customer_id`, `path_prefix`,
 * `timestamp` and `signature` to the query. The signature is the hex
 * HMAC-SHA256, with the app's secret, of every other parameter as
 * `key=value` (decoded, a repeated key's values joined with `,`), sorted by key
 * and concatenated with no separator.
 *
 * Stricter than the signature alone: a request whose `shop`, `timestamp`,
 * `signature`, `hmac`, `logged_in_customer_id` or `path_prefix` appears twice is
 * refused (a shopper can add their own copy of any parameter to the URL, and
 * Shopify's appended one would then be joined into a value we must not trust).
 */
import { byKey, digestEquals, freshTimestamp, hmacSha256 } from './hmac.js';
import { isShopDomain } from './oauth.js';

const SINGLE_VALUED = new Set(['shop', 'timestamp', 'signature', 'hmac', 'logged_in_customer_id', 'path_prefix']);

export interface VerifiedProxyRequest {
  ok: true;
  /** `example.myshopify.com`. */
  shop: string;
  /** Shopify's customer id (digits) when the shopper is logged in to the shop, else `null`. */
  customerId: string | null;
  /** Where the storefront mounted the proxy, such as `/apps/shopfront`. */
  pathPrefix: string;
  /** Seconds since the epoch, as signed. */
  timestamp: number;
}

export interface RefusedProxyRequest {
  ok: false;
  /** The parameter at fault, for the JSON error. */
  field: string;
  message: string;
}

export type ProxyVerification = VerifiedProxyRequest | RefusedProxyRequest;

/** The string Shopify signs for these parameters (`signature` left out). */
export function proxySigningString(params: URLSearchParams): string {
  const joined = new Map<string, string[]>();
  for (const [key, value] of params) if (key !== 'signature') joined.set(key, [...(joined.get(key) ?? []), value]);
  return [...joined]
    .map(([key, values]): [string, string] => [key, values.join(',')])
    .sort(byKey)
    .map(([key, value]) => `${key}=${value}`)
    .join('');
}

/** The hex signature Shopify would add to these parameters (for tests and fakes that stand in for Shopify). */
export function signProxyParams(params: URLSearchParams, secret: string): string {
  return hmacSha256(secret, proxySigningString(params)).toString('hex');
}

const refuse = (field: string, message: string): RefusedProxyRequest => ({ ok: false, field, message });

/**
 * Checks an app-proxy query string (`a=1&b=2`, a leading `?` allowed; `+` and
 * `%20` both decode to a space, as in any form-encoded query). `now` is
 * milliseconds since the epoch; the signed timestamp may differ by 90 s.
 */
export function verifyProxyQuery(query: string | URLSearchParams, secret: string, now: number): ProxyVerification {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const counts = new Map<string, number>();
  for (const key of params.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of SINGLE_VALUED) if ((counts.get(key) ?? 0) > 1) return refuse(key, `The "${key}" parameter appears more than once.`);

  const signature = params.get('signature');
  if (!signature) return refuse('signature', 'The request is not signed by Shopify.');
  const timestamp = freshTimestamp(params.get('timestamp') ?? undefined, now);
  if (timestamp === 'malformed') return refuse('timestamp', 'The timestamp is missing or not a whole number of seconds.');
  if (!digestEquals(hmacSha256(secret, proxySigningString(params)), signature, 'hex')) {
    return refuse('signature', 'The signature does not match the request.');
  }
  // Checked after the signature, so that a signed but old request is told apart from a forged one.
  if (timestamp === 'stale') return refuse('timestamp', 'The signed timestamp is more than 90 seconds away from now.');

  const shop = params.get('shop') ?? '';
  if (!isShopDomain(shop)) return refuse('shop', 'The shop is not a *.myshopify.com domain.');
  const customer = params.get('logged_in_customer_id') ?? '';
  if (customer !== '' && !/^\d{1,20}$/.test(customer)) return refuse('logged_in_customer_id', 'The customer id is not a Shopify id.');
  return { ok: true, shop, customerId: customer || null, pathPrefix: params.get('path_prefix') ?? '', timestamp };
}
