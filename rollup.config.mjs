// One run builds every package for npm (ESM + .d.ts in packages/*/dist) and the
// CDN build (dist/cdn: minified ES modules, Lit and core in one shared chunk).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { cdnMinify } from './scripts/cdn-minify.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { sizeReport } from './scripts/sizes.mjs';
import { shopifyAssets } from './scripts/shopify-assets.mjs';
import { retryingImports } from './scripts/retrying-imports.mjs';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const define = { __SHOPFRONT_VERSION__: JSON.stringify(version) };

const packages = readdirSync('packages')
  .filter((dir) => existsSync(`packages/${dir}/package.json`))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')) }))
  // Packages that build themselves (the server runs in Node, the Shopify extension ships Liquid) say so.
  .filter(({ manifest }) => !manifest.shopfront?.ownBuild);

/** Entry points from the package's `exports` map: `{ 'index': 'packages/core/src/index.ts', … }`. */
function entries({ dir, manifest }) {
  return Object.fromEntries(
    Object.values(manifest.exports)
      .filter((target) => typeof target === 'object' && target.source)
      .map(({ source }) => [source.replace(/^\.\/src\//, '').replace(/\.ts$/, ''), `packages/${dir}/${source.slice(2)}`])
      .filter(([, path]) => existsSync(path)),
  );
}

/** zod's comments and import cycles are its own business; everything else is ours to fix. */
function onwarn(warning, warn) {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const tsResolve = nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['source', 'browser', 'production'] });

const npmBuilds = packages
  .filter((pkg) => Object.keys(entries(pkg)).length > 0)
  .flatMap((pkg) => [
    {
      input: entries(pkg),
      external: isBare,
      onwarn,
      plugins: [tsResolve, esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define })],
      output: {
        dir: `packages/${pkg.dir}/dist`,
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: `packages/${pkg.dir}/src`,
        sourcemap: true,
      },
    },
    {
      input: entries(pkg),
      external: isBare,
      plugins: [dts({ tsconfig: 'tsconfig.json', compilerOptions: { customConditions: [] } })],
      output: { dir: `packages/${pkg.dir}/dist`, format: 'es' },
    },
  ]);

/**
 * CDN entries: every package with a `src/define.ts` (a widget), every adapter's
 * `src/register.ts` (`adapter-rest.js`), the loader and its referral keeper.
 * Entries keep their names (no hash): the loader imports them by name, and a
 * hash in each name it carries would be bytes no compression removes.
 */
const cdnInput = Object.fromEntries(
  [
    ['core', 'packages/core/src/index.ts'],
    ...packages.map(({ dir }) => [dir, `packages/${dir}/src/define.ts`]),
    ...packages.map(({ dir }) => [dir, `packages/${dir}/src/register.ts`]),
    ['shopfront', 'packages/loader/src/shopfront.ts'],
    ['keep-referral', 'packages/loader/src/keep-referral.ts'],
  ].filter(([, path]) => existsSync(path)),
);

// Lit and core: one chunk every widget shares. Translations stay per-locale
// chunks, and core's index (which re-exports MemoryAdapter for demos) stays out:
// Rollup puts a manual chunk's dependencies into it, so listing the index would
// drag everything in. The Lit-free modules the loader needs (settings, the global
// API) live in the loader's own file (shopfront.js), so booting is one small
// request that never pulls Lit in; widget chunks import them from there. The
// referral keeper stays its own chunk: only a visit from an advocate's link needs it.
const bootChunk =
  /[\\/]packages[\\/]core[\\/]src[\\/](settings|global|retrying-import|warn|version|idle)\.ts$|[\\/]packages[\\/]loader[\\/]src[\\/](?!(keep-)?referral\.ts$)/;
// Lit's directives are left out too: each travels with the widget that uses it
// (repeat and live only with the chat panel). So do the core modules that only
// code loaded on first use needs: the JSON-LD writer (with the rich snippet's
// chunk) and roving tabindex (with the loyalty popover).
const sharedChunk =
  /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|zod|idb-keyval)[\\/](?!directives[\\/]|directive-helpers)|[\\/]packages[\\/]core[\\/]src[\\/](?!locales[\\/]|memory-adapter|json-ld|roving-tabindex|index\.ts)/;
const chunkOf = (id) => (bootChunk.test(id) ? 'shopfront' : sharedChunk.test(id) ? 'shopfront-core' : undefined);

/**
 * dist/cdn/manifest.json: each file's static and dynamic imports, so the size
 * budgets can add up what a page really loads (and servers could preload it);
 * and dist/cdn/shopfront.css.
 */
const cdnManifest = {
  name: 'cdn-manifest',
  generateBundle(_options, bundle) {
    // The stylesheet that reserves widgets' space before their code arrives, minified.
    const css = readFileSync('packages/loader/src/shopfront.css', 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s*([{}:;,])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    this.emitFile({ type: 'asset', fileName: 'shopfront.css', source: `${css}\n` });
    const files = Object.fromEntries(
      Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((chunk) => [
          chunk.fileName,
          {
            name: chunk.name,
            isEntry: chunk.isEntry,
            imports: chunk.imports,
            // The loader's widget imports are written as the files they are (`./review-feed.js`): named like the rest here.
            dynamicImports: chunk.dynamicImports.map((file) => file.replace(/^\.\//, '')),
          },
        ]),
    );
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(files, null, 2)}\n` });
  },
};

/** Each build replaces the last one's files: hashed chunks of old builds would otherwise pile up, and be served. */
const cleanOutputDir = { name: 'clean-output-dir', renderStart: ({ dir }) => rmSync(dir, { recursive: true, force: true }) };

// The loader imports each widget and adapter by its package name; in the CDN
// build that is the package's own entry file, loaded for its effect (defining
// the element, registering the adapter). Left to Rollup, an entry that also
// exports to its lazy parts is imported through a namespace object
// (`.then(n => n.d)`, and that object in every widget file), which nothing
// reads: so the loader's imports point at the entry files as they are.
const cdnEntries = new Set(Object.keys(cdnInput));
const entriesAsFiles = {
  name: 'entries-as-files',
  resolveDynamicImport(specifier) {
    const entry = typeof specifier === 'string' && /^@shopfront\/([a-z-]+)\/(define|register)\.js$/.exec(specifier)?.[1];
    return entry && cdnEntries.has(entry) ? { id: `./${entry}.js`, external: 'relative' } : null;
  },
};

const cdnBuild = {
  input: cdnInput,
  onwarn,
  // Entry chunks may export more than their module (what their lazy parts import
  // from them) rather than each becoming a facade over a second file.
  preserveEntrySignatures: 'allow-extension',
  plugins: [entriesAsFiles, tsResolve, esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define }), minifyTemplates()],
  output: {
    dir: 'dist/cdn',
    format: 'es',
    // What Rollup writes itself (the namespace step of a widget's dynamic import) as arrow functions, like the sources.
    generatedCode: { arrowFunctions: true },
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
    manualChunks: chunkOf,
    plugins: [cleanOutputDir, retryingImports(), ...cdnMinify(), cdnManifest, sizeReport('CDN build'), shopifyAssets()],
  },
};

export default [...npmBuilds, cdnBuild];
