#!/usr/bin/env node
// `node scripts/widget-size.mjs <package>`: gzip size of a widget's own code as
// the CDN serves it (minified, templates minified, code-split), with Lit and core
// left out since every widget shares them. Lazy chunks are listed apart.
// Builds into a temporary directory, so several can run at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './minify-templates.mjs';
import { gzipSize, printTable } from './sizes.mjs';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/widget-size.mjs <package directory name>');
  process.exit(2);
}
const shared = /^(lit|lit\/.*|@lit\/.*|lit-html.*|lit-element.*|zod.*|idb-keyval|@shopfront\/core.*)$/;
const bundle = await rollup({
  input: { [name]: `packages/${name}/src/define.ts` },
  external: (id) => shared.test(id),
  plugins: [
    nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['source', 'browser', 'production'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    minifyTemplates(),
  ],
  onwarn: () => {},
});
const dir = mkdtempSync(join(tmpdir(), `size-${name}-`));
const { output } = await bundle.write({ dir, format: 'es', plugins: [minify({ target: 'es2022', legalComments: 'none' }), terser({ module: true, ecma: 2022, compress: { passes: 3, pure_getters: true } })] });
const rows = output
  .filter((file) => file.type === 'chunk')
  .map((file) => ({
    name: file.isEntry ? `${file.fileName} (entry)` : `${file.fileName} (lazy)`,
    raw: Buffer.byteLength(file.code),
    gzip: gzipSize(file.code),
  }));
printTable(`${name}: own code, Lit and core excluded`, rows);
rmSync(dir, { recursive: true, force: true });
