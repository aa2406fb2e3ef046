/**
 * The demo shop's pages as the end-to-end tests watch them: a Chromium page that
 * records CSP violations, errors, Shopfront's warnings, layout shifts (with what
 * moved) and the JavaScript it transfers; and a shopper reading it to the end.
 */
import type { Browser, Page } from 'playwright-core';
import { extname } from 'node:path';

export const WIDGETS = ['sf-review-feed', 'sf-loyalty-badge', 'sf-chat-launcher', 'sf-faq-search', 'sf-recently-viewed'];

export interface Watch {
  violations: string[];
  errors: string[];
  warnings: string[];
  jsBytes: number;
}

/** A page that records CSP violations, errors, Shopfront's warnings, layout shifts and JavaScript transferred. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport });
  const watch: Watch = { violations: [], errors: [], warnings: [], jsBytes: 0 };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
    if (message.type() === 'warning' && message.text().startsWith('[shopfront]')) watch.warnings.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('requestfinished', (request) => {
    if (extname(new URL(request.url()).pathname) !== '.js') return;
    // A script still finishing as the test closes the page has no sizes to give; it is not counted.
    request.sizes().then(
      (sizes) => (watch.jsBytes += sizes.responseBodySize),
      () => {},
    );
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

export const frames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Waits until every widget on the page (or those of `tags`; with `inView`, only
 * those the viewport shows) is defined and has its data on screen.
 */
export async function widgetsReady(page: Page, { tags = WIDGETS, inView = false, timeout = 20_000 } = {}): Promise<void> {
  await page.waitForFunction(
    ({ tags, inView }) =>
      tags.every((tag) => {
        const element = document.querySelector(tag);
        if (!element) return true;
        const { top, bottom } = element.getBoundingClientRect();
        if (inView && (top >= innerHeight || bottom <= 0)) return true;
        const root = customElements.get(tag) && element.shadowRoot;
        if (!root) return false;
        if (tag === 'sf-recently-viewed' || tag === 'sf-chat-launcher') return true;
        return !root.querySelector('.sf-skeleton, .skeleton, [aria-busy="true"]') && (root.textContent ?? '').trim().length > 0;
      }),
    { tags, inView },
    { timeout },
  );
}

/**
 * Scrolls down the page half a viewport at a time, as a shopper reads it (widgets
 * below the fold load as they near the viewport), until every widget has its data
 * on screen and the network is quiet; then back to the top.
 */
export async function settled(page: Page, { timeout = 20_000 } = {}): Promise<void> {
  const step = page.viewportSize()!.height / 2;
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForLoadState('networkidle');
    await frames(page);
  }
  await widgetsReady(page, { timeout });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await frames(page);
}

export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
export const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts.join('\n'));

/** A slow mobile network (400 ms round trips, 400 kbit/s each way), through the DevTools protocol. */
export async function slowNetwork(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const throughput = (400 * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: throughput,
    uploadThroughput: throughput,
  });
}

/**
 * Holds the requests whose URL `matches` until the returned function is called
 * (then they go on to the server), so a test can look at each loading stage in
 * turn without waiting on a clock.
 */
export async function hold(page: Page, matches: (url: URL) => boolean): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(matches, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The border box of the first element matching `selector`, as `width×height`, and whether it is defined yet. */
export const box = (page: Page, selector: string) =>
  page.evaluate((query) => {
    const element = document.querySelector(query)!;
    const { width, height } = element.getBoundingClientRect();
    return { size: `${width}×${height}`, defined: !!customElements.get(element.localName) };
  }, selector);
