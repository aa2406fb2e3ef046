// What Shopfront costs a page's main thread as it boots: the demo product page
// (loader, shopfront.css, the widgets in view) against the same page without
// Shopfront, in Chromium with the CPU slowed 4x through the DevTools protocol.
// Prints main-thread task time, script time, long tasks and JavaScript
// transferred, as medians over several cold loads. Timings only print.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../packages/server/src/index.ts';
import { launchChromium } from './lib/browser.mjs';
import { printTable } from './lib/table.mjs';

const RUNS = Number(process.env.BOOT_RUNS ?? 5);
const THROTTLE = 4;

if (!existsSync('dist/cdn/shopfront.js'))
  execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-boot-'));
const server = await startServer({ port: 0, dataDir, log: () => {} });
const browser = await launchChromium();
const url = `${server.url}/products/harbour-sweater`;

/** One cold load; `withShopfront: false` strips the script tag and the stylesheet from the page. */
async function load(withShopfront) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (!withShopfront) {
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<script[^>]*src="\/cdn\/shopfront\.js"[^>]*><\/script>/, '')
        .replace(/<link[^>]*href="\/cdn\/shopfront\.css"[^>]*>/, '');
      await route.fulfill({ response, body: html });
    });
  }
  let jsBytes = 0;
  page.on('requestfinished', async (request) => {
    if (new URL(request.url()).pathname.endsWith('.js')) jsBytes += (await request.sizes()).responseBodySize;
  });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  if (withShopfront) {
    // Booted: the widgets in view have their data on screen (chat waits for idle, so count it too).
    await page.waitForFunction(() =>
      ['sf-review-feed', 'sf-loyalty-badge', 'sf-chat-launcher'].every(
        (tag) => document.querySelector(tag)?.shadowRoot?.textContent !== undefined,
      ),
    );
    await page.waitForLoadState('networkidle');
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  const longTasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  return {
    task: metric('TaskDuration'),
    script: metric('ScriptDuration'),
    layout: metric('LayoutDuration') + metric('RecalcStyleDuration'),
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks),
    jsBytes,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
for (const [name, withShopfront] of [
  ['demo product page without Shopfront', false],
  ['demo product page with Shopfront', true],
]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(withShopfront));
  rows.push([
    name,
    median(runs.map((run) => run.task)),
    median(runs.map((run) => run.script)),
    median(runs.map((run) => run.layout)),
    median(runs.map((run) => run.longTasks)),
    median(runs.map((run) => run.longest)),
    Number((median(runs.map((run) => run.jsBytes)) / 1024).toFixed(1)),
  ]);
}
const [without, withShopfront] = rows;
rows.push(['Shopfront adds', ...withShopfront.slice(1).map((value, i) => Number((value - without[i + 1]).toFixed(1)))]);
printTable(
  `Boot on the main thread, CPU slowed ${THROTTLE}x, median of ${RUNS} cold loads (ms; KB)`,
  ['page', 'task', 'script', 'style+layout', 'long tasks', 'longest', 'JS KB'],
  rows,
);

await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
