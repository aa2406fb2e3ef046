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
 * - Where layout shift is hardest to avoid: on a slow network (400 ms round trips,
 *   400 kbit/s) nothing in view moves while the page loads; every element that
 *   reserves space keeps exactly that size through each loading stage (each held
 *   until measured, no clock).
 * - The home grid's star ratings: one `GET /reviews/summaries` for every card,
 *   and each rating the same size before its code, while it waits for data and
 *   after.
 * - The loader on a page twice, or two builds of different versions, breaks
 *   nothing: one definition per tag, one warning.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../packages/server/src/index.js';
import { launchChromium } from '../../bench/lib/browser.mjs';
import {
  WIDGETS,
  box,
  frames,
  hold,
  layoutShift,
  openPage,
  widgetsReady,
  settled,
  shifts,
  slowNetwork,
  type Watch,
} from './support/demo-page.js';

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
      const { page, watch } = await openPage(browser, viewport);
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

  it("the home grid shows every card's stars from one summaries request, each rating keeping its size throughout", async () => {
    const { page, watch } = await openPage(browser);
    const reviewRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/') && url.pathname.includes('review')) reviewRequests.push(url);
    });
    // Each stage held until measured: before the widget's code, then before its data.
    const code = await hold(page, (url) => url.pathname === '/cdn/star-rating.js');
    const data = await hold(page, (url) => url.pathname === '/api/v1/reviews/summaries');
    const ratings = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('sf-star-rating')].map((element) => {
          const { width, height } = element.getBoundingClientRect();
          const label = element.shadowRoot?.querySelector('[role=img]')?.getAttribute('aria-label');
          return { size: `${width}×${height}`, defined: !!customElements.get('sf-star-rating'), label };
        }),
      );
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const reserved = await ratings();
    const cards = await page.locator('.grid .card').count();
    assert.ok(cards > 1 && reserved.length === cards, `one rating per card (${reserved.length} of ${cards})`);
    assert.ok(!reserved.some((rating) => rating.defined), 'measured before the widget code ran');
    code();
    await page.waitForFunction(() => !!customElements.get('sf-star-rating'));
    await frames(page);
    const pending = await ratings();
    data();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('sf-star-rating')].every((el) => el.shadowRoot?.querySelector('[role=img]')),
    );
    await settled(page);
    const final = await ratings();
    const sizes = (list: Array<{ size: string }>) => list.map((rating) => rating.size);
    assert.deepEqual(sizes(pending), sizes(reserved), 'reserved → waiting for data');
    assert.deepEqual(sizes(final), sizes(reserved), 'reserved → final');
    for (const { label } of final) assert.match(label ?? '', /^\d(\.\d)? out of 5 stars, \d+ reviews?$/);
    const batched = reviewRequests.filter((url) => url.pathname === '/api/v1/reviews/summaries');
    assert.deepEqual(
      batched.map((url) => url.searchParams.get('ids')!.split(',').length),
      [cards],
      'one request for the whole grid',
    );
    assert.equal(reviewRequests.length, 1, 'no request per product');
    assert.equal(await layoutShift(page), 0, `layout shift:\n${await shifts(page)}`);
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  describe('layout shift where it is hardest: a slow network, widgets in view as they load, sizes exact', () => {
    const PHONE = { width: 390, height: 844 };
    const DESKTOP = { width: 1280, height: 800 };
    const result = async (page: Page) => {
      const shift = await layoutShift(page);
      return shift === 0 ? 'no shift' : `layout shift ${shift.toFixed(4)}:\n${await shifts(page)}`;
    };
    /** The product page as the shop serves it, or changed by `edit` (a variant of the demo page). */
    async function productPage(page: Page, edit?: (html: string) => string): Promise<string> {
      const path = `/products/${(await productHandles())[0]}`;
      if (edit)
        await page.route(`${server.url}${path}`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: edit(await response.text()) });
        });
      return path;
    }

    it('on a slow network, nothing in view moves while the product page loads, on a phone and a desktop', async () => {
      for (const viewport of [PHONE, DESKTOP]) {
        const { page, watch } = await openPage(browser, viewport);
        await slowNetwork(page);
        await page.goto(`${server.url}${await productPage(page)}`);
        await widgetsReady(page, { inView: true, timeout: 60_000 });
        await frames(page);
        assert.equal(await result(page), 'no shift', `at ${viewport.width}x${viewport.height}`);
        assert.deepEqual(watch.errors, []);
        await page.close();
      }
    });

    it('the Shopfront elements that reserve space keep exactly that size: FAQ search and loyalty badge', async () => {
      const sizes = await stagedSizes();
      for (const at of Object.keys(sizes)) {
        assert.equal(sizes[at]!['FAQ search: reserved → final'], 'same', at);
        assert.equal(sizes[at]!['loyalty badge: reserved → final'], 'same', at);
      }
    });

    /**
     * Each widget's size at every loading stage, on a phone and a desktop: before its
     * code runs (what shopfront.css reserves), the review feed's skeleton, the skeleton
     * with the real summary, and the final widget with its data. Each stage is held
     * (its requests wait) until measured: no clock involved. Measured once, for the
     * tests that compare them.
     */
    let staged: Promise<Record<string, Record<string, string>>> | undefined;
    function stagedSizes(): Promise<Record<string, Record<string, string>>> {
      staged ??= (async () => {
        const sizes: Record<string, Record<string, string>> = {};
        for (const viewport of [PHONE, DESKTOP]) {
          const { page, watch } = await openPage(browser, viewport);
          const code = await hold(page, (url) => /^\/cdn\/(review-feed|faq-search|loyalty-badge)\.js$/.test(url.pathname));
          const summary = await hold(page, (url) => /^\/api\/v1\/products\/[^/]+\/reviews\/summary$/.test(url.pathname));
          const list = await hold(page, (url) => /^\/api\/v1\/products\/[^/]+\/reviews$/.test(url.pathname));
          const feedShows = (query: string) =>
            page.waitForFunction((selector) => !!document.querySelector('sf-review-feed')!.shadowRoot?.querySelector(selector), query);
          const widgets = async () => ({
            feed: await box(page, 'sf-review-feed'),
            faq: await box(page, 'sf-faq-search'),
            badge: await box(page, 'sf-loyalty-badge'),
          });
          await page.goto(`${server.url}${await productPage(page)}`, { waitUntil: 'load' });
          const reserved = await widgets();
          assert.ok(!reserved.feed.defined && !reserved.faq.defined && !reserved.badge.defined, 'measured before any widget code ran');
          code();
          // Widgets load as they near the viewport: bring each near it (the feed last, to watch it load).
          await page.evaluate(() => {
            for (const name of ['sf-faq-search', 'sf-loyalty-badge', 'sf-review-feed']) document.querySelector(name)!.scrollIntoView();
          });
          await feedShows('.skeleton .summary');
          await frames(page);
          const skeleton = await box(page, 'sf-review-feed');
          summary();
          await feedShows('.summary:not(.sf-skeleton)');
          await frames(page);
          const withSummary = await box(page, 'sf-review-feed');
          list();
          await settled(page);
          const final = await widgets();
          const change = (from: { size: string }, to: { size: string }) => (from.size === to.size ? 'same' : `${from.size} → ${to.size}`);
          sizes[`${viewport.width}x${viewport.height}`] = {
            'review feed: reserved → final': change(reserved.feed, final.feed),
            'review feed: skeleton → final': change(skeleton, final.feed),
            'review feed: skeleton with the summary → final': change(withSummary, final.feed),
            'FAQ search: reserved → final': change(reserved.faq, final.faq),
            'loyalty badge: reserved → final': change(reserved.badge, final.badge),
          };
          assert.deepEqual(watch.errors, []);
          await page.close();
        }
        return sizes;
      })();
      return staged;
    }
  });

  it('keeps the policy while the shopper opens everything that loads on first use', async () => {
    const { page, watch } = await openPage(browser);
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
    // FAQ search: the engine and the results. The shopper scrolls to it first: its code loads only near the viewport.
    await page.locator('sf-faq-search').scrollIntoViewIfNeeded();
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
    const { page, watch } = await openPage(browser);
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
    assert.equal(await layoutShift(page), 0, `layout shift:\n${await shifts(page)}`);
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  it('closes the loop: "Place demo order" on a product page shows the points in the account badge', async () => {
    const { page, watch } = await openPage(browser);
    await page.goto(`${server.url}/account`);
    await settled(page);
    const pointsShown = () =>
      page.evaluate(() =>
        Number(/([\d,]+)\s*points/.exec(document.querySelector('sf-loyalty-badge')!.shadowRoot!.textContent ?? '')?.[1]?.replace(/,/g, '')),
      );
    const before = await pointsShown();
    await page.goto(`${server.url}/products/${(await productHandles())[0]}`);
    await page.getByRole('button', { name: 'Place demo order' }).click();
    await page.waitForURL(/\/account\?order=demo-/);
    const notice = await page.getByRole('status').filter({ hasText: 'Demo order' }).textContent();
    const earned = Number(/placed: (\d+) points/.exec(notice ?? '')?.[1]);
    assert.ok(earned > 0, notice ?? 'no notice');
    await settled(page);
    await page.waitForFunction(
      (expected) => (document.querySelector('sf-loyalty-badge')!.shadowRoot!.textContent ?? '').replace(/,/g, '').includes(`${expected}`),
      before + earned,
    );
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });

  describe('loaded twice', () => {
    /** A page with the given script tags, served from the shop's origin with the same policy. */
    async function pageWith(scripts: string[]): Promise<{ page: Page; watch: Watch; requested: string[] }> {
      const { page, watch } = await openPage(browser);
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
