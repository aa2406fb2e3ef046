// Benchmarks in real Chromium (Debian's), on pages served from the repository:
// `/__bundle/<path>` serves that TypeScript or JavaScript entry bundled by
// esbuild (sources, not dist); everything else is a static file.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** Serves the repository root; returns `{ url, close }`. `routes` maps paths to handlers `(req, res)` for extra endpoints. */
export async function serve({ root = process.cwd(), routes = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (routes[url.pathname]) return await routes[url.pathname](req, res);
      if (url.pathname.startsWith('/__bundle/')) {
        const result = await build({
          entryPoints: [join(root, url.pathname.slice('/__bundle/'.length))],
          bundle: true,
          minify: url.searchParams.has('minify'),
          format: 'esm',
          target: 'es2022',
          write: false,
          conditions: ['source'],
          tsconfig: join(root, 'tsconfig.json'),
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'silent',
        });
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        return res.end(result.outputFiles[0].text);
      }
      const path = normalize(join(root, url.pathname));
      if (!path.startsWith(root)) throw new Error('outside root');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(error.message ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium headless. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Percentile of numbers (p in 0..100), nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
