/**
 * Installing the app: Shopify's OAuth authorization-code grant. The merchant is
 * sent to `https://{shop}/admin/oauth/authorize` with a `state` nonce; Shopify
 * sends them back with `code`, `shop`, `state`, `timestamp` and `hmac`; we check
 * all of it and swap the code for an offline access token. The nonce is the
 * caller's to keep (a short-lived signed cookie, or storage).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { byKey, digestEquals, freshTimestamp, hmacSha256 } from './hmac.js';

/** `example.myshopify.com`: a shop's permanent domain, the only host we send a merchant or a token request to. */
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,59}\.myshopify\.com$/;

export function isShopDomain(value: string): boolean {
  return SHOP_DOMAIN.test(value);
}

/** The shop domain from user input (`Example.myshopify.com`, with or without `https://` or a trailing `/`), or `null`. */
export function normaliseShopDomain(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '');
  return isShopDomain(host) ? host : null;
}

/** A fresh `state` nonce: 32 random bytes, URL-safe. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

export interface AuthorizeOptions {
  shop: string;
  clientId: string;
  /** Access scopes, such as `['read_products', 'write_discounts']`. */
  scopes: readonly string[];
  /** Must be listed among the app's allowed redirection URLs. */
  redirectUri: string;
  state: string;
}

/** Where to send the merchant to approve the app. Offline access (no `grant_options[]`): the token outlives the session. */
export function authorizeUrl({ shop, clientId, scopes, redirectUri, state }: AuthorizeOptions): string {
  const domain = normaliseShopDomain(shop);
  if (!domain) throw new OAuthError('shop', 'The shop is not a *.myshopify.com domain.');
  const url = new URL(`https://${domain}/admin/oauth/authorize`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', scopes.join(','));
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.href;
}

export class OAuthError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/**
 * The message Shopify signs on an OAuth redirect: every parameter but `hmac`
 * and `signature`, sorted by key, form-encoded (spaces as `%20`) and joined with `&`.
 */
export function oauthSigningString(params: URLSearchParams): string {
  const pairs = [...params].filter(([key]) => key !== 'hmac' && key !== 'signature').sort(byKey);
  return new URLSearchParams(pairs).toString().replace(/\+/g, '%20');
}

export function signOAuthParams(params: URLSearchParams, secret: string): string {
  return hmacSha256(secret, oauthSigningString(params)).toString('hex');
}

export interface OAuthCallback {
  shop: string;
  code: string;
  /** Shopify's base64 `host` parameter, when sent (for embedded apps). */
  host: string | null;
}

/**
 * Checks the redirect Shopify sent the merchant back with: signed by Shopify,
 * recent, for a real shop, and carrying the `state` we issued. Throws an
 * `OAuthError` naming the parameter at fault.
 */
export function verifyCallback(query: string | URLSearchParams, options: { secret: string; state: string; now: number }): OAuthCallback {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  for (const key of ['hmac', 'shop', 'state', 'code', 'timestamp']) {
    if (params.getAll(key).length > 1) throw new OAuthError(key, `The "${key}" parameter appears more than once.`);
  }
  if (!digestEquals(hmacSha256(options.secret, oauthSigningString(params)), params.get('hmac'), 'hex')) {
    throw new OAuthError('hmac', 'The redirect is not signed by Shopify.');
  }
  const timestamp = freshTimestamp(params.get('timestamp') ?? undefined, options.now);
  if (typeof timestamp !== 'number') throw new OAuthError('timestamp', 'The redirect is too old, or its timestamp is malformed.');
  const given = Buffer.from(params.get('state') ?? '');
  const expected = Buffer.from(options.state);
  if (!options.state || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new OAuthError('state', 'The state does not match the one this install started with.');
  }
  const shop = params.get('shop') ?? '';
  if (!isShopDomain(shop)) throw new OAuthError('shop', 'The shop is not a *.myshopify.com domain.');
  const code = params.get('code') ?? '';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(code)) throw new OAuthError('code', 'The authorization code is missing or malformed.');
  return { shop, code, host: params.get('host') };
}

export interface AccessToken {
  /** The offline token: store it encrypted or at least apart from logs; never print it. */
  accessToken: string;
  /** Scopes granted, as Shopify lists them. */
  scopes: string[];
}

/**
 * Swaps the callback's code for an offline access token (POST
 * `https://{shop}/admin/oauth/access_token`). `fetch` is injectable for tests.
 */
export async function exchangeCode(options: {
  shop: string;
  code: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}): Promise<AccessToken> {
  if (!isShopDomain(options.shop)) throw new OAuthError('shop', 'The shop is not a *.myshopify.com domain.');
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`https://${options.shop}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret, code: options.code }),
    });
  } catch (error) {
    throw new OAuthError('network', `Shopify could not be reached: ${(error as Error).message}`);
  }
  // The body of a failure may echo what we sent; only the status goes into the message.
  if (!response.ok) throw new OAuthError('code', `Shopify refused the authorization code (HTTP ${response.status}).`, response.status);
  const body = (await response.json().catch(() => null)) as { access_token?: unknown; scope?: unknown } | null;
  if (typeof body?.access_token !== 'string' || !body.access_token || typeof body.scope !== 'string') {
    throw new OAuthError('access_token', 'Shopify answered without an access token.');
  }
  return { accessToken: body.access_token, scopes: body.scope.split(',').filter(Boolean) };
}

/**
 * The requested scopes the grant lacks. `write_x` implies `read_x`, as Shopify
 * documents, and Shopify lists only the `write_` one.
 */
export function missingScopes(requested: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted.flatMap((scope) => (scope.startsWith('write_') ? [scope, `read_${scope.slice(6)}`] : [scope])));
  return requested.filter((scope) => !have.has(scope));
}
