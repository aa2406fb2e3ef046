// What a page pays for live chat: the launcher alone (it loads with the page)
// and the launcher with its lazily loaded panel and chat client, Lit and core
// included, beside @papercups-io/chat-widget bundled with its React in the same
// run. English page (translations are separate chunks, fetched only by pages
// that use them). Message latency over the reference server: chat-latency.bench.mjs.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { minifyTemplates } from '../scripts/minify-templates.mjs';
import { gzipSize } from '../scripts/sizes.mjs';
import { bundleSize } from './lib/bundle.mjs';
import { kb, printTable } from './lib/table.mjs';

/** Our widget as the CDN serves it: minified, code-split, with everything it imports. */
async function ourChunks() {
  const bundle = await rollup({
    input: 'packages/chat-launcher/src/define.ts',
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['source', 'browser', 'production'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      minifyTemplates(),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [minify({ target: 'es2022', legalComments: 'none' })] });
  const chunks = output.filter((file) => file.type === 'chunk' && !/^(fr|de|es|ar)-/.test(file.fileName));
  const size = (files) => ({
    raw: files.reduce((sum, file) => sum + Buffer.byteLength(file.code), 0),
    gzip: files.reduce((sum, file) => sum + gzipSize(file.code), 0),
  });
  return { launcher: size(chunks.filter((file) => file.isEntry)), all: size(chunks) };
}

const ours = await ourChunks();
const papercups = await bundleSize(
  `import React from 'react';
   import ReactDOM from 'react-dom';
   import { ChatWidget } from '@papercups-io/chat-widget';
   ReactDOM.render(React.createElement(ChatWidget, { accountId: 'demo', title: 'Chat with us' }), document.body.appendChild(document.createElement('div')));`,
  { loader: 'js' },
);

printTable(
  'Chat widget weight, everything included (KB, minified; gzip -9)',
  ['widget', 'raw', 'gzip'],
  [
    ['sf-chat-launcher: launcher alone, with Lit and core (page load)', kb(ours.launcher.raw), kb(ours.launcher.gzip)],
    ['sf-chat-launcher: launcher + panel + client, with Lit and core', kb(ours.all.raw), kb(ours.all.gzip)],
    ['@papercups-io/chat-widget with React 17 and ReactDOM', kb(papercups.raw), kb(papercups.gzip)],
  ],
);
console.log('\n(gzip of several chunks is the sum of each chunk compressed alone, as a browser fetches them.)');
