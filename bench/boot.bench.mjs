// What Shopfront costs a shop's main thread as the page boots, in one run:
// 1. Lighthouse 12 (mobile preset, simulated 4x CPU) on the demo product page and
//    home page, each with Shopfront and with `/cdn/*` blocked: score and its drop,
//    TBT, CLS, bootup-time of Shopfront's scripts (evaluation and parse), its long
//    tasks; by script, and main-thread work by kind.
// 2. Chromium with the CPU slowed 4x through the DevTools protocol, on the same
//    phone screen: main-thread task, script and style/layout time, long tasks,
//    JavaScript transferred; and which of Shopfront's scripts ran 50 ms or more
//    in a long animation frame, invoked by what.
// 3. Where Shopfront's time goes: V8 CPU profiles of each page at 4x,
//    mapped through dist/cdn's source maps to source files and functions.
// Medians over BOOT_RUNS (3) runs, with their spread. Timings only print.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../packages/server/src/index.ts';
import { launchChromium, percentile } from './lib/browser.mjs';
import { attributeProfile, meanAttribution, sourceLocator, startProfile, stopProfile } from './lib/cpu-profile.mjs';
import { compareVariants, spread } from './lib/lighthouse.mjs';
import { printTable } from './lib/table.mjs';

const RUNS = Number(process.env.BOOT_RUNS ?? 3);
const THROTTLE = 4;
/** The page has booted when nothing was fetched and no task ran over 50 ms for this long (ms). */
const QUIET_MS = 1500;
/** Lighthouse's mobile screen (its `screenEmulation` default), so parts 2 and 3 load what part 1 loads. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const PAGES = [
  ['product page', '/products/harbour-sweater'],
  ['home page', '/'],
];
const TOP = 15;

const started = performance.now();
const loadBefore = loadavg();
const progress = (text) => process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${text}\n`);
const isShopfront = (url) => URL.canParse(url) && new URL(url).pathname.startsWith('/cdn/');

if (!existsSync('dist/cdn/shopfront.js'))
  execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-boot-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });

const median = (values) => percentile(values, 50);
/** `median [min–max]`, or the median alone when every run agreed. */
function cell({ median: middle, min, max }, digits = 0) {
  const f = (value) => value.toFixed(digits);
  return f(min) === f(max) ? f(middle) : `${f(middle)} [${f(min)}–${f(max)}]`;
}

// 1. Lighthouse.
const variants = PAGES.flatMap(([page, path]) => [
  { name: `${page} with Shopfront`, url: `${server.url}${path}` },
  { name: `${page}, /cdn/* blocked`, url: `${server.url}${path}`, blockedUrlPatterns: ['*/cdn/*'] },
]);
const lighthouse = await compareVariants(variants, {
  runs: RUNS,
  ours: isShopfront,
  onRun: (name, figures, i, error) =>
    progress(
      error
        ? `Lighthouse ${i + 1}/${RUNS} ${name} failed, once more: ${error.message}`
        : `Lighthouse ${i + 1}/${RUNS} ${name}: score ${figures.score}, bootup-time ${figures.bootup.toFixed(0)} ms`,
    ),
});
const all = Object.values(lighthouse).flat();

const rows = [];
for (const [page] of PAGES) {
  const withIt = lighthouse[`${page} with Shopfront`];
  const without = lighthouse[`${page}, /cdn/* blocked`];
  for (const [name, runs] of [
    [`${page} with Shopfront`, withIt],
    [`${page}, /cdn/* blocked`, without],
  ]) {
    rows.push([
      name,
      cell(spread(runs, (run) => run.score)),
      cell(spread(runs, (run) => run.tbt)),
      cell(
        spread(runs, (run) => run.cls),
        3,
      ),
      cell(spread(runs, (run) => run.bootup)),
      cell(spread(runs, (run) => run.scripting)),
      cell(
        spread(runs, (run) => run.parse),
        1,
      ),
      cell(spread(runs, (run) => run.longTasks.length)),
      cell(spread(runs, (run) => Math.max(0, ...run.longTasks))),
      cell(spread(runs, (run) => run.allLongTasks.length)),
    ]);
  }
  const difference = (pick) => median(withIt.map(pick)) - median(without.map(pick));
  rows.push([
    `${page}: Shopfront adds`,
    `score drop ${-difference((run) => run.score)}`,
    difference((run) => run.tbt).toFixed(0),
    difference((run) => run.cls).toFixed(3),
    difference((run) => run.bootup).toFixed(0),
    difference((run) => run.scripting).toFixed(0),
    difference((run) => run.parse).toFixed(1),
    '',
    '',
    difference((run) => run.allLongTasks.length).toFixed(0),
  ]);
}
printTable(
  `Lighthouse 12, mobile preset (simulated ${all[0].cpuSlowdown}x CPU), median [min–max] of ${RUNS} runs (ms)`,
  ['page', 'score', 'TBT', 'CLS', 'bootup-time', 'eval', 'parse', 'SF long tasks', 'SF longest', 'all long tasks'],
  rows,
);

