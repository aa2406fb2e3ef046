/** Response headers: a strict CSP on pages, no framing anywhere, no MIME sniffing. */
import type { AppContext } from './http.js';

/**
 * The demo shop's pages and the inbox: scripts only from this origin (page data
 * travels in JSON script elements and data-* attributes), no inline styles
 * (widgets style through constructable stylesheets and the CSSOM), Trusted Types
 * for Lit's and Shopfront's policies only, never framed.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html shopfront',
].join('; ');

/** JSON and other non-page responses. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Images we serve (uploads, generated SVG): never a document that can run anything. */
export const MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** An image (or other media) we serve, with the headers that keep it inert wherever it is opened. */
export function mediaResponse(c: AppContext, body: string | Uint8Array, type: string, cache: string): Response {
  c.header('Content-Type', type);
  c.header('Content-Security-Policy', MEDIA_CSP);
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  c.header('Cache-Control', cache);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

export function setPageHeaders(c: AppContext, options: { cache?: string } = {}): void {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cache-Control', options.cache ?? 'no-store');
}
