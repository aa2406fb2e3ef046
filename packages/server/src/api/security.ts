/**
 * Who may call an operation. Each policy is checked here at run time and
 * documented from here (its security requirement and the 4xx it can answer),
 * so the document says what the server enforces.
 *
 * - `shop`: the shop's public key in `?shop=` (the shop gate in `app.ts` looks
 *   it up and applies its CORS allowlist before routing).
 * - `customer` / `signedCustomer`: plus `X-Shopfront-Customer` and its
 *   signature; optional (a guest otherwise) or required.
 * - `admin`: plus `Authorization: Bearer <shop secret>`, for the shop's backend.
 * - `webhook`: plus `X-Shopfront-Hmac-Sha256`, the body's HMAC with the shop's
 *   secret: for deliveries from the shop's platform, checked before the body is parsed.
 * - `inbox`: the agent's session cookie; writes also need the session's CSRF
 *   token in `X-CSRF-Token` and a same-origin request.
 */
import { getCookie } from 'hono/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import { HttpError, type AppContext } from '../http.js';
import { CUSTOMER_HEADER, SIGNATURE_HEADER, customerFrom } from '../identity.js';
import { sessionOf } from '../services/agents.js';
import type { Method, Policy } from './route.js';

export const SESSION_COOKIE = 'sf_inbox';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Shopfront-Hmac-Sha256';

/** The base64 HMAC-SHA256 of a raw body with the shop's secret: what signs a webhook delivery. */
export const bodySignature = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

/** Whether `signature` is the body's signature (constant time). */
export function isSignedBody(secret: string, body: string, signature: string | undefined): boolean {
  return sameToken(signature?.trim(), bodySignature(secret, body));
}

export function sameToken(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A write must come from this origin: the Origin header (when sent) and Fetch Metadata (when sent) must say so. */
export function isSameOrigin(c: AppContext): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== c.get('baseUrl') && origin !== new URL(c.req.url).origin) return false;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

const isWrite = (method: Method) => method !== 'get';

/** Checks the policy; what it proved about the caller goes into the handler's input. */
export async function checkPolicy(deps: Deps, policy: Policy, method: Method, c: AppContext): Promise<Record<string, unknown>> {
  if (policy === 'none') return {};
  if (policy === 'inbox') {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionOf(deps, token) : undefined;
    if (!session) throw new HttpError(401, 'Sign in first.', 'session');
    if (isWrite(method)) {
      if (!isSameOrigin(c)) throw new HttpError(403, 'Cross-site request refused.', 'origin');
      if (!sameToken(c.req.header('x-csrf-token'), session.csrf)) throw new HttpError(403, 'The CSRF token is missing or wrong.', 'csrf');
    }
    c.set('agent', session.agent);
    const proof = { csrf: session.csrf, tokenHash: session.tokenHash };
    c.set('session', proof);
    return { agent: session.agent, session: proof };
  }
  const shop = c.get('shop');
  // The shop gate runs in front of every route group that names a shop; a route outside them is a wiring mistake.
  if (!shop) throw new Error(`${c.req.method} ${c.req.path} declares the shop key, but no shop gate ran`);
  if (policy === 'admin') {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!sameToken(token, shop.secret)) throw new HttpError(401, 'The shop secret is missing or wrong.', 'authorization');
    return { shop };
  }
  if (policy === 'shop') return { shop };
  if (policy === 'webhook') {
    if (!isSignedBody(shop.secret, await c.req.text(), c.req.header(WEBHOOK_SIGNATURE_HEADER))) {
      throw new HttpError(401, `${WEBHOOK_SIGNATURE_HEADER}: missing, or not the body's signature.`, 'signature');
    }
    return { shop };
  }
  const customerId = customerFrom(c, shop);
  if (policy === 'signedCustomer' && !customerId) {
    throw new HttpError(401, `Sign in first: send ${CUSTOMER_HEADER} with its ${SIGNATURE_HEADER}.`, 'customer');
  }
  return { shop, customerId };
}

type Requirement = Record<string, string[]>;

const SHOP: Requirement = { shopKey: [] };
const CUSTOMER: Requirement = { shopKey: [], customerId: [], customerSignature: [] };

/** The document's security requirements for an operation (alternatives: any one suffices). */
export function requirementsOf(policy: Policy, method: Method): Requirement[] {
  switch (policy) {
    case 'none':
      return [];
    case 'shop':
      return [SHOP];
    case 'customer':
      return [CUSTOMER, SHOP];
    case 'signedCustomer':
      return [CUSTOMER];
    case 'admin':
      return [{ shopKey: [], shopSecret: [] }];
    case 'webhook':
      return [{ shopKey: [], webhookSignature: [] }];
    case 'inbox':
      return [isWrite(method) ? { inboxSession: [], csrfToken: [] } : { inboxSession: [] }];
  }
}

/** The errors a policy can answer with, as the document lists them. */
export function policyErrors(policy: Policy, method: Method): Record<number, string> {
  const shop = {
    400: 'The `shop` parameter is missing, or the visitor id is malformed',
    403: 'The origin is not allowed for this shop',
    404: 'No such shop',
  };
  switch (policy) {
    case 'none':
      return {};
    case 'shop':
      return shop;
    case 'customer':
      return { ...shop, 401: 'The customer signature does not match' };
    case 'signedCustomer':
      return { ...shop, 401: 'No signed-in customer, or the signature does not match' };
    case 'admin':
      return { ...shop, 401: 'The shop secret is missing or wrong' };
    case 'webhook':
      return { 400: shop[400], 404: shop[404], 401: 'The signature is missing or does not match the body' };
    case 'inbox':
      return isWrite(method)
        ? { 401: 'Not signed in', 403: 'Cross-site request, or the CSRF token is missing or wrong' }
        : { 401: 'Not signed in' };
  }
}

export const SECURITY_SCHEMES = {
  shopKey: {
    type: 'apiKey',
    in: 'query',
    name: 'shop',
    description:
      "The shop's public key (the loader's `data-shop`). Not a secret: it names the shop, whose CORS allowlist then decides which origins may call.",
  },
  customerId: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Shopfront-Customer',
    description: "The signed-in shopper's id in the shop. Trusted only together with `X-Shopfront-Customer-Signature`.",
  },
  customerSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Shopfront-Customer-Signature',
    description:
      "`<issued>.<hex>`: the Unix time in seconds the shop's own page signed at, and the hex HMAC-SHA256 of `<issued>.<customer id>` with the shop's secret. Accepted for 24 hours after it was made. A wrong or expired signature is a 401; an id without one is a guest.",
  },
  webhookSignature: {
    type: 'apiKey',
    in: 'header',
    name: WEBHOOK_SIGNATURE_HEADER,
    description:
      "The base64 HMAC-SHA256 of the raw request body with the shop's secret, as Shopify signs its webhooks. Checked in constant time before the body is read.",
  },
  shopSecret: {
    type: 'http',
    scheme: 'bearer',
    description: "The shop's secret as a bearer token. Only the shop's backend holds it; never send it from a browser.",
  },
  inboxSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: "The agent's session: an HttpOnly, SameSite=Strict cookie set by signing in at `/inbox/login`.",
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: "The session's CSRF token (in the inbox page's settings); every inbox write needs it, from the same origin.",
  },
} as const;
