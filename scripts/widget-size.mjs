#!/usr/bin/env node
// `node scripts/widget-size.mjs <package>`: gzip size of a widget's own code as
// the CDN serves it (minified, templates minified, code-split), with Lit and core
// left out since every widget shares them. Lazy chunks are listed apart.
import { printTable } from './sizes.mjs';
import { widgetChunks } from './widget-chunks.mjs';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/widget-size.mjs <package directory name>');
  process.exit(2);
}
const rows = (await widgetChunks(name)).map((chunk) => ({
  name: `${chunk.name} (${chunk.entry ? 'entry' : 'lazy'})`,
  raw: chunk.raw,
  gzip: chunk.gzip,
}));
printTable(`${name}: own code, Lit and core excluded`, rows);
