import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/copy-css.js';
import './support/page-style.js';
import { presetCss, presets, type Preset } from './support/presets.js';
import { seedShowcase, showcase, showcaseAdapter } from './support/showcase.js';

/**
 * Complete themes, each applied to every widget. A preset is only design
 * tokens and `::part()` rules: copy its CSS into the shop's theme stylesheet
 * (Online Store › Edit code › `assets/`, or any stylesheet on the page) and the
 * widgets look like this. "Side by side" compares them on one page.
 */
const meta: Meta = {
  title: 'Theming/Gallery',
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen', shopfront: { adapter: showcaseAdapter } },
  loaders: [seedShowcase],
};
export default meta;

type Story = StoryObj;

const scope = (preset: Preset) => `[data-preset="${preset.id}"]`;

/** One preset, on its own: the widgets, then the stylesheet to paste. */
const presetStory = (id: string): Story => {
  const preset = presets.find((candidate) => candidate.id === id)!;
  return {
    name: preset.name,
    render: () =>
      html`<sf-page-style .css=${presetCss(preset, scope(preset))}></sf-page-style>
        <section data-preset=${preset.id} aria-labelledby="preset-${preset.id}" style="display: grid; gap: 1rem; padding: 1rem">
          <h2 id="preset-${preset.id}" style="margin: 0">${preset.name}</h2>
          <p style="margin: 0">${preset.description}</p>
          ${showcase(`${preset.name} preset`)}
          <sf-copy-css .code=${presetCss(preset)} label="Copy the ${preset.name} CSS"></sf-copy-css>
        </section>`,
  };
};

export const Minimal = presetStory('minimal');

export const Bold = presetStory('bold');

export const DarkLuxury = presetStory('dark-luxury');

/**
 * Every preset in columns. The recently viewed carousel is a landmark named
 * "Recently viewed", and a page holds one: it is in each preset's own story.
 */
export const SideBySide: Story = {
  render: () =>
    html`<sf-page-style .css=${presets.map((preset) => presetCss(preset, scope(preset))).join('\n')}></sf-page-style>
      <div style="display: grid; grid-template-columns: repeat(${presets.length}, minmax(20rem, 1fr)); gap: 1rem; padding: 1rem">
        ${presets.map(
          (preset) =>
            html`<section data-preset=${preset.id} aria-labelledby="column-${preset.id}">
              <h2 id="column-${preset.id}" style="margin: 0 0 0.5rem">${preset.name}</h2>
              ${showcase(`${preset.name} preset`, { recentlyViewed: false })}
            </section>`,
        )}
      </div>`,
};
