/**
 * The CDN build under /cdn/: any shop's page loads it, so it is served with CORS
 * to everyone (module scripts need it). Chunks named with a hash of their content
 * never change: cached for a year. Entry files (the loader, `review-feed.js`,
 * `adapter-rest.js`…) keep their names across versions: revalidated with an ETag.
 * Gzipped when the browser accepts it (once per file version).
 */
import { Hono } from 'hono';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppEnv } from '../http.js';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

type Manifest = Record<string, { isEntry?: boolean }>;

/**
 * Which files are hashed chunks: the build's manifest says (its files that are
 * not entries), read again when a rebuild changes it. A name alone cannot tell:
 * `chat-launcher.js` ends in eight letters after a hyphen, as a hash does. With
 * no manifest, nothing is immutable.
 */
function hashedChunks(cdnRoot: string): () => Promise<Set<string>> {
  const path = join(cdnRoot, 'manifest.json');
  let read: { mtimeMs: number; chunks: Set<string> } | undefined;
  return async () => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return new Set();
    if (read?.mtimeMs !== info.mtimeMs) {
      const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
      const chunks = Object.keys(manifest).filter((file) => !manifest[file]!.isEntry);
      read = { mtimeMs: info.mtimeMs, chunks: new Set(chunks) };
    }
    return read.chunks;
  };
}

export function cdnRoutes(cdnDir: string) {
  const app = new Hono<AppEnv>();
  const cdnRoot = resolve(cdnDir);
  const chunks = hashedChunks(cdnRoot);
  const gzipped = new Map<string, { etag: string; gzip: Uint8Array<ArrayBuffer> }>();

  app.get('/cdn/*', async (c) => {
    const relative = decodeURIComponent(c.req.path.slice('/cdn/'.length));
    const path = resolve(cdnRoot, relative);
    if (!path.startsWith(cdnRoot + sep) || !CONTENT_TYPES[extname(path)]) return c.notFound();
    try {
      const info = await stat(path);
      if (!info.isFile()) return c.notFound();
      const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`;
      const hashed = (await chunks()).has(path.slice(cdnRoot.length + 1).split(sep).join('/'));
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      c.header('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
      c.header('ETag', etag);
      c.header('Vary', 'Accept-Encoding');
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      c.header('Content-Type', CONTENT_TYPES[extname(path)]!);
      if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(new Uint8Array(await readFile(path)));
      let cached = gzipped.get(path);
      if (cached?.etag !== etag) {
        cached = { etag, gzip: new Uint8Array(gzipSync(await readFile(path), { level: 9 })) };
        gzipped.set(path, cached);
      }
      c.header('Content-Encoding', 'gzip');
      return c.body(cached.gzip);
    } catch {
      return c.notFound();
    }
  });

  return app;
}
