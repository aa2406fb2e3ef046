/**
 * The theming gallery's presets are stylesheets a shop can paste: only custom
 * properties the widgets read and `::part()` rules for parts they have, with
 * every text/background pair at WCAG AA. And the builder's contrast warning
 * fires on a pair below AA.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contrast, contrastWarnings } from '../../stories/support/contrast.js';
import { presetCss, presets } from '../../stories/support/presets.js';

interface Element {
  tagName?: string;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Array<{ declarations?: Element[] }> };
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((element) => element.tagName);
const coreTokens = new Set(
  [...readFileSync('packages/core/src/tokens.ts', 'utf8').matchAll(/var\((--sf-[a-z0-9-]+)/g)].map((match) => match[1]!),
);
const widgetProperties = new Set(elements.flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)));

describe('contrast', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    assert.equal(Math.round(contrast('#000', '#ffffff') * 100) / 100, 21);
    assert.equal(contrast('#4338ca', '#4338ca'), 1);
  });

  it('warns for a text/background pair below AA, and only for it', () => {
    const warnings = contrastWarnings({ '--sf-color-text': '#9ca3af', '--sf-color-surface': '#ffffff', '--sf-color-accent': '#4338ca' });
    assert.deepEqual(
      warnings.map(({ text, background }) => [text, background]),
      [['--sf-color-text', '--sf-color-surface']],
    );
    assert.ok(warnings[0]!.ratio < 4.5);
  });
});

describe('theme presets', () => {
  it('are three or more', () => assert.ok(presets.length >= 3));

  for (const preset of presets) {
    describe(preset.name, () => {
      it('passes AA on every text/background pair', () => {
        assert.deepEqual(contrastWarnings(preset.tokens), []);
      });

      it('sets only tokens and widget properties that exist', () => {
        const unknown = Object.keys(preset.tokens).filter((name) => !coreTokens.has(name) && !widgetProperties.has(name));
        assert.deepEqual(unknown, []);
      });

      it('styles only parts the widgets have', () => {
        const unknown = Object.keys(preset.parts).filter((selector) => {
          const [, tag, part] = /^(sf-[a-z-]+)::part\(([a-z-]+)\)$/.exec(selector) ?? [];
          const element = elements.find((candidate) => candidate.tagName === tag);
          return !element?.cssParts?.some((candidate) => candidate.name === part);
        });
        assert.deepEqual(unknown, []);
      });

      it('is plain CSS: tokens on :root, then ::part() rules', () => {
        const css = presetCss(preset);
        assert.match(css, /^:root \{\n {2}--sf-color-accent: /);
        assert.equal(css.match(/::part\(/g)?.length ?? 0, Object.keys(preset.parts).length);
        assert.match(presetCss(preset, '[data-preset="x"]'), /^\[data-preset="x"\] \{[\s\S]*\n\[data-preset="x"\] sf-/);
      });
    });
  }
});
