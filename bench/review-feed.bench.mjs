// <sf-review-feed>: time from element upgrade to the summary and first page on
// screen (cold and warm cache), rendering 1,000 reviews through "Load more", and
// the widget's gzip size beside Shoelace's <sl-rating>, built in the same run.
// Timings only print.
import { build } from 'esbuild';
import { widgetChunks } from '../scripts/widget-chunks.mjs';
import { bundleSize, SHARED } from './lib/bundle.mjs';
import { launchChromium, percentile, serve } from './lib/browser.mjs';
import { kb, printTable } from './lib/table.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 15;
const LATENCY_MS = 80;

// ---------------------------------------------------------------- sizes

const chunks = await widgetChunks('review-feed');
const entry = chunks.find((chunk) => chunk.entry);
const chunk = (name) => chunks.find((candidate) => candidate.name === name);
const row = (label, chunk) => [label, kb(chunk.raw), kb(chunk.gzip)];
const sizeRows = [
  row('sf-review-feed first load (entry)', entry),
  ...['review-actions', 'review-form', 'photo-lightbox', 'json-ld'].map((name) => row(`  + ${name} (lazy)`, chunk(name))),
  row('  + one language (fr, lazy)', chunk('fr')),
];
const ours = await bundleSize("import '@shopfront/review-feed/define.js';", { external: SHARED });
const oursAll = await bundleSize("import '@shopfront/review-feed/define.js';");
const rating = await bundleSize("import '@shoelace-style/shoelace/dist/components/rating/rating.js';", { external: ['lit', 'lit/*'] });
const ratingAll = await bundleSize("import '@shoelace-style/shoelace/dist/components/rating/rating.js';");
sizeRows.push(
  ['sf-review-feed, every chunk and language in one file (esbuild)', kb(ours.raw), kb(ours.gzip)],
  ['sl-rating (Shoelace 2, esbuild)', kb(rating.raw), kb(rating.gzip)],
  ['sf-review-feed with Lit and core included', kb(oursAll.raw), kb(oursAll.gzip)],
  ['sl-rating with Lit included', kb(ratingAll.raw), kb(ratingAll.gzip)],
);
printTable(
  'Size (KB, minified; gzip -9). Lit and Shopfront core left out unless said: every widget on the page shares them',
  ['bundle', 'raw', 'gzip'],
  sizeRows,
);

// ---------------------------------------------------------------- timings

/** One module with the widget, core and a data maker, so the page has a single copy of Shopfront. */
async function benchEntry() {
  const result = await build({
    stdin: {
      contents: `
        import '@shopfront/review-feed/define.js';
        export { configure, MemoryAdapter, store } from '@shopfront/core';
        export { sampleReviews } from './test/helpers/sample-data.ts';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const code = await benchEntry();
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><main></main><script type="module">
  import * as shopfront from '/bench-entry.js';
  const { configure, MemoryAdapter, store, sampleReviews } = shopfront;
  const reviews = (count) => sampleReviews('prod-1', count).map((review, i) => ({ ...review, id: 'r' + i, createdAt: new Date(Date.UTC(2026, 0, 1) - i * 3600e3).toISOString() }));

  /** Resolves with performance.now() when the first page and the summary are in the shadow DOM. */
  function rendered(el, expected) {
    const done = () => el.shadowRoot?.querySelector('.summary:not(.sf-skeleton) .average') && el.shadowRoot.querySelectorAll('.review:not(.sf-skeleton)').length >= expected;
    return new Promise((resolve) => {
      const check = () => done() && (observer.disconnect(), resolve(performance.now()));
      const observer = new MutationObserver(check);
      // The shadow root exists as soon as the element upgrades and connects.
      queueMicrotask(() => { observer.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true }); check(); });
    });
  }

  window.bench = {
    async firstRender({ cold, latency }) {
      if (cold) await store.clear();
      configure({ adapter: new MemoryAdapter({ reviews: reviews(24) }, { latency }) });
      const main = document.querySelector('main');
      main.replaceChildren();
      const el = document.createElement('sf-review-feed');
      el.setAttribute('product-id', 'prod-1');
      const start = performance.now();
      main.append(el); // defined already: the element upgrades here
      const end = await rendered(el, 5);
      // Let the revalidation and the cache write finish before the next run.
      while (el.shadowRoot.querySelector('.list[aria-busy=true]')) await new Promise((r) => setTimeout(r, 5));
      while (!(await store.get('cache:review-page:prod-1:newest:0:false:5'))) await new Promise((r) => setTimeout(r, 5));
      return end - start;
    },

    async loadMore({ total, pageSize }) {
      await store.clear();
      configure({ adapter: new MemoryAdapter({ reviews: reviews(total) }) });
      const main = document.querySelector('main');
      main.replaceChildren();
      const el = document.createElement('sf-review-feed');
      el.setAttribute('product-id', 'prod-1');
      el.setAttribute('page-size', String(pageSize));
      main.append(el);
      await rendered(el, pageSize);
      const pages = [];
      const start = performance.now();
      for (let shown = pageSize; shown < total; ) {
        const button = el.shadowRoot.querySelector('.load-more');
        const clicked = performance.now();
        button.click();
        const next = Math.min(total, shown + pageSize);
        await rendered(el, next);
        pages.push(performance.now() - clicked);
        shown = next;
      }
      const end = performance.now();
      // One more frame: what it takes the browser to lay out and paint the thousand.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { total: end - start, painted: performance.now() - start, pages, nodes: el.shadowRoot.querySelectorAll('*').length };
    },
  };
  window.ready = true;
</script></body></html>`;

const server = await serve({
  routes: {
    '/': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page),
    '/bench-entry.js': (req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code),
  },
});
const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${server.url}/`);
  await tab.waitForFunction(() => window.ready);

  const firstRows = [];
  for (const [label, options] of [
    ['cold cache, adapter answers at once', { cold: true, latency: 0 }],
    [`cold cache, adapter answers in ${LATENCY_MS} ms`, { cold: true, latency: LATENCY_MS }],
    [`warm cache, adapter answers in ${LATENCY_MS} ms`, { cold: false, latency: LATENCY_MS }],
  ]) {
    // One unmeasured run warms the JIT (and, for the warm case, the saved copy).
    await tab.evaluate((o) => window.bench.firstRender(o), options);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await tab.evaluate((o) => window.bench.firstRender(o), options));
    firstRows.push([label, percentile(times, 50), percentile(times, 95), RUNS]);
  }
  printTable(
    'Element upgrade → summary and first 5 reviews in the shadow DOM (ms, MemoryAdapter, 24 reviews)',
    ['scenario', 'p50', 'p95', 'runs'],
    firstRows,
  );

  const moreRows = [];
  for (const pageSize of [50, 10]) {
    const result = await tab.evaluate((o) => window.bench.loadMore(o), { total: 1000, pageSize });
    moreRows.push([
      `1,000 reviews, ${pageSize} per "Load more" (${result.pages.length} clicks)`,
      result.total,
      result.painted,
      percentile(result.pages, 50),
      result.pages.at(-1),
      result.nodes,
    ]);
  }
  printTable(
    'Rendering 1,000 reviews through "Load more" (ms): all clicks, then painted; per click median and the last click',
    ['scenario', 'total', 'painted', 'click p50', 'last click', 'shadow nodes'],
    moreRows,
  );
  if (errors.length) console.log('\npage errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
