#!/usr/bin/env node
// Builds the server for Node (dist/main.mjs, dist/index.mjs) and the inbox page's
// script (dist/inbox/app.js) with esbuild. Node packages stay external (they are
// dependencies); @shopfront/* is bundled from its TypeScript sources.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bare imports stay external except our own workspace packages. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@shopfront/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles `src/<entry>.ts` to `outfile` (an .mjs inside packages/server, so external imports resolve). */
export async function buildServer({ entry = 'main', outfile = join(packageDir, 'dist', `${entry}.mjs`) } = {}) {
  await build({
    entryPoints: [join(packageDir, 'src', `${entry}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalDependencies],
  });
  return outfile;
}

/** The inbox page's script; the same options as src/inbox/bundle.ts uses in memory. */
export async function buildInbox({ outdir = join(packageDir, 'dist', 'inbox') } = {}) {
  const result = await build({
    entryPoints: [join(packageDir, 'src', 'inbox', 'client', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['source'],
    define: { __SHOPFRONT_VERSION__: JSON.stringify('inbox') },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true } },
    write: false,
    logLevel: 'warning',
  });
  await mkdir(outdir, { recursive: true });
  const file = join(outdir, 'app.js');
  await writeFile(file, result.outputFiles[0].text);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await Promise.all([buildServer({ entry: 'main' }), buildServer({ entry: 'index' }), buildInbox()]);
  console.log(`Built packages/server/dist in ${Math.round(performance.now() - started)} ms.`);
}
