/**
 * Who is asking: the shop (the `shop` query parameter, the public key from the
 * script tag), the visitor (`X-Shopfront-Visitor`, core's random per-browser id)
 * and the signed-in customer (`X-Shopfront-Customer` plus
 * `X-Shopfront-Customer-Signature`, the time it was signed and the HMAC-SHA256
 * of that time and the id with the shop's secret), and the client's IP address
 * for rate limits.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from './http.js';
import type { ProxyTrust } from './proxy.js';
import { HttpError } from './http.js';
import type { Shop } from './storage/index.js';

export const VISITOR_HEADER = 'x-shopfront-visitor';
export const CUSTOMER_HEADER = 'x-shopfront-customer';
export const SIGNATURE_HEADER = 'x-shopfront-customer-signature';

const VISITOR_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** The visitor id, when the request carries a well-formed one; a malformed one is a 400. */
export const isWellFormedVisitor = (value: string) => VISITOR_ID.test(value);

export function visitorFrom(c: AppContext): string | undefined {
  const value = c.req.header(VISITOR_HEADER) ?? c.req.query('visitor');
  if (value === undefined || value === '') return undefined;
  if (!isWellFormedVisitor(value)) throw new HttpError(400, 'The visitor id is malformed.', 'visitor');
  return value;
}

const ISSUED_VISITOR = /^sv_([0-9a-f]{32})_([0-9a-f]{32})$/;
const visitorMac = (secret: string, id: string) => createHmac('sha256', secret).update(`visitor.${id}`, 'utf8').digest().subarray(0, 16);

/** A new visitor id for this shop, signed with its secret: `sv_<random>_<truncated HMAC>`. */
export function issueVisitor(shop: Shop): string {
  const id = randomBytes(16).toString('hex');
  return `sv_${id}_${visitorMac(shop.secret, id).toString('hex')}`;
}

/** Whether this shop's server issued `visitorId` (constant-time). */
export function isIssuedVisitor(shop: Shop, visitorId: string): boolean {
  const match = ISSUED_VISITOR.exec(visitorId);
  return !!match && timingSafeEqual(visitorMac(shop.secret, match[1]!), Buffer.from(match[2]!, 'hex'));
}

/** How long a page's customer signature is accepted: a captured one stops working a day after the page was made. */
export const CUSTOMER_SIGNATURE_MAX_AGE_S = 24 * 3600;
/** How far ahead of this server's clock a signing server's clock may be. */
const CLOCK_SKEW_S = 300;
const SIGNATURE = /^(\d{1,12})\.([0-9a-f]{64})$/;

/**
 * `<issued>.<hex>`: the Unix time in seconds the shop signed at, and the hex
 * HMAC-SHA256 of `<issued>.<customer id>` with the shop's secret.
 */
export function signCustomer(secret: string, customerId: string, issuedAt = Math.floor(Date.now() / 1000)): string {
  return `${issuedAt}.${customerMac(secret, customerId, issuedAt).toString('hex')}`;
}

const customerMac = (secret: string, customerId: string, issuedAt: number) =>
  createHmac('sha256', secret).update(`${issuedAt}.${customerId}`, 'utf8').digest();

export type CustomerProof = 'valid' | 'mismatch' | 'expired';

/** Checks a customer signature: the HMAC in constant time, then its age. */
export function verifyCustomer(shop: Shop, customerId: string, signature: string, now = Date.now()): CustomerProof {
  const match = SIGNATURE.exec(signature);
  if (!match) return 'mismatch';
  const [, issued, mac] = match as unknown as [string, string, string];
  if (!timingSafeEqual(customerMac(shop.secret, customerId, Number(issued)), Buffer.from(mac, 'hex'))) return 'mismatch';
  const age = now / 1000 - Number(issued);
  return age <= CUSTOMER_SIGNATURE_MAX_AGE_S && age >= -CLOCK_SKEW_S ? 'valid' : 'expired';
}

/**
 * The customer id the request proves, or `undefined` for a guest (no id, or an
 * id without a signature: unverified ids are not trusted). A wrong or expired
 * signature is a 401: the shop's page is misconfigured, stale, or someone is
 * guessing.
 */
export function customerFrom(c: AppContext, shop: Shop): string | undefined {
  const id = c.req.header(CUSTOMER_HEADER);
  const signature = c.req.header(SIGNATURE_HEADER);
  if (!id || !signature) return undefined;
  if (id.length > 128) throw new HttpError(400, 'The customer id is too long.', 'customer');
  const proof = verifyCustomer(shop, id, signature);
  if (proof === 'mismatch') throw new HttpError(401, 'The customer signature does not match.', 'customer.signature');
  if (proof === 'expired') {
    throw new HttpError(
      401,
      `The customer signature has expired: it is accepted for ${CUSTOMER_SIGNATURE_MAX_AGE_S / 3600} hours after it was made.`,
      'customer.signature',
    );
  }
  return id;
}

/** The client's address: the socket's, or the nearest `X-Forwarded-For` hop not added by one of the shop's proxies. */
export function clientIp(c: AppContext, proxies: ProxyTrust): string {
  const socket = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  return proxies.clientAddress(socket, c.req.header('x-forwarded-for'));
}

/** The origin URLs in responses use: the configured public URL, else what the request was sent to (as the shop's proxy says). */
export function baseUrlOf(c: AppContext, options: { publicUrl?: string; proxies: ProxyTrust }): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  const url = new URL(c.req.url);
  if (options.proxies.trustsPeer(c.env?.incoming?.socket?.remoteAddress ?? '')) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host && /^[A-Za-z0-9.:[\]-]+$/.test(host)) {
      // Setting a host without a port keeps the old port: the forwarded host is the whole authority.
      url.port = '';
      url.host = host;
    }
  }
  return url.origin;
}
