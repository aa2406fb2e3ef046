/**
 * Shopfront never breaks the page it is put on. A shop's page on its own origin
 * (a small HTTP server here, so every response header is exactly ours) loads
 * the real CDN build from the real Shopfront server on another origin, in
 * Debian's Chromium:
 *
 * - Under a strict Content-Security-Policy with Trusted Types, sent as a
 *   header (a `<meta>` policy cannot carry every directive) and reporting to
 *   the page's origin, all six widgets load through the loader, render their
 *   data and open their lazy parts: no `securitypolicyviolation`, no report, no
 *   error. A deliberate violation at the end of each page proves the watch sees
 *   violations and their reports.
 * - The loader twice, beside an older build, or beside another build's widget
 *   module: one definition per tag, the first copy in charge, no error.
 * - Hostile global CSS: each widget's shadow tree lays out exactly as on a
 *   clean page (sizes and positions of every element, and a few computed
 *   styles), and so does the host box.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import {
  OLD_VERSION,
  WIDGETS,
  assertRendered,
  counted,
  env,
  open,
  reports,
  seeAProduct,
  shopPage,
  startShop,
  stopShop,
  strictPolicy,
  waitFor,
  watchedPage,
  type Watch,
} from './host-page-support.js';

before(startShop);
after(stopShop);

describe('a shop page with Shopfront', () => {
  let context: BrowserContext;
  before(async () => {
    context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A product seen before, so recently viewed has a card to show on the pages after.
    await seeAProduct(context);
  });
  after(() => context?.close());

  it('the watch sees a violation and its report (an inline script the policy refuses)', async () => {
    await counted(async () => {
      const { page, watch } = await watchedPage(context);
      const before = reports.length;
      await open(page, '/canary', '<!doctype html><title>Canary</title><script>document.title = "ran"</script>');
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.equal(await page.title(), 'Canary', 'the inline script did not run');
      await waitFor(() => reports.length > before && watch.violations.length > 0, 'the violation and its report');
      assert.equal(watch.violations.length, 1, watch.violations.join('\n'));
      await page.close();
    });
  });

  it('under a strict CSP with Trusted Types, all six widgets load, render data and open their parts: 0 violations, 0 errors', async () => {
    await counted(async () => {
      const { page, watch } = await watchedPage(context);
      const before = reports.length;
      await open(page, '/strict', shopPage());
      await assertRendered(page);
      // The parts that load on first use: FAQ results, the loyalty popover, the chat panel, the review form.
      await page.locator('sf-faq-search input').fill('shipping');
      await page.locator('sf-faq-search [role=option]').first().waitFor();
      await page.locator('sf-loyalty-badge button').first().click();
      await page.locator('sf-loyalty-badge [popover]').first().waitFor();
      await page.keyboard.press('Escape');
      await page.locator('sf-review-feed button', { hasText: 'Write a review' }).click();
      await page.locator('sf-review-feed [part~=form]').first().waitFor();
      await page.locator('sf-chat-launcher button').first().click();
      await page.locator('sf-chat-launcher [role=dialog]').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(watch.violations, []);
      assert.deepEqual(watch.errors, []);
      // Reports go out on their own; one deliberate violation last, and its report is the only one.
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'https://blocked.example/canary.png';
        document.body.append(image);
      });
      await waitFor(() => reports.length > before && watch.violations.length > 0, 'the deliberate violation and its report');
      assert.equal(watch.violations.length, 1, watch.violations.join('\n'));
      assert.deepEqual(
        reports.slice(before).map((body) => (JSON.parse(body) as { 'csp-report': { 'blocked-uri': string } })['csp-report']['blocked-uri']),
        ['https://blocked.example/canary.png'],
      );
      await page.close();
    });
  });
});

describe('the script twice, and beside an older build', () => {
  let context: BrowserContext;
  before(async () => {
    context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await seeAProduct(context);
  });
  after(() => context?.close());

  /** Opens a shop page with these loader tags (and `extra`), checks it works; returns what it saw. */
  async function twice(
    path: string,
    scripts: string[],
    { extra = '', policy = strictPolicy(), rendered = true } = {},
  ): Promise<Watch & { page: Page; versions: string[] }> {
    const { page, watch } = await watchedPage(context);
    await open(page, path, shopPage({ scripts, extra }), policy);
    if (rendered) await assertRendered(page);
    else await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), WIDGETS);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
    const versions = await page.evaluate(
      (tags) => [
        (window as unknown as { Shopfront: { version: string } }).Shopfront.version,
        ...tags.map((tag) => (customElements.get(tag) as unknown as { version: string }).version),
      ],
      WIDGETS,
    );
    return { ...watch, page, versions };
  }
  const cdn = () => `${env.shopfront.url}/cdn/shopfront.js`;
  const widgetCode = (requested: string[], base: string) =>
    requested.filter((url) => url.startsWith(base) && url.endsWith('.js') && !url.endsWith('/shopfront.js'));

  it('the same loader three times (one URL twice, once more under another): one loader works, one warning', async () => {
    await counted(async () => {
      const seen = await twice('/twice', [cdn(), `${cdn()}?copy=2`, cdn()]);
      assert.deepEqual(new Set(seen.versions), new Set(['0.1.0']));
      assert.deepEqual(seen.warnings, ['[shopfront] loaded twice; second copy unused']);
      const code = widgetCode(seen.requested, `${env.shopfront.url}/cdn/`);
      assert.equal(code.length, new Set(code).size, `each module fetched once:\n${code.join('\n')}`);
      await seen.page.close();
    });
  });

  for (const [order, scripts, winner] of [
    ['an older build first', () => [`${env.hostUrl}/old/shopfront.js`, cdn()], OLD_VERSION],
    ['an older build second', () => [cdn(), `${env.hostUrl}/old/shopfront.js`], '0.1.0'],
  ] as const) {
    it(`${order}: the first loaded is in charge of every widget, the other loads no widget, one warning`, async () => {
      await counted(async () => {
        const seen = await twice(`/older-${winner}`, [...scripts()]);
        assert.deepEqual(new Set(seen.versions), new Set([winner]));
        assert.equal(seen.warnings.length, 1, seen.warnings.join('\n'));
        const loser = winner === OLD_VERSION ? `${env.shopfront.url}/cdn/` : `${env.hostUrl}/old/`;
        assert.deepEqual(widgetCode(seen.requested, loser), [], 'the second build loads no widget');
        await seen.page.close();
      });
    });
  }

  // A shop that bundles one widget of an older build and also has the loader: two copies of Lit, so
  // Trusted Types needs 'allow-duplicates' (docs/installing.md). The module that runs first defines its
  // tag; the later one warns. Whether the older review feed then always shows its list is not asserted:
  // in one run of several it stayed on its skeleton (reported in issue 18).
  it("another build's widget module beside the loader: one definition per tag, the first defined wins, no exception", async () => {
    await counted(async () => {
      const seen = await twice('/beside', [cdn()], {
        extra: `<script type="module" src="${env.hostUrl}/old/review-feed.js"></script>`,
        policy: strictPolicy().replace('trusted-types lit-html shopfront', "trusted-types lit-html shopfront 'allow-duplicates'"),
        rendered: false,
      });
      assert.deepEqual(seen.versions, ['0.1.0', OLD_VERSION, '0.1.0', '0.1.0', '0.1.0', '0.1.0', '0.1.0']);
      assert.ok(
        seen.warnings.includes(
          `[shopfront] <sf-review-feed> is already defined by Shopfront ${OLD_VERSION}; this copy (0.1.0) is not used`,
        ),
        seen.warnings.join('\n'),
      );
      await seen.page.close();
    });
  });
});
