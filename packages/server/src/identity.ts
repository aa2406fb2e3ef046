/**
 * Who is asking: the shop (the `shop` query parameter, the public key from the
 * script tag), the visitor (`X-Shopfront-Visitor`, core's random per-browser id)
 * and the signed-in customer (`X-Shopfront-Customer` plus
 * `X-Shopfront-Customer-Signature`, the hex HMAC-SHA256 of the id with the shop's
 * secret), and the client's IP address for rate limits.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from './http.js';
import { HttpError } from './http.js';
import type { Shop } from './storage.js';

export const VISITOR_HEADER = 'x-shopfront-visitor';
export const CUSTOMER_HEADER = 'x-shopfront-customer';
export const SIGNATURE_HEADER = 'x-shopfront-customer-signature';

const VISITOR_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** The visitor id, when the request carries a well-formed one; a malformed one is a 400. */
export function visitorFrom(c: AppContext): string | undefined {
  const value = c.req.header(VISITOR_HEADER) ?? c.req.query('visitor');
  if (value === undefined || value === '') return undefined;
  if (!VISITOR_ID.test(value)) throw new HttpError(400, 'The visitor id is malformed.', 'visitor');
  return value;
}

export function signCustomer(secret: string, customerId: string): string {
  return createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');
}

/** Constant-time check of a customer signature. */
export function verifyCustomer(shop: Shop, customerId: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signCustomer(shop.secret, customerId), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/**
 * The customer id the request proves, or `undefined` for a guest (no id, or an
 * id without a signature: unverified ids are not trusted). A wrong signature is
 * a 401: the shop's page is misconfigured or someone is guessing.
 */
export function customerFrom(c: AppContext, shop: Shop): string | undefined {
  const id = c.req.header(CUSTOMER_HEADER);
  const signature = c.req.header(SIGNATURE_HEADER);
  if (!id || !signature) return undefined;
  if (id.length > 128) throw new HttpError(400, 'The customer id is too long.', 'customer');
  if (!verifyCustomer(shop, id, signature)) throw new HttpError(401, 'The customer signature does not match.', 'customer.signature');
  return id;
}

/** The client's address: the socket's, or with `trustProxy` the first `X-Forwarded-For` hop. */
export function clientIp(c: AppContext, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The origin URLs in responses use: the configured public URL, else what the request was sent to. */
export function baseUrlOf(c: AppContext, options: { publicUrl?: string; trustProxy: boolean }): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  const url = new URL(c.req.url);
  if (options.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host && /^[A-Za-z0-9.:[\]-]+$/.test(host)) url.host = host;
  }
  return url.origin;
}
