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
import { frames } from '../node/support/demo-page.js';
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
    { extra = '', policy = strictPolicy() } = {},
  ): Promise<Watch & { page: Page; versions: string[] }> {
    const { page, watch } = await watchedPage(context);
    await open(page, path, shopPage({ scripts, extra }), policy);
    await assertRendered(page);
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
  // Trusted Types needs 'allow-duplicates' (docs/installing.md). Whichever copy's review feed defines
  // the tag first keeps it (the bundled module usually, but the loader's import of its own can win the
  // race: both are fetched at once); the other warns and defers. Every other tag is the loader's.
  it("another build's widget module beside the loader: one definition per tag, the first defined wins, all render, no exception", async () => {
    await counted(async () => {
      const seen = await twice('/beside', [cdn()], {
        extra: `<script type="module" src="${env.hostUrl}/old/review-feed.js"></script>`,
        policy: strictPolicy().replace('trusted-types lit-html shopfront', "trusted-types lit-html shopfront 'allow-duplicates'"),
      });
      const [api, feed, ...others] = seen.versions;
      assert.deepEqual([api, ...others], ['0.1.0', '0.1.0', '0.1.0', '0.1.0', '0.1.0', '0.1.0']);
      const loser = feed === OLD_VERSION ? '0.1.0' : OLD_VERSION;
      assert.ok(
        seen.warnings.includes(`[shopfront] <sf-review-feed> is already defined by Shopfront ${feed}; this copy (${loser}) is not used`),
        seen.warnings.join('\n'),
      );
      await seen.page.close();
    });
  });
});

describe('hostile global CSS', () => {
  let context: BrowserContext;
  before(async () => {
    context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await seeAProduct(context);
  });
  after(() => context?.close());

  /**
   * Each widget as laid out: its host box, and every element of its shadow tree with its box
   * relative to the host's and a few computed styles the page's rules would change if they got in.
   */
  async function layouts(page: Page): Promise<Record<string, string[]>> {
    await assertRendered(page);
    await page.waitForLoadState('networkidle');
    await frames(page);
    return page.evaluate((tags) => {
      const result: Record<string, string[]> = {};
      for (const tag of tags) {
        const host = document.querySelector(tag)!;
        const origin = host.getBoundingClientRect();
        const lines = [`host ${origin.width}x${origin.height} ${getComputedStyle(host).display}`];
        for (const [index, element] of [...host.shadowRoot!.querySelectorAll('*')].entries()) {
          if (element.localName === 'style') continue;
          const r = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          // Tenths of a pixel: the host sits at another fractional offset on the hostile page. An element
          // without a box (display: none or contents) reports the viewport's corner: no position then.
          // (No named function constants in page code: tsx would wrap them in a `__name` helper.)
          const [x, y, width, height] = [r.x - origin.x, r.y - origin.y, r.width, r.height].map((value) => Math.round(value * 10) / 10);
          const place = width || height ? `${x},${y} ${width}x${height}` : 'no box';
          lines.push(
            `${index} ${element.localName}.${element.getAttribute('part') ?? ''} ${place} ` +
              `${style.display} ${style.color} ${style.fontSize} ${style.lineHeight} ${style.padding} ${style.margin} ${style.borderTopWidth}`,
          );
        }
        result[tag] = lines;
      }
      return result;
    }, WIDGETS);
  }

  /** The lines of `hostile` that differ from `clean`, for each widget. */
  const differences = (clean: Record<string, string[]>, hostile: Record<string, string[]>) =>
    Object.fromEntries(
      WIDGETS.map((tag) => [
        tag,
        clean[tag]!.map((line, i) => (line === hostile[tag]![i] ? '' : `${line}\n  → ${hostile[tag]![i]}`)).filter(Boolean),
      ]),
    );
  let clean: Record<string, string[]> | undefined;
  async function cleanLayouts(): Promise<Record<string, string[]>> {
    if (!clean) {
      const { page } = await watchedPage(context);
      await open(page, '/clean', shopPage());
      clean = await layouts(page);
      await page.close();
    }
    return clean;
  }

  it("rules aimed at the page's elements (div, span, button, [part], [role], :host look-alikes, !important): every widget lays out exactly as on a clean page", async () => {
    await counted(async () => {
      const { page, watch } = await watchedPage(context);
      await open(page, '/hostile', shopPage({ css: '/hostile.css' }));
      const hostile = await layouts(page);
      const none = Object.fromEntries(WIDGETS.map((tag) => [tag, []]));
      assert.deepEqual(differences(await cleanLayouts(), hostile), none);
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.violations, []);
      await page.close();
    });
  });

  // `* { all: unset !important }` also matches each widget's element, which is in the page's light DOM;
  // the page's !important beats the :host rules, so the host box (display, position) and the typography
  // its shadow tree inherits are the page's. Asserted as found, and documented in docs/installing.md.
  it('a reset that matches the widget elements themselves (`* { all: unset !important }`): every widget still renders its data, no error', async () => {
    await counted(async () => {
      const { page, watch } = await watchedPage(context);
      await open(page, '/reset', shopPage({ css: '/reset.css' }));
      const reset = await layouts(page);
      const hosts = WIDGETS.map((tag) => reset[tag]![0]!.split(' ').at(-1));
      assert.deepEqual(
        hosts,
        WIDGETS.map(() => 'inline'),
        "the host display is the page's",
      );
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.violations, []);
      await page.close();
    });
  });
});
