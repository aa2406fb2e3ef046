/**
 * The API reference page (`/api/v1/docs`) in Debian's Chromium, as a developer
 * opens it from the demo shop's footer: the server's own copy of the renderer,
 * under the page's strict CSP (scripts from this origin only, Trusted Types),
 * no console error, no CSP violation, no request to another origin, and every
 * operation of the document rendered.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../packages/server/src/index.js';
import { launchChromium } from '../../bench/lib/browser.mjs';

let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-reference-'));

before(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('renders every operation from the demo footer, under its CSP, offline', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const violations: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== server.url.replace('localhost', '127.0.0.1') && url.protocol !== 'data:' && url.protocol !== 'blob:')
      elsewhere.push(request.url());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });

  await page.goto(server.url);
  await page.getByRole('link', { name: 'API reference' }).click();
  await page.waitForURL('**/api/v1/docs');
  // From here on it is the reference page alone (the shop page before it may lack its widget build).
  for (const list of [errors, violations, elsewhere]) list.length = 0;
  const response = await page.reload();
  const csp = response!.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe/);

  const spec = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const summaries = Object.values(spec.paths as Record<string, Record<string, { summary: string }>>).flatMap((item) =>
    Object.values(item).map((operation) => operation.summary),
  );
  await page.getByRole('heading', { name: spec.info.title }).waitFor({ timeout: 30_000 });
  // Every operation's summary is on the page (the reference opens every tag).
  await page
    .waitForFunction((list) => list.every((summary) => document.body.innerText.includes(summary)), summaries, {
      timeout: 30_000,
      polling: 500,
    })
    .catch(() => undefined);
  const text = await page.evaluate(() => document.body.innerText);
  await page.screenshot({ path: join(tmpdir(), 'shopfront-api-reference.png') });
  const missing = summaries.filter((summary) => !text.includes(summary));
  assert.deepEqual(missing, [], 'operations not rendered');
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(elsewhere, [], 'requests to other origins');
  await page.close();
});
