// What a page pays for live chat: the launcher alone (it loads with the page)
// and the launcher with its lazily loaded panel and chat client, Lit and core
// included, beside @papercups-io/chat-widget bundled with its React in the same
// run. English page (translations are separate chunks, fetched only by pages
// that use them). Message latency over the reference server: chat-latency.bench.mjs.
import { chatWeight } from '../scripts/widget-chunks.mjs';
import { bundleSize } from './lib/bundle.mjs';
import { kb, printTable } from './lib/table.mjs';

/** Our widget as the CDN serves it (minified, code-split), Lit and core included; English only. */
const ours = await chatWeight();
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
