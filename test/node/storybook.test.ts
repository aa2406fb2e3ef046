/**
 * The story sweep: the Storybook build is what theme designers use, so it must
 * work. Builds Storybook into a temporary directory, serves it, and opens every
 * story in light, dark and right to left in Chromium: no uncaught exception, no
 * console error, no failed request, no axe (WCAG 2.1 AA) violation. Every widget
 * has a story for each state `stories/support/states.ts` requires of it.
 * The checks themselves are proven on fixtures in `story-sweep.test.ts`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, serve } from '../../bench/lib/browser.mjs';
import { missingStates, stateTag, widgetStates, type IndexedStory } from '../../stories/support/states.js';
import { checkStory, storyUrl, sweepTable, variants, watchPage } from './support/story-sweep.js';

/** Tabs checking stories at once (CI has two cores). */
const tabs = Math.max(1, Number(process.env.STORY_SWEEP_TABS) || 2);

type IndexEntry = IndexedStory & { type: 'story' | 'docs' };

const outDir = mkdtempSync(join(tmpdir(), 'storybook-'));
let browser: Browser;
let site: { url: string; close: () => Promise<unknown> };
let stories: IndexEntry[] = [];
let docsPages: IndexEntry[] = [];

interface Documented {
  tagName?: string;
  attributes?: unknown;
  members?: unknown;
  events?: unknown;
  slots?: unknown;
  cssParts?: unknown;
  cssProperties?: unknown;
}

before(async () => {
  execFileSync(
    process.execPath,
    ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs'],
    { stdio: 'ignore' },
  );
  try {
    execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', outDir, '--quiet'], { stdio: 'pipe' });
  } catch (error) {
    // What Storybook said (an unindexable story, a Vite error), not only "Command failed".
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`Storybook build failed:\n${`${stdout ?? ''}${stderr ?? ''}`.slice(-4000)}`);
  }
  const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  docsPages = Object.values(index.entries).filter((entry) => entry.type === 'docs');
  site = await serve({ root: outDir });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('Storybook', () => {
  it('builds, with a story for every state of every widget', () => {
    assert.ok(stories.length > 0, 'no stories in the build');
    assert.deepEqual(missingStates(stories), [], 'widgets with states that no story shows (stories/support/states.ts)');
  });

  it('has a docs page per widget with every attribute, property, event, slot, part and custom property', async () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Array<{ declarations?: Documented[] }> };
    const declared = manifest.modules.flatMap((module) => module.declarations ?? []);
    const page = await browser.newPage();
    const watch = watchPage(page);
    const problems: string[] = [];
    for (const widget of widgetStates) {
      const docs = docsPages.find((entry) => entry.title === widget.title);
      if (!docs) {
        problems.push(`${widget.tag}: no docs page`);
        continue;
      }
      await page.goto(`${site.url}/iframe.html?id=${docs.id}&viewMode=docs&globals=a11y.manual:!true`);
      const listed = await page
        .waitForSelector('.docblock-argstable', { timeout: 20_000 })
        .then(() => page.locator('.docblock-argstable').innerText())
        .catch(() => '');
      const element = declared.find((declaration) => declaration.tagName === widget.tag);
      // Properties are the fields among the members: Storybook's tables leave methods out (the READMEs list them).
      const names = ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'].flatMap(
        (kind) =>
          (element?.[kind as keyof Documented] as Array<{ name: string; kind?: string; static?: boolean }> | undefined)
            ?.filter((item) => !item.static && item.name && item.kind !== 'method')
            .map((item) => item.name) ?? [],
      );
      const missing = names.filter((name) => !listed.includes(name));
      if (!listed) problems.push(`${widget.tag}: the docs page shows no table`);
      else if (missing.length) problems.push(`${widget.tag}: the docs page lacks ${missing.join(', ')}`);
      problems.push(...watch.take().map((error) => `${widget.tag} docs: ${error}`));
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('renders every story in light, dark and right to left without errors or axe violations', async (t) => {
    const jobs = variants.flatMap((variant) => stories.map((story) => ({ variant, story })));
    const rows = new Map(
      variants.map((variant) => [variant.name, { variant: variant.name, stories: 0, violations: 0, errors: 0, seconds: 0 }]),
    );
    const failures: string[] = [];
    const slowest: Array<[number, string]> = [];
    const started = performance.now();
    let next = 0;
    // Each tab in its own context: its own store, so stories in parallel never share saved state.
    const tab = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const watch = watchPage(page);
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const { variant, story } = job;
        const begun = performance.now();
        const busyOnPurpose = story.tags?.includes(stateTag('loading'));
        const { errors, violations } = await checkStory(page, watch, storyUrl(site.url, story.id, variant), { busyOnPurpose });
        const seconds = (performance.now() - begun) / 1000;
        const row = rows.get(variant.name)!;
        row.stories++;
        row.violations += violations.length;
        row.errors += errors.length;
        row.seconds += seconds;
        slowest.push([seconds, `${variant.name} ${story.id}`]);
        if (errors.length || violations.length) {
          failures.push(
            `[${variant.name}] ${story.title} › ${story.name}: ${[...errors, ...violations.map((v) => `axe ${v}`)].join('; ')}`,
          );
        }
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: tabs }, tab));
    const widgets = widgetStates.map((widget) => `${widget.tag} ${stories.filter((story) => story.title === widget.title).length}`);
    const slow = slowest
      .sort((a, b) => b[0] - a[0])
      .slice(0, 5)
      .map(([seconds, name]) => `${name} ${seconds.toFixed(1)}s`);
    for (const line of [
      ...sweepTable([...rows.values()]),
      `wall time ${((performance.now() - started) / 1000).toFixed(1)}s in ${tabs} tabs (seconds above are summed per story)`,
      `stories per widget: ${widgets.join(', ')}`,
      `slowest: ${slow.join(', ')}`,
    ])
      t.diagnostic(line);
    assert.deepEqual(failures, [], `stories with problems:\n${failures.join('\n')}`);
  });
});
