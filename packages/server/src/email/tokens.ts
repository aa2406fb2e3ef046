/**
 * Signed tokens for links in emails: the unsubscribe link, the link that opens
 * the write-a-review form for a product someone bought, and the link that lets
 * someone an admin invited set their inbox password. A token is its
 * payload (base64url JSON) and an HMAC-SHA256 of the purpose and payload with
 * the shop's secret, so a token for one purpose or shop is worthless for
 * another, and nothing in it can be changed without the secret. Checked in
 * constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'unsubscribe' | 'review' | 'invite';

const mac = (secret: string, purpose: TokenPurpose, payload: string) =>
  createHmac('sha256', secret).update(`shopfront-email:${purpose}:${payload}`).digest();

export function signToken(secret: string, purpose: TokenPurpose, data: Record<string, string>): string {
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${payload}.${mac(secret, purpose, payload).toString('base64url')}`;
}

/** The token's data when the shop signed it for this purpose, else undefined. */
export function readToken(secret: string, purpose: TokenPurpose, token: string): Record<string, string> | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  // Compared as text: base64url decoding ignores a last character's spare bits, so two spellings would pass.
  const expected = Buffer.from(mac(secret, purpose, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    if (!Object.values(data).every((value) => typeof value === 'string')) return undefined;
    return data as Record<string, string>;
  } catch {
    return undefined;
  }
}
