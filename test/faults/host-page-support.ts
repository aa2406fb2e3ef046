/**
 * The shop's side of test/faults/host-page.node.test.ts: a shop's page on its own
 * origin (a small HTTP server, so every response header is exactly ours: the
 * CSP, reporting to that origin), the real Shopfront server on another origin
 * allowing it, an older copy of the CDN build served by the shop, Chromium, and
 * a page watch for CSP violations, errors and Shopfront's warnings.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signCustomer, startServer, type RunningServer } from '../../packages/server/src/index.js';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { widgetsReady } from '../node/support/demo-page.js';
import { recordFigures } from '../helpers/figures.js';

export const WIDGETS = ['sf-review-feed', 'sf-star-rating', 'sf-loyalty-badge', 'sf-chat-launcher', 'sf-faq-search', 'sf-recently-viewed'];
const SECRET = 'host-page-demo-secret-0123456789';
export const OLD_VERSION = '0.0.9';

/** The running servers and browser, set by `startShop()`. */
export const env = {} as { shopfront: RunningServer; hostUrl: string; browser: Browser };
let host: Server;
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-host-page-'));
const olderBuild = mkdtempSync(join(tmpdir(), 'shopfront-cdn-old-'));
/** The shop's pages by path, and the CSP reports its origin received. */
const pages = new Map<string, { html: string; policy: string }>();
export const reports: string[] = [];
const tally = { cases: 0, failures: 0 };

/** A theme's careless global rules, aimed at the page's own elements: none of them may reach a widget's shadow tree. */
export const HOSTILE_CSS = `
div, button, span, section, ul, li, p, a, input, h2, header { display: inline !important; color: red !important;
  font-size: 40px !important; line-height: 3 !important; padding: 20px !important; margin: 20px !important;
  border: 5px solid lime !important; letter-spacing: 4px !important; word-spacing: 9px !important;
  text-transform: uppercase !important; text-align: center !important; text-indent: 30px !important;
  font-weight: 800 !important; font-style: italic !important; white-space: pre !important; }
:host { display: none !important; font-size: 50px !important; }
:host(*), ::slotted(*), :host-context(body) { display: none !important; }
[part], [part~=button], [part~=card], [role], [aria-hidden], .sf-button, .skeleton { display: none !important;
  width: 1px !important; color: red !important; }
button, input, svg, img { width: 400px !important; height: 3px !important; }
body { margin: 8px !important; }
`;

/** A reset that also matches the widgets' own elements, which are in the page's light DOM. */
export const RESET_CSS = `* { all: unset !important; } head, script, style, link, title { display: none !important; }`;

/** The policy a careful shop sends: its own origin and Shopfront's, Lit's and Shopfront's Trusted Types policies. */
export function strictPolicy(): string {
  const sf = env.shopfront.url;
  return [
    "default-src 'none'",
    `script-src 'self' ${sf}`,
    `style-src 'self' ${sf}`,
    `img-src 'self' ${sf} data: blob:`,
    `connect-src ${sf}`,
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html shopfront',
    'report-uri /csp-report',
  ].join('; ');
}

/** A shop's page: `shopfront.css`, the loader tags, and the widgets, each in a `<div>` as shop themes place them. */
export function shopPage({ scripts = [`${env.shopfront.url}/cdn/shopfront.js`], css = '', product = 'prod-1', extra = '' } = {}): string {
  const customer = signCustomer(SECRET, 'demo-customer-1');
  const tags = scripts
    .map(
      (src) => `<script type="module" src="${src}" data-endpoint="${env.shopfront.url}/api/v1" data-shop="pk_demo"
        data-customer="demo-customer-1" data-customer-signature="${customer}"></script>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A shop</title>
    <link rel="stylesheet" href="${env.shopfront.url}/cdn/shopfront.css">${css ? `<link rel="stylesheet" href="${css}">` : ''}
    ${tags}${extra}</head><body>
    <div class="header"><div><sf-loyalty-badge></sf-loyalty-badge></div></div>
    <div class="main"><div><span><sf-star-rating product-id="${product}"></sf-star-rating></span></div>
    <div><sf-review-feed product-id="${product}" product-title="A product"></sf-review-feed></div>
    <div><sf-faq-search></sf-faq-search></div>
    <div><sf-recently-viewed product-id="${product}"></sf-recently-viewed></div></div>
    <div><sf-chat-launcher></sf-chat-launcher></div></body></html>`;
}

function serveFile(root: string, path: string): { body: Buffer; type: string } | undefined {
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || !existsSync(file)) return undefined;
  const type = extname(file) === '.css' ? 'text/css' : 'text/javascript';
  return { body: readFileSync(file), type };
}