printTable(
  "Shopfront's long tasks in each run (Lighthouse long-tasks: top-level tasks over 50 ms attributed to /cdn/, simulated ms)",
  ['page', 'run', 'bootup-time', 'long tasks'],
  PAGES.flatMap(([page]) =>
    lighthouse[`${page} with Shopfront`].map((run, i) => [
      page,
      i + 1,
      Math.round(run.bootup),
      run.longTasks.map((duration) => Math.round(duration)).join(', ') || 'none',
    ]),
  ),
);

/** Median of one bootup-time column per script over runs (a script absent from a run counts 0). */
function bootupByScript(runs, key) {
  const scripts = new Set(runs.flatMap((run) => run.bootupRows.map((row) => new URL(row.url).pathname)));
  return new Map(
    [...scripts].map((path) => [
      path,
      median(runs.map((run) => run.bootupRows.find((row) => new URL(row.url).pathname === path)?.[key] ?? 0)),
    ]),
  );
}
const scriptColumns = PAGES.flatMap(([page]) =>
  ['total', 'scripting', 'scriptParseCompile'].map((key) => bootupByScript(lighthouse[`${page} with Shopfront`], key)),
);
const scripts = [...new Set(scriptColumns.flatMap((column) => [...column.keys()]))].sort(
  (a, b) => (scriptColumns[0].get(b) ?? 0) - (scriptColumns[0].get(a) ?? 0),
);
printTable(
  "Shopfront's bootup-time by script, median ms (Lighthouse bootup-time: total CPU, script evaluation, parse)",
  ['script', ...PAGES.flatMap(([page]) => [`${page} total`, 'eval', 'parse'])],
  scripts.map((path) => [path, ...scriptColumns.map((column) => Number((column.get(path) ?? 0).toFixed(1)))]),
);

const kinds = [...new Set(all.flatMap((run) => Object.keys(run.work)))];
printTable(
  'Main-thread work by kind, median ms (Lighthouse mainthread-work-breakdown, whole page)',
  ['kind', ...PAGES.flatMap(([page]) => [`${page} with`, 'blocked', 'SF adds'])],
  kinds.map((kind) => [
    kind,
    ...PAGES.flatMap(([page]) => {
      const withIt = median(lighthouse[`${page} with Shopfront`].map((run) => run.work[kind] ?? 0));
      const without = median(lighthouse[`${page}, /cdn/* blocked`].map((run) => run.work[kind] ?? 0));
      return [Math.round(withIt), Math.round(without), Math.round(withIt - without)];
    }),
  ]),
);

// 2. and 3. Chromium at 4x through the DevTools protocol.
const browser = await launchChromium();

/** One cold load of `path` on the phone screen at 4x; optionally with /cdn/* blocked, or profiled. */
async function load(path, { blocked = false, profiled = false } = {}) {
  const context = await browser.newContext(PHONE);
  if (blocked) await context.route('**/cdn/**', (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  let jsBytes = 0;
  page.on('requestfinished', async (request) => {
    if (new URL(request.url()).pathname.endsWith('.js')) jsBytes += (await request.sizes()).responseBodySize;
  });
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__busyUntil = 0;
    const busy = (entry) => (window.__busyUntil = Math.max(window.__busyUntil, entry.startTime + entry.duration));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push(entry.duration);
        busy(entry);
      }
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach(busy)).observe({ type: 'resource', buffered: true });
    // What ran long: each script of a long animation frame, with what invoked it (a module's evaluation, a promise, a callback).
    window.__longScripts = [];
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries())
        for (const script of frame.scripts)
          window.__longScripts.push({ url: script.sourceURL, invoker: script.invokerType, duration: script.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  if (profiled) await startProfile(cdp);
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  // Booted: every widget that loads on its own (chat on idle) has fetched and run.
  await page.waitForFunction((quiet) => performance.now() - window.__busyUntil > quiet, QUIET_MS, { polling: 250, timeout: 60_000 });
  const profile = profiled ? await stopProfile(cdp) : undefined;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  const longTasks = await page.evaluate(() => window.__longTasks);
  const longScripts = (await page.evaluate(() => window.__longScripts)).filter((script) => isShopfront(script.url));
  await context.close();
  return {
    task: metric('TaskDuration'),
    script: metric('ScriptDuration'),
    layout: metric('LayoutDuration') + metric('RecalcStyleDuration'),
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks),
    jsBytes,
    longScripts,
    profile,
  };
}

