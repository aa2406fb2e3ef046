/**
 * The story sweep's checks, apart from the Storybook build so that a test can
 * run them on a fixture: open a story in one variant (light, dark, right to
 * left) in a page that is reused, wait for it to settle, and collect its page
 * errors, console errors, failed requests and axe (WCAG 2.1 AA) violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** How each story is opened: Storybook globals, switched through the URL. */
export interface Variant {
  name: string;
  globals: Record<string, string>;
}

export const variants: readonly Variant[] = [
  { name: 'light', globals: { theme: 'light', locale: 'en' } },
  { name: 'dark', globals: { theme: 'dark', locale: 'en' } },
  { name: 'rtl', globals: { theme: 'light', locale: 'ar' } },
];

/** A story's canvas in `variant`. `a11y.manual` stops the addon's own axe run, which would collide with ours. */
export function storyUrl(base: string, id: string, variant: Variant): string {
  const globals = Object.entries({ ...variant.globals, 'a11y.manual': '!true' })
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
  return `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${globals}`;
}

/** What the sweep watches in a page it reuses from story to story. */
export interface PageWatch {
  /** The errors since the last call: uncaught exceptions, console errors, and responses of 400 or more. */
  take: () => string[];
  /** Resolves once no request has been in flight for `quietMs` (cheaper than Playwright's 500 ms `networkidle`). */
  quiet: (quietMs?: number, timeoutMs?: number) => Promise<void>;
}

export function watchPage(page: Page): PageWatch {
  let errors: string[] = [];
  let inFlight = 0;
  let lastChange = performance.now();
  const settled = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = performance.now();
  };
  page.on('request', () => {
    inFlight++;
    lastChange = performance.now();
  });
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  page.on('pageerror', (error) => errors.push(`uncaught ${error.message}`));
  page.on('console', (message) => {
    // Failed requests are reported below with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('framenavigated', (frame) => {
    // A new document: requests of the old one will never finish.
    if (frame === page.mainFrame()) inFlight = 0;
  });
  return {
    take: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    quiet: async (quietMs = 100, timeoutMs = 10_000) => {
      const start = performance.now();
      while (performance.now() - start < timeoutMs) {
        if (inFlight === 0 && performance.now() - lastChange >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

export interface SettleOptions {
  /** A loading story stays busy on purpose: do not wait for it to finish. */
  busyOnPurpose?: boolean;
}

/** Waits for the story to render, its adapter to answer, lazy parts to arrive and animations to end. */
export async function settle(page: Page, watch: PageWatch, root: string, options: SettleOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  await page.waitForSelector(`${root} > *`, { timeout: 10_000 }).catch(() => problems.push('nothing rendered'));
  if (!options.busyOnPurpose) {
    await page
      .waitForFunction((selector) => !document.querySelector(`${selector} [aria-busy="true"]`), root, { timeout: 5000 })
      .catch(() => {});
  }
  // Parts loaded on first use (the chat panel) arrive, then their opening fades and colour
  // transitions end: axe measures contrast as painted now, and a half-faded panel fails it.
  await watch.quiet();
  await page.evaluate(async () => {
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const running = document
        .getAnimations()
        .filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  });
  return problems;
}

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/** axe's violations (WCAG 2.1 A and AA, best practices) under `root`, each with its nodes and why: enough to fix it from the CI log. */
export async function axeViolations(page: Page, root: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    // axe's default rules: WCAG 2.0 and 2.1 A and AA, and best practices; not its experimental ones.
    const result = await axe.run(document.querySelector(selector), { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.nodes.length}): ${violation.nodes
          .map((node) => `${JSON.stringify(node.target)} ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`)
          .join(' | ')}`,
    );
  }, root);
}

export interface StoryCheck {
  errors: string[];
  violations: string[];
}

/** Opens `url` in `page` (which `watch` watches) and checks the story under `root`. */
export async function checkStory(
  page: Page,
  watch: PageWatch,
  url: string,
  options: SettleOptions & { root?: string } = {},
): Promise<StoryCheck> {
  const root = options.root ?? '#storybook-root';
  watch.take();
  await page.goto(url);
  const problems = await settle(page, watch, root, options);
  const violations = await axeViolations(page, root);
  return { errors: [...problems, ...watch.take()], violations };
}

export interface SweepRow {
  variant: string;
  stories: number;
  violations: number;
  errors: number;
  seconds: number;
}

/** The sweep's summary, one row per variant and a total, as fixed-width text lines. */
export function sweepTable(rows: readonly SweepRow[]): string[] {
  const total = rows.reduce<SweepRow>(
    (sum, row) => ({
      variant: 'total',
      stories: sum.stories + row.stories,
      violations: sum.violations + row.violations,
      errors: sum.errors + row.errors,
      seconds: sum.seconds + row.seconds,
    }),
    { variant: 'total', stories: 0, violations: 0, errors: 0, seconds: 0 },
  );
  const header = ['variant', 'stories checked', 'axe violations', 'errors', 'seconds'];
  const cells = [...rows, total].map((row) => [row.variant, row.stories, row.violations, row.errors, row.seconds.toFixed(1)].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => `| ${cell.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)];
}