/** Builds the CDN if needed, copies the older build, starts both servers and Chromium. */
export async function startShop(): Promise<void> {
  if (!existsSync('dist/cdn/shopfront.js'))
    execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
  // The older build: the same files under another path, another version string (only the loader has it).
  cpSync('dist/cdn', olderBuild, { recursive: true });
  const loader = join(olderBuild, 'shopfront.js');
  writeFileSync(loader, readFileSync(loader, 'utf8').replace(/"\d+\.\d+\.\d+"/, `"${OLD_VERSION}"`));
  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname === '/csp-report') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        reports.push(body);
        response.writeHead(204).end();
      });
      return;
    }
    const page = pages.get(url.pathname);
    if (page) return void response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': page.policy }).end(page.html);
    const css = { '/hostile.css': HOSTILE_CSS, '/reset.css': RESET_CSS }[url.pathname];
    if (css) return void response.writeHead(200, { 'content-type': 'text/css' }).end(css);
    const file = url.pathname.startsWith('/old/') ? serveFile(olderBuild, url.pathname.slice('/old/'.length)) : undefined;
    if (file) return void response.writeHead(200, { 'content-type': file.type, 'access-control-allow-origin': '*' }).end(file.body);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const address = host.address();
  env.hostUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Shopfront on another origin (another port), which allows the shop's origin.
  env.shopfront = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    log: () => {},
    demo: { secret: SECRET, origins: [env.hostUrl], alwaysOpen: true },
  } as Parameters<typeof startServer>[0]);
  env.browser = await launchChromium();
}

/** Stops everything `startShop()` started, and records the figures. */
export async function stopShop(): Promise<void> {
  recordFigures({ suite: 'Host page (CSP, twice, hostile CSS)', cases: tally.cases, failures: tally.failures });
  await env.browser?.close();
  await env.shopfront?.close();
  await new Promise((resolve) => host?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(olderBuild, { recursive: true, force: true });
}

export interface Watch {
  violations: string[];
  errors: string[];
  warnings: string[];
  requested: string[];
}

/** A page in `context` that records CSP violations (capture phase, so shadow roots count too), errors and warnings. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { violations: [], errors: [], warnings: [], requested: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
    if (message.type() === 'warning' && message.text().startsWith('[shopfront]')) watch.warnings.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('request', (request) => watch.requested.push(request.url()));
  await page.exposeFunction('reportViolation', (text: string) => watch.violations.push(text));
  // No named function constants in page code: tsx would wrap them in a `__name` helper the page lacks.
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        ),
      true,
    );
  });
  return { page, watch };
}

/** Serves `html` under `path` with the strict policy (or `policy`) and opens it. */
export async function open(page: Page, path: string, html: string, policy = strictPolicy()): Promise<void> {
  pages.set(path, { html, policy });
  await page.goto(`${env.hostUrl}${path}`);
}

/** Counts a check for the figures; a failed one is counted, then fails the test. */
export async function counted(check: () => Promise<void>): Promise<void> {
  tally.cases++;
  try {
    await check();
  } catch (error) {
    tally.failures++;
    throw error;
  }
}

/** Every widget defined and showing the server's data. */
export async function assertRendered(page: Page): Promise<void> {
  // One widget at a time, so a failure names the one that did not render.
  const shown = async (tag: string, selector: string) => {
    // Brought into view as a shopper scrolls to it: the loader fetches a widget's code only near the viewport.
    await page.evaluate((name) => document.querySelector(name)?.scrollIntoView({ block: 'center' }), tag);
    await page
      .waitForFunction(
        ({ tag, selector }) => !!document.querySelector(tag)?.shadowRoot?.querySelector(selector),
        { tag, selector },
        { timeout: 20_000 },
      )
      .catch(async () => {
        const text = await page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent?.slice(0, 300), tag);
        throw new Error(`${tag} never showed ${selector}: ${text}`);
      });
  };
  await shown('sf-star-rating', '[role=img][aria-label*="out of 5 stars"]');
  await shown('sf-review-feed', '[part~=list] > *');
  await shown('sf-loyalty-badge', '[part~=points]');
  await shown('sf-recently-viewed', '[part~=card]');
  await shown('sf-chat-launcher', 'button');
  await shown('sf-faq-search', 'input');
  await widgetsReady(page, { tags: WIDGETS });
}

/**
 * A product seen before in `context`, so recently viewed has a card to show on the pages after. The
 * view is stored in the background: the page that saw it stays open while a second tab opens another
 * product page again until it shows the first.
 */
export async function seeAProduct(context: BrowserContext): Promise<void> {
  const { page: seen } = await watchedPage(context);
  await open(seen, '/seen', shopPage({ product: 'prod-2' }));
  await seen.evaluate(() => document.querySelector('sf-recently-viewed')!.scrollIntoView());
  await widgetsReady(seen, { tags: ['sf-recently-viewed'] });
  const { page } = await watchedPage(context);
  for (let visit = 0; ; visit++) {
    await open(page, '/seen-next', shopPage({ product: 'prod-3' }));
    await page.evaluate(() => document.querySelector('sf-recently-viewed')!.scrollIntoView());
    await widgetsReady(page, { tags: ['sf-recently-viewed'] });
    await page.waitForLoadState('networkidle');
    if (await page.locator('sf-recently-viewed [part~=card]').count()) break;
    assert.ok(visit < 20, 'the product seen is never shown');
  }
  await page.close();
  await seen.close();
}

/** Waits (on a condition, checked each event-loop turn) until `condition` holds. */
export async function waitFor(condition: () => boolean, what: string, limit = 20_000): Promise<void> {
  const deadline = Date.now() + limit;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never came: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