/** Shopfront's scripts that ran 50 ms or more in a long animation frame, by file and invoker. */
function longScriptsOf(page, runs) {
  const byScript = new Map();
  for (const script of runs.flatMap((run) => run.longScripts).filter((entry) => entry.duration >= 50)) {
    const key = `${new URL(script.url).pathname} (${script.invoker})`;
    byScript.set(key, [...(byScript.get(key) ?? []), script.duration]);
  }
  return [...byScript].map(([script, durations]) => [
    page,
    script,
    durations.length,
    Math.round(median(durations)),
    Math.round(Math.max(...durations)),
  ]);
}

const traceRows = [];
const longScriptRows = [];
for (const [page, path] of PAGES) {
  const runs = { with: [], without: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.without.push(await load(path, { blocked: true }));
    runs.with.push(await load(path));
    progress(`CDP ${i + 1}/${RUNS} ${page}`);
  }
  const figures = (list) => [
    cell(spread(list, (run) => run.task)),
    cell(spread(list, (run) => run.script)),
    cell(spread(list, (run) => run.layout)),
    cell(spread(list, (run) => run.longTasks)),
    cell(spread(list, (run) => run.longest)),
    cell(
      spread(list, (run) => run.jsBytes / 1024),
      1,
    ),
  ];
  longScriptRows.push(...longScriptsOf(page, runs.with));
  traceRows.push([`${page}, /cdn/* blocked`, ...figures(runs.without)]);
  traceRows.push([`${page} with Shopfront`, ...figures(runs.with)]);
  const adds = (pick, digits = 0) => (median(runs.with.map(pick)) - median(runs.without.map(pick))).toFixed(digits);
  traceRows.push([
    `${page}: Shopfront adds`,
    adds((run) => run.task),
    adds((run) => run.script),
    adds((run) => run.layout),
    adds((run) => run.longTasks),
    adds((run) => run.longest),
    adds((run) => run.jsBytes / 1024, 1),
  ]);
}
printTable(
  `Boot on the main thread, phone screen, CPU slowed ${THROTTLE}x (DevTools protocol), median [min–max] of ${RUNS} cold loads (ms; KB)`,
  ['page', 'task', 'script', 'style+layout', 'long tasks', 'longest', 'JS KB'],
  traceRows,
);

printTable(
  `Shopfront's scripts that ran 50 ms or more in a long animation frame (Chromium's long-animation-frame entries, the same ${RUNS} loads; times, median, longest ms)`,
  ['page', 'script (invoked by)', 'times', 'median', 'longest'],
  longScriptRows.length ? longScriptRows : [['both pages', 'none', 0, 0, 0]],
);

const locate = sourceLocator('dist/cdn');
const top = (entries) => entries.slice(0, TOP).map(([label, ms]) => [label, Number(ms.toFixed(1))]);
for (const [page, path] of PAGES) {
  const profiles = [];
  for (let i = 0; i < RUNS; i++) {
    profiles.push((await load(path, { profiled: true })).profile);
    progress(`${page}: profile ${i + 1}/${RUNS}`);
  }
  const where = meanAttribution(profiles.map((profile) => attributeProfile(profile, { isProduct: isShopfront, locate })));
  const profileTitle = `the ${page} at ${THROTTLE}x, mean of ${RUNS} profiled loads: ${where.total.toFixed(0)} ms in Shopfront's JavaScript`;
  printTable(
    `Where Shopfront's time goes by source file (innermost Shopfront frame, native calls included), ${profileTitle}`,
    ['source file', 'ms'],
    top(where.byFile),
  );
  printTable(`By function, self time (native calls included), the ${page}`, ['function (source:line)', 'ms'], top(where.byFunction));
  printTable(
    `Shopfront's own functions, inclusive (everything they call, libraries too), the ${page}`,
    ['function (source:line)', 'ms'],
    top(where.inclusive),
  );
}

await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });

const load1 = (values) => values.map((value) => value.toFixed(2)).join(' ');
console.log(
  `\nLighthouse's benchmarkIndex ${cell(spread(all, (run) => run.benchmarkIndex))} (higher is a faster, quieter machine); ` +
    `load average ${load1(loadBefore)} before, ${load1(loadavg())} after; ` +
    `wall time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
