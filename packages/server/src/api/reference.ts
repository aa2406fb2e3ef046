/**
 * `/api/v1/docs`: the API reference page, rendered by Scalar's standalone
 * bundle (`@scalar/api-reference`) served from this server, so the page works
 * offline and loads no script from another origin. Three same-origin scripts:
 * one that turns off the JIT probe of the zod copy inside the bundle (it calls
 * `new Function`, which the CSP forbids and would report), the bundle, and one
 * that mounts the reference on this server's document.
 */
import { Hono } from 'hono';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppEnv } from '../http.js';

/**
 * Scripts only from this origin, with Trusted Types (Vue's `vue` policy is the
 * only one the bundle makes). Styles need 'unsafe-inline': the bundle injects
 * style elements and sets style attributes without a nonce.
 */
export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types vue',
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Shopfront API reference</title>
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <noscript>The reference needs JavaScript; the document itself is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
    <div id="reference"></div>
    <script src="/api/v1/docs/before.js"></script>
    <script src="/api/v1/docs/scalar.js"></script>
    <script src="/api/v1/docs/start.js"></script>
  </body>
</html>
`;

// The zod copy inside the bundle reads its settings from this global.
const BEFORE = 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });\n';

// Nothing that calls home: no fonts from a CDN, no telemetry, no hosted client or AI agent.
const START = `Scalar.createApiReference('#reference', ${JSON.stringify({
  url: '/api/v1/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  persistAuth: false,
  defaultOpenAllTags: true,
})});\n`;

const SCRIPT = 'text/javascript; charset=utf-8';
let bundle: Promise<{ raw: Uint8Array; gzip: Uint8Array }> | undefined;

/** The standalone bundle, read and gzipped once. */
function scalarBundle() {
  bundle ??= (async () => {
    // The package does not export its browser build; it sits beside the main entry (dist/index.js).
    const path = join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser', 'standalone.js');
    const raw = new Uint8Array(await readFile(path));
    return { raw, gzip: new Uint8Array(gzipSync(raw, { level: 9 })) };
  })();
  return bundle;
}

export function referenceRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/api/v1/docs', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', REFERENCE_CSP);
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cache-Control', 'no-cache');
  });
  app.get('/api/v1/docs', (c) => c.html(PAGE));
  app.get('/api/v1/docs/before.js', (c) => c.body(BEFORE, 200, { 'Content-Type': SCRIPT, 'Cache-Control': 'no-cache' }));
  app.get('/api/v1/docs/start.js', (c) => c.body(START, 200, { 'Content-Type': SCRIPT, 'Cache-Control': 'no-cache' }));
  app.get('/api/v1/docs/scalar.js', async (c) => {
    const { raw, gzip } = await scalarBundle();
    c.header('Content-Type', SCRIPT);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Vary', 'Accept-Encoding');
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(new Uint8Array(raw));
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(gzip));
  });
  return app;
}
