// A widget's chunks as the CDN ships them: rollup code-splitting, TypeScript
// through esbuild, templates minified, then the CDN build's own minifiers. Used by `scripts/widget-size.mjs` and the
// size tables in bench/.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { cdnMinify } from './cdn-minify.mjs';
import { minifyTemplates } from './minify-templates.mjs';
import { gzipSize } from './sizes.mjs';

/** Lit, zod, idb-keyval and core: the chunk every widget on a page shares. */
export const SHARED_MODULES = /^(lit|lit\/.*|@lit\/.*|lit-html.*|lit-element.*|zod.*|idb-keyval|@shopfront\/core.*)$/;

/**
 * The chunks of `packages/<name>/src/define.ts`: `{ name, entry, code, raw, gzip }`
 * each, `name` without its hash. Lit and core are left out unless `withShared`.
 */
export async function widgetChunks(name, { withShared = false } = {}) {
  const bundle = await rollup({
    input: { [name]: `packages/${name}/src/define.ts` },
    external: (id) => !withShared && SHARED_MODULES.test(id),
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['source', 'browser', 'production'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      minifyTemplates(),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({
    format: 'es',
    plugins: cdnMinify(),
  });
  await bundle.close();
  return output
    .filter((file) => file.type === 'chunk')
    .map((file) => ({
      name: file.fileName.replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, ''),
      entry: file.isEntry,
      code: file.code,
      raw: Buffer.byteLength(file.code),
      gzip: gzipSize(file.code),
    }));
}

/** A translation's chunk: fetched only by a page in that language. */
const TRANSLATION = /^(fr|de|es|ar)$/;

/**
 * What a page pays for live chat, in an English page, Lit and core included:
 * `launcher`, the entry that loads with the page; `all`, with the panel and
 * chat client it loads on first use. `{ raw, gzip }` each, gzip summed per
 * chunk as a browser fetches them. Read by the size budgets and the chat bench.
 */
export async function chatWeight() {
  const chunks = (await widgetChunks('chat-launcher', { withShared: true })).filter((chunk) => !TRANSLATION.test(chunk.name));
  const total = (list) => ({
    raw: list.reduce((sum, chunk) => sum + chunk.raw, 0),
    gzip: list.reduce((sum, chunk) => sum + chunk.gzip, 0),
  });
  return { launcher: total(chunks.filter((chunk) => chunk.entry)), all: total(chunks) };
}
