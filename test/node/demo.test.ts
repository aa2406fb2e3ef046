/**
 * The demo shop as a shopper meets it: the real server, the CDN build loaded by
 * one script tag (and the shopfront.css link), Debian's Chromium.
 *
 * - Every page keeps the Content-Security-Policy the issue asks for
 *   (`script-src 'self'`, no inline styles, Trusted Types for `lit-html` and
 *   `shopfront` only) and reports no violation, also while the shopper opens the
 *   chat, the loyalty popover, the review form and photo, and searches the FAQ
 *   (each loads code on first use).
 * - The product page with all five widgets does not shift its layout while
 *   everything loads and renders (PerformanceObserver 'layout-shift'), on a
 *   desktop and a phone viewport; the JavaScript it transfers is printed.
 * - The loader on a page twice, or two builds of different versions, breaks
 *   nothing: one definition per tag, one warning.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../packages/server/src/index.js';
import { launchChromium } from '../../bench/lib/browser.mjs';

const WIDGETS = ['sf-review-feed', 'sf-loyalty-badge', 'sf-chat-launcher', 'sf-faq-search', 'sf-recently-viewed'];

let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-demo-'));
const secondBuild = mkdtempSync(join(tmpdir(), 'shopfront-cdn-v2-'));

before(async () => {
  if (!existsSync('dist/cdn/shopfront.js'))
    execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
  // A second build of another version: the same files, another version string, another URL.
  cpSync('dist/cdn', secondBuild, { recursive: true });
  const loader = join(secondBuild, 'shopfront.js');
  writeFileSync(loader, readFileSync(loader, 'utf8').replace(/"\d+\.\d+\.\d+"/, '"9.9.9"'));
  server = await startServer({ port: 0, dataDir, log: () => {} } as Parameters<typeof startServer>[0]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(secondBuild, { recursive: true, force: true });
});

interface Watch {
  violations: string[];
  errors: string[];
  warnings: string[];
  jsBytes: number;
}

/** A page that records CSP violations, errors, Shopfront's warnings, layout shifts and JavaScript transferred. */
async function openPage(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport });
  const watch: Watch = { violations: [], errors: [], warnings: [], jsBytes: 0 };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
    if (message.type() === 'warning' && message.text().startsWith('[shopfront]')) watch.warnings.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('requestfinished', async (request) => {
    if (extname(new URL(request.url()).pathname) === '.js') watch.jsBytes += (await request.sizes()).responseBodySize;
  });
  await page.exposeFunction('reportViolation', (text: string) => watch.violations.push(text));
  await page.addInitScript(() => {
    interface Shift extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
    }
    const state = window as unknown as { layoutShift: number; shifts: string[]; reportViolation: (text: string) => void };
    state.layoutShift = 0;
    state.shifts = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      state.reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
    // What moved, for the failure message: "host > tag#id.class[part=…] x,y wxh → x,y wxh". No named
    // function constants here: tsx would wrap them in a `__name` helper the page does not have.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        state.layoutShift += entry.value;
        const moved = entry.sources.map(({ node, previousRect: from, currentRect: to }) => {
          const path: string[] = [];
          for (let element = node instanceof Element ? node : null; element;) {
            const part = element.getAttribute('part');
            path.unshift(`${element.localName}${element.id ? `#${element.id}` : ''}${part ? `[part=${part}]` : ''}`);
            element = (element.getRootNode() as ShadowRoot).host ?? null;
          }
          const box = [from, to].map((r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`);
          return `${path.join(' > ') || node?.nodeName || '(gone)'} ${box.join(' → ')}`;
        });
        state.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, watch };
}

const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Scrolls down the page half a viewport at a time, as a shopper reads it (widgets
 * below the fold load as they near the viewport), until every widget has its data
 * on screen and the network is quiet; then back to the top.
 */
async function settled(page: Page): Promise<void> {
  const step = page.viewportSize()!.height / 2;
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForLoadState('networkidle');
    await frames(page);
  }
  await page.waitForFunction(
    (tags) =>
      tags.every((tag) => {
        const element = document.querySelector(tag);
        if (!element) return true;
        const root = customElements.get(tag) && element.shadowRoot;
        if (!root) return false;
        if (tag === 'sf-recently-viewed' || tag === 'sf-chat-launcher') return true;
        return !root.querySelector('.sf-skeleton, .skeleton, [aria-busy="true"]') && (root.textContent ?? '').trim().length > 0;
      }),
    WIDGETS,
    { timeout: 20_000 },
  );
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await frames(page);
}

const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts.join('\n'));

async function productHandles(): Promise<string[]> {
  const home = await (await fetch(`${server.url}/`)).text();
  return [...new Set([...home.matchAll(/href="[^"]*\/products\/([a-z0-9-]+)"/g)].map((match) => match[1]!))];
}

describe('the demo shop in Chromium', () => {
  it('serves every page with the strict Content-Security-Policy', async () => {
    for (const path of ['/', '/faq', '/account', `/products/${(await productHandles())[0]}`]) {
      const policy = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy') ?? '';
      assert.match(policy, /script-src 'self'(;|$)/, path);
      assert.match(policy, /style-src 'self'(;|$)/, path);
      assert.match(policy, /require-trusted-types-for 'script'/, path);
      assert.match(policy, /trusted-types lit-html shopfront(;|$)/, path);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|allow-duplicates/, path);
    }
  });

  it('the product page with all five widgets does not shift, on a desktop and on a phone', async () => {
    const [first, second] = await productHandles();
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page, watch } = await openPage(viewport);
      // The second product page: recently viewed now has the first product to show.
      await page.goto(`${server.url}/products/${first}`);
      await settled(page);
      console.log(
        `JavaScript transferred by a first visit to a product page at ${viewport.width}px: ${(watch.jsBytes / 1024).toFixed(1)} KB`,
      );
      await page.goto(`${server.url}/products/${second}`);
      await settled(page);
      for (const tag of WIDGETS) assert.ok(await page.evaluate((name) => !!customElements.get(name), tag), `${tag} is defined`);
      const recent = await page.locator('sf-recently-viewed [part~=card]').count();
      assert.equal(recent, 1, 'recently viewed shows the product seen before');
      assert.equal(await layoutShift(page), 0, `layout shift at ${viewport.width}x${viewport.height}:\n${await shifts(page)}`);
      assert.deepEqual(watch.violations, []);
      assert.deepEqual(watch.errors, []);
      await page.close();
    }
  });

  it('keeps the policy while the shopper opens everything that loads on first use', async () => {
    const { page, watch } = await openPage();
    await page.goto(`${server.url}/products/${(await productHandles())[0]}`);
    await settled(page);
    // Review form and photo lightbox.
    await page.locator('sf-review-feed button', { hasText: 'Write a review' }).click();
    await page.locator('sf-review-feed [part~=form]').first().waitFor();
    const photo = page.locator('sf-review-feed [part~=photo]').first();
    if (await photo.count()) {
      await photo.click();
      await page.locator('sf-review-feed dialog[open]').waitFor();
      await page.keyboard.press('Escape');
    }
    // FAQ search: the engine and the results.
    await page.locator('sf-faq-search input').fill('shiping');
    await page.locator('sf-faq-search [role=option]').first().waitFor();
    // Loyalty popover with floating-ui.
    await page.locator('sf-loyalty-badge button').first().click();
    await page.locator('sf-loyalty-badge [popover]').first().waitFor();
    await page.keyboard.press('Escape');
    // The chat panel.
    await page.locator('sf-chat-launcher button').first().click();
    await page.locator('sf-chat-launcher [role=dialog]').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  it('the signed-in account page shows the member and keeps the policy', async () => {
    const { page, watch } = await openPage();
    await page.goto(`${server.url}/account`);
    await settled(page);
    const badge =
      (await page
        .locator('sf-loyalty-badge')
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? '';
    const shown = await page.evaluate(() => document.querySelector('sf-loyalty-badge')!.shadowRoot!.textContent ?? '');
    assert.match(shown, /points/, `badge shows points (${badge})`);
    assert.equal(await layoutShift(page), 0);
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  describe('loaded twice', () => {
    /** A page with the given script tags, served from the shop's origin with the same policy. */
    async function pageWith(scripts: string[]): Promise<{ page: Page; watch: Watch; requested: string[] }> {
      const { page, watch } = await openPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const policy = (await fetch(`${server.url}/`)).headers.get('content-security-policy')!;
      const endpoint = `${server.url}/api/v1`;
      await page.route(`${server.url}/twice`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': policy },
          body: `<!doctype html><html lang="en"><head><title>Twice</title>
            <link rel="stylesheet" href="/cdn/shopfront.css">
            ${scripts.map((src) => `<script type="module" src="${src}" data-endpoint="${endpoint}" data-shop="pk_demo"></script>`).join('')}
            </head><body><main><sf-review-feed product-id="prod-1" product-title="Harbour wool sweater"></sf-review-feed><sf-faq-search></sf-faq-search></main>
            <sf-chat-launcher></sf-chat-launcher></body></html>`,
        }),
      );
      await page.route(`${server.url}/cdn-v2/**`, (route) => {
        const file = join(secondBuild, new URL(route.request().url()).pathname.replace('/cdn-v2/', ''));
        return existsSync(file) ? route.fulfill({ path: file, contentType: 'text/javascript' }) : route.fulfill({ status: 404 });
      });
      await page.goto(`${server.url}/twice`);
      await settled(page);
      return { page, watch, requested };
    }

    async function assertWorking(page: Page, watch: Watch): Promise<void> {
      const summary = await page.evaluate(() => document.querySelector('sf-review-feed')!.shadowRoot!.textContent ?? '');
      assert.match(summary, /review/i, 'the review feed renders');
      assert.ok(
        await page.evaluate(() => !!document.querySelector('sf-chat-launcher')!.shadowRoot!.querySelector('button')),
        'the launcher renders',
      );
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.violations, []);
    }

    it('the same loader twice under two URLs: the second copy warns once and does nothing', async () => {
      const { page, watch, requested } = await pageWith(['/cdn/shopfront.js', '/cdn/shopfront.js?copy=2']);
      await assertWorking(page, watch);
      assert.equal(watch.warnings.length, 1, watch.warnings.join('\n'));
      assert.match(watch.warnings[0]!, /twice/);
      assert.equal(requested.filter((path) => path === '/cdn/review-feed.js').length, 1);
      await page.close();
    });

    it('two builds of different versions: the first stays in charge, one warning', async () => {
      const { page, watch, requested } = await pageWith(['/cdn/shopfront.js', '/cdn-v2/shopfront.js']);
      await assertWorking(page, watch);
      assert.equal(watch.warnings.length, 1, watch.warnings.join('\n'));
      assert.deepEqual(
        requested.filter((path) => path.startsWith('/cdn-v2/')),
        ['/cdn-v2/shopfront.js'],
        'the second build loads no widget',
      );
      assert.equal(await page.evaluate(() => (window as unknown as { Shopfront: { version: string } }).Shopfront.version), '0.1.0');
      await page.close();
    });
  });
});
