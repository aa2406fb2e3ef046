// <sf-recently-viewed> beside Embla Carousel, bundled and measured the same way
// in the same run (esbuild, minified, gzip -9). Embla is a carousel engine only:
// no markup, styles, data, history, translations or accessibility wiring; the
// widget is all of that, so the honest comparison is its whole code against
// Embla's core, and its first load (what a page fetches before the carousel
// shows) against the same.
import { bundleSize, SHARED } from './lib/bundle.mjs';
import { kb, printTable } from './lib/table.mjs';

const widget = "import './packages/recently-viewed/src/define.ts';";
// Chunks loaded later: refreshing stale prices, the add-to-cart copies, each language but English.
const lazy = ['./hydrate.js', './add-to-cart.js', './locales/*'];

const cases = [
  ['sf-recently-viewed: first load (own code; Lit and core shared)', widget, { external: [...SHARED, ...lazy] }],
  ['sf-recently-viewed: all its code, every chunk and language (Lit and core shared)', widget, { external: SHARED }],
  ['sf-recently-viewed with Lit and core (a page with no other Shopfront widget)', widget, { external: lazy }],
  ['embla-carousel 8 (core engine, no UI)', "export { default } from 'embla-carousel';", { loader: 'js' }],
];

const rows = [];
for (const [name, code, options] of cases) {
  const size = await bundleSize(code, options);
  rows.push([name, kb(size.raw), kb(size.gzip)]);
}
printTable('Recently viewed vs Embla Carousel (KB, minified; gzip -9)', ['bundle', 'raw', 'gzip'], rows);
