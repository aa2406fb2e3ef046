// Lighthouse 12 on Debian's Chromium, as a shop's reviewer runs it: the mobile
// preset (simulated throttling: 4x CPU, slow 4G), performance only, a fresh
// browser and profile per run. Shared by the benches that compare a page with
// and without something (Shopfront's script, an app embed) through
// `blockedUrlPatterns` or two URLs.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, percentile } from './browser.mjs';

/** Chromium's flags for Lighthouse: the project's, with the headless mode Lighthouse wants. */
const FLAGS = [...CHROMIUM_ARGS.filter((flag) => flag !== '--headless'), '--headless=new'];

const CONFIG = {
  extends: 'lighthouse:default',
  settings: {
    onlyCategories: ['performance'],
    // Pictures of the page are of no use to a bench and cost seconds a run.
    disableFullPageScreenshot: true,
    skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
  },
  // Every script's row, however small: a product split into chunks under 50 ms each must still add up.
  audits: [{ path: 'bootup-time', options: { thresholdInMs: 0 } }],
};

/** One Lighthouse run of `url` in its own Chromium; returns the report (lhr). */
export async function runLighthouse(url, { blockedUrlPatterns = [], settings = {} } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: FLAGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', blockedUrlPatterns },
      { ...CONFIG, settings: { ...CONFIG.settings, ...settings } },
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

const items = (lhr, id) => lhr.audits[id]?.details?.items ?? [];
const metric = (lhr, id) => lhr.audits[id]?.numericValue ?? 0;

/**
 * The figures a bench prints from one report. `ours(url)` says which scripts
 * are the product measured: their bootup-time rows (Total CPU Time, Script
 * Evaluation, Script Parse, all ×4 as Lighthouse reports them) and their long
 * tasks (Lighthouse's long-tasks audit: top-level tasks over 50 ms, durations
 * from the simulation, attributed to the script at the bottom of the stack).
 */
export function lighthouseFigures(lhr, ours) {
  const bootupRows = items(lhr, 'bootup-time').filter((row) => ours(row.url));
  const longTasks = items(lhr, 'long-tasks');
  const sum = (rows, key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: metric(lhr, 'total-blocking-time'),
    cls: metric(lhr, 'cumulative-layout-shift'),
    fcp: metric(lhr, 'first-contentful-paint'),
    lcp: metric(lhr, 'largest-contentful-paint'),
    bootup: sum(bootupRows, 'total'),
    scripting: sum(bootupRows, 'scripting'),
    parse: sum(bootupRows, 'scriptParseCompile'),
    bootupRows,
    longTasks: longTasks.filter((task) => ours(task.url)).map((task) => task.duration),
    allLongTasks: longTasks.map((task) => task.duration),
    /** Main-thread time by kind of work (Lighthouse's mainthread-work-breakdown), ms ×4. */
    work: Object.fromEntries(items(lhr, 'mainthread-work-breakdown').map((row) => [row.groupLabel, row.duration])),
    /** Lighthouse's measure of this machine's speed during the run (higher is faster). */
    benchmarkIndex: lhr.environment.benchmarkIndex,
    cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier,
  };
}

/**
 * Runs each variant (`{ name, url, blockedUrlPatterns? }`) `runs` times,
 * interleaved, so a change in the machine's load falls on every variant alike.
 * Returns `{ [name]: figures[] }`. `onRun(name, figures, i, error?)` reports
 * progress (and a failed run, retried once).
 */
export async function compareVariants(variants, { runs, ours, onRun = () => {} }) {
  const results = Object.fromEntries(variants.map(({ name }) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const { name, url, blockedUrlPatterns } of variants) {
      // A run on a starved machine can time out (NO_FCP, a protocol timeout): one more try before giving up.
      const lhr = await runLighthouse(url, { blockedUrlPatterns }).catch((error) => {
        onRun(name, undefined, i, error);
        return runLighthouse(url, { blockedUrlPatterns });
      });
      const figures = lighthouseFigures(lhr, ours);
      results[name].push(figures);
      onRun(name, figures, i);
    }
  }
  return results;
}

/** Median and range of one figure over runs: `{ median, min, max }`. */
export function spread(runs, pick) {
  const values = runs.map(pick);
  return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}
