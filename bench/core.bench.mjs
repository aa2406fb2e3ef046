// What every page with Shopfront pays once: Lit and core, and their parts.
import { bundleSize } from './lib/bundle.mjs';
import { kb, printTable } from './lib/table.mjs';

const parts = [
  [
    'lit (LitElement, html, css, decorators)',
    "export { LitElement, html, css, nothing } from 'lit'; export { property, state } from 'lit/decorators.js';",
  ],
  ['@lit/context', "export * from '@lit/context';"],
  ['zod/mini (core schemas)', "export * from './packages/core/src/schemas/index.ts';"],
  ['idb-keyval', "export * from 'idb-keyval';"],
  ['@shopfront/core (all of the above and core)', "export * from '@shopfront/core';"],
];
const rows = [];
for (const [name, code] of parts) {
  const size = await bundleSize(code);
  rows.push([name, kb(size.raw), kb(size.gzip)]);
}
printTable('Shared code, each part alone with what it imports (KB, minified; gzip -9)', ['part', 'raw', 'gzip'], rows);
