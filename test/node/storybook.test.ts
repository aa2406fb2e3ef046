/**
 * Every story renders in Chromium without a page error and without an axe
 * violation: the Storybook build is what theme designers use, so it must work.
 * Builds Storybook into a temporary directory, serves it, and visits each story.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, serve } from '../../bench/lib/browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const outDir = mkdtempSync(join(tmpdir(), 'storybook-'));
let browser: Browser;
let site: { url: string; close: () => Promise<unknown> };
let stories: IndexEntry[] = [];

before(async () => {
  execFileSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs'],
    { stdio: 'ignore' },
  );
  execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', outDir, '--quiet'], { stdio: 'ignore' });
  const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  site = await serve({ root: outDir });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('Storybook', () => {
  it('builds, with stories', () => {
    assert.ok(stories.length > 0, 'no stories in the build');
  });

  it('renders every story without errors or axe violations', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Failed requests are reported below with their URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
    });
    for (const story of stories) {
      errors = [];
      // a11y.manual stops the addon's own axe run, which would collide with ours.
      await page.goto(`${site.url}/iframe.html?id=${story.id}&viewMode=story&globals=a11y.manual:!true`);
      await page.waitForSelector('#storybook-root > *', { timeout: 10_000 }).catch(() => errors.push('nothing rendered'));
      // Let the story's adapter answer and the widget settle before checking.
      await page
        .waitForFunction(() => !document.querySelector('#storybook-root [aria-busy="true"]'), null, { timeout: 5000 })
        .catch(() => {});
      // Parts loaded on first use (the chat panel) arrive, then their opening fades and colour
      // transitions end: axe measures contrast as painted now, and a half-faded panel fails it.
      await page.waitForLoadState('networkidle');
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
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: unknown,
                options: unknown,
              ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        // Which nodes, and why: enough to fix it from the CI log.
        return result.violations.map(
          (violation) =>
            `${violation.id} (${violation.nodes.length}): ${violation.nodes
              .map((node) => `${JSON.stringify(node.target)} ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`)
              .join(' | ')}`,
        );
      });
      if (errors.length || violations.length) {
        failures.push(`${story.title} › ${story.name}: ${[...errors, ...violations.map((v) => `axe ${v}`)].join('; ')}`);
      }
    }
    await page.close();
    assert.deepEqual(failures, [], `stories with problems:\n${failures.join('\n')}`);
  });
});
