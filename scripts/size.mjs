#!/usr/bin/env node
// `npm run size`: the CDN build's budgets (after `npm run build`). Prints the
// table and exits non-zero when anything is over. A page pays for the loader,
// then for the shared Lit + core chunk and each widget's own chunk as its
// element appears; lazy chunks (panels, forms, translations) load on first use
// and are listed apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize } from './sizes.mjs';
import { chatWeight } from './widget-chunks.mjs';

const kb = (bytes) => (bytes / 1024).toFixed(2);

const dir = 'dist/cdn';
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error('dist/cdn/manifest.json is missing: run `npm run build` first.');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const WIDGETS = ['review-feed', 'loyalty-badge', 'chat-launcher', 'faq-search', 'recently-viewed', 'star-rating'];
/** What a product page holds: the five in the all-five total. The star rating sits on product cards, on other pages. */
const PRODUCT_PAGE = new Set(WIDGETS.slice(0, 5));

/** Budgets in gzip bytes. */
const BUDGETS = {
  // 2 KB. The files the loader imports by name (widgets, adapters, the referral keeper) carry no hash in it.
  loader: 2 * 1024,
  loaderRaw: 10_000, // Shopify's limit for an app-embed script
  // 24 KB, and 0.5 KB for formatting a page's first numbers and dates without ICU (core/src/plain-format.ts),
  // which saves that page 65–210 ms of main thread on a phone; the target is lower than both (36 KB in all).
  // The @lit/context root went with the provider's move to <html> (−0.27 KB); the budget follows what was saved.
  shared: 24.3 * 1024,
  widgets: {
    'review-feed': 5.25 * 1024,
    'loyalty-badge': 3.5 * 1024,
    'chat-launcher': 1.5 * 1024,
    'faq-search': 3.5 * 1024,
    'recently-viewed': 3.25 * 1024,
    'star-rating': 1.5 * 1024,
  },
  // The five widgets with the Lit + core chunk they share (with the 0.5 KB of ICU-free formatting). The loader
  // imports widget files as they are, with no namespace object in each (−0.15 KB); the budget follows.
  allFive: 40.45 * 1024,
  // Live chat once opened: the launcher, its panel and chat client, with the Lit and core they use (English).
  // What it weighs today (32.97 KB), so it only shrinks; the target is 25 KB, about 7 KB of it zod.
  chat: 33 * 1024,
};

const size = (file) => {
  const content = readFileSync(join(dir, file));
  return { raw: content.length, gzip: gzipSize(content) };
};
const fileOf = (name) => Object.keys(manifest).find((file) => manifest[file].isEntry && manifest[file].name === name);
const sharedFile = Object.keys(manifest).find((file) => manifest[file].name === 'shopfront-core');

/** A file and everything it imports statically: what loading it costs. */
function closure(file, seen = new Set()) {
  if (!file || seen.has(file)) return seen;
  seen.add(file);
  for (const dependency of manifest[file]?.imports ?? []) closure(dependency, seen);
  return seen;
}
const total = (files) => [...files].reduce((sum, file) => sum + size(file).gzip, 0);
const totalRaw = (files) => [...files].reduce((sum, file) => sum + size(file).raw, 0);

const rows = [];
const over = [];
const check = (label, gzip, budget, raw = null) => {
  const ok = gzip <= budget;
  if (!ok) over.push(label);
  rows.push([label, raw === null ? '' : `${kb(raw)}`, kb(gzip), kb(budget), ok ? 'ok' : 'OVER']);
};

const loader = fileOf('shopfront');
const loaderFiles = [...closure(loader)].filter((file) => file !== sharedFile);
if (loader) {
  const raw = totalRaw(loaderFiles);
  check('loader (shopfront.js + its imports)', total(loaderFiles), BUDGETS.loader, raw);
  if (raw > BUDGETS.loaderRaw) over.push(`loader raw ${raw} B > ${BUDGETS.loaderRaw} B`);
  if (closure(loader).has(sharedFile)) over.push('loader imports the shared Lit + core chunk statically');
}
if (sharedFile) check('shared Lit + core chunk', size(sharedFile).gzip, BUDGETS.shared, size(sharedFile).raw);

// What a page with all five widgets loads before any interaction: the loader, then the shared chunk, each
// widget's own chunk and the RestAdapter (with the first widget).
const page = new Set(loaderFiles);
const widgetFiles = new Set();
for (const widget of WIDGETS) {
  const file = fileOf(widget);
  if (!file) continue;
  const own = [...closure(file)].filter((dependency) => dependency !== sharedFile && !loaderFiles.includes(dependency));
  check(`${widget} (own chunk)`, total(own), BUDGETS.widgets[widget], totalRaw(own));
  if (!PRODUCT_PAGE.has(widget)) continue;
  for (const dependency of closure(file)) if (!loaderFiles.includes(dependency)) widgetFiles.add(dependency);
}
check('all five widgets with the shared chunk', total(widgetFiles), BUDGETS.allFive, totalRaw(widgetFiles));
// Built on its own, tree-shaken for chat alone, as bench/chat-launcher.bench.mjs compares it with peers.
const chat = await chatWeight();
check('chat launcher + panel + client, Lit and core', chat.all.gzip, BUDGETS.chat, chat.all.raw);
const adapter = fileOf('adapter-rest');
for (const file of [...widgetFiles, ...closure(adapter)]) page.add(file);
rows.push(['page total: loader + five widgets + RestAdapter', kb(totalRaw(page)), kb(total(page)), '', '']);

const lazy = Object.keys(manifest).filter((file) => !page.has(file) && !manifest[file].isEntry);
console.log('\nCDN budgets (KB; gzip -9)');
const widths = [44, 10, 10, 10, 5];
const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' ');
console.log(line(['', 'raw', 'gzip', 'budget', '']));
rows.forEach((row) => console.log(line(row)));
console.log('\nLoaded on first use (not in the page total):');
for (const file of lazy.sort()) console.log(`  ${file.padEnd(42)} ${String(kb(size(file).gzip)).padStart(10)}`);

if (over.length) {
  console.error(`\nOver budget: ${over.join('; ')}`);
  process.exit(1);
}
