/**
 * The inbox page's script: read from `inboxBundleDir/app.js` when `npm start`
 * (or `npm run build:server`) built it, else bundled in memory with esbuild on
 * first request (development and tests), once per process.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageDir, type ServerConfig } from '../config.js';

const bundles = new Map<string, Promise<string | undefined>>();

/** esbuild options shared with scripts/build.mjs (which writes the file). */
export function inboxBuildOptions(root: string) {
  return {
    entryPoints: [join(root, 'src', 'inbox', 'client', 'main.ts')],
    bundle: true,
    format: 'esm' as const,
    target: 'es2022',
    minify: true,
    legalComments: 'none' as const,
    conditions: ['source'],
    define: { __SHOPFRONT_VERSION__: JSON.stringify('inbox') },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true } },
  };
}

async function build(): Promise<string | undefined> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({ ...inboxBuildOptions(packageDir), write: false });
    return result.outputFiles[0]?.text;
  } catch (error) {
    console.error('The inbox script could not be built:', error);
    return undefined;
  }
}

export function inboxBundle(config: ServerConfig): Promise<string | undefined> {
  const file = join(config.inboxBundleDir, 'app.js');
  let bundle = bundles.get(file);
  if (!bundle) {
    bundle = readFile(file, 'utf8').catch(() => build());
    bundles.set(file, bundle);
  }
  return bundle;
}
