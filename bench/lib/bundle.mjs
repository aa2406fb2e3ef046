// Bundle sizes measured the same way for us and for peers: esbuild, minified,
// ES module, gzip level 9.
import { build } from 'esbuild';
import { gzipSize } from '../../scripts/sizes.mjs';

/**
 * Bundles `code` (an entry module's source, resolved from the repository root)
 * and returns its raw and gzip size. `external` leaves packages out (for example
 * the shared Lit and core chunk when measuring one widget).
 */
export async function bundleSize(code, { external = [], loader = 'ts' } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['source'],
    external,
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  return { raw: Buffer.byteLength(text), gzip: gzipSize(text) };
}

/** Lit, core and their dependencies: the chunk every Shopfront widget shares. */
export const SHARED = [
  'lit',
  'lit/*',
  '@lit/*',
  'lit-html',
  'lit-html/*',
  'lit-element',
  'lit-element/*',
  'zod',
  'zod/*',
  'idb-keyval',
  '@shopfront/core',
];
