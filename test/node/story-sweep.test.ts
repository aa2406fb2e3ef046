/**
 * The story sweep can fail: on a fixture "Storybook" (a tiny iframe.html, no
 * build) its checks report a contrast error and an uncaught exception and pass
 * a clean story; on a fixture index they name the widget and the state a story
 * is missing for. Fast: one Chromium page, no Storybook build.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serve } from '../../bench/lib/browser.mjs';
import { missingStates, states, widgetStates, type IndexedStory } from '../../stories/support/states.js';
import { checkStory, storyUrl, sweepTable, variants, watchPage, type PageWatch } from './support/story-sweep.js';

/** One page standing in for Storybook's canvas: what it renders depends on the story id. */
const fixture = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Fixture canvas</title></head>
  <body>
    <main id="storybook-root"></main>
    <script type="module">
      const params = new URLSearchParams(location.search);
      const root = document.getElementById('storybook-root');
      const id = params.get('id');
      const dark = params.get('globals').includes('theme:dark');
      if (id === 'faint') root.innerHTML = '<p style="color: #c8c8c8; background: #ffffff">Faint grey text on white</p>';
      else root.innerHTML = dark
        ? '<p style="color: #f3f4f6; background: #1f2937">Readable in the dark</p>'
        : '<p style="color: #1f2937; background: #ffffff">Readable in the light</p>';
      if (id === 'throws') setTimeout(() => { throw new Error('the widget broke'); });
    </script>
  </body>
</html>`;

const dir = mkdtempSync(join(tmpdir(), 'story-sweep-'));
let browser: Browser;
let site: { url: string; close: () => Promise<unknown> };
let page: Page;
let watch: PageWatch;

before(async () => {
  writeFileSync(join(dir, 'iframe.html'), fixture);
  site = await serve({ root: dir });
  browser = await launchChromium();
  page = await browser.newPage();
  watch = watchPage(page);
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the story sweep', () => {
  it('passes a clean story in light, dark and right to left', async () => {
    for (const variant of variants) {
      assert.deepEqual(await checkStory(page, watch, storyUrl(site.url, 'clean', variant)), { errors: [], violations: [] }, variant.name);
    }
  });

  it('reports a story with a contrast error', async () => {
    const { violations } = await checkStory(page, watch, storyUrl(site.url, 'faint', variants[0]!));
    assert.equal(violations.length, 1, violations.join('\n'));
    assert.match(violations[0]!, /^color-contrast \(1\)/);
  });

  it('reports an uncaught exception', async () => {
    const { errors } = await checkStory(page, watch, storyUrl(site.url, 'throws', variants[1]!));
    assert.ok(
      errors.some((error) => error.includes('the widget broke')),
      errors.join('\n'),
    );
  });

  it('reports a widget that misses a state, naming the widget and the state', () => {
    const chat = widgetStates.find((widget) => widget.tag === 'sf-chat-launcher')!;
    // Every state of every widget, one story each, then the chat's "away" story taken out.
    const all: IndexedStory[] = widgetStates.flatMap((widget) =>
      widget.states.map((state) => ({ id: `${widget.tag}--${state}`, title: widget.title, name: state, tags: states(state) })),
    );
    assert.deepEqual(missingStates(all), []);
    const problems = missingStates(all.filter((story) => story.id !== 'sf-chat-launcher--away'));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /^sf-chat-launcher .*"away"/);
    assert.match(problems[1]!, new RegExp(`^sf-chat-launcher .*${chat.states.length - 1} stories for ${chat.states.length} states`));
  });

  it('reports a widget with no stories at all, for each of its states', () => {
    const problems = missingStates([], [{ tag: 'sf-star-rating', title: 'Widgets/Star rating', states: ['loading', 'full'] }]);
    assert.deepEqual(problems.length, 3);
    assert.ok(problems.every((problem) => problem.startsWith('sf-star-rating')));
  });

  it('prints a table of stories checked, violations and errors', () => {
    const table = sweepTable([
      { variant: 'light', stories: 2, violations: 1, errors: 0, seconds: 1.5 },
      { variant: 'dark', stories: 2, violations: 0, errors: 3, seconds: 2 },
    ]);
    assert.match(table[0]!, /variant .*stories checked .*axe violations .*errors/);
    assert.match(table.at(-1)!, /^\| total +\| 4 +\| 1 +\| 3 +\| 3\.5/);
  });
});
