import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/theme-builder.js';
import { seedShowcase, showcaseAdapter } from './support/showcase.js';

/**
 * Make a theme: change the colours, corner radius, font, spacing and density,
 * watch every widget follow, and copy the stylesheet for the shop in one click.
 * A pair of text and background colours below WCAG AA is named as you pick it.
 */
const meta: Meta<{ preset: string }> = {
  title: 'Theming/Theme builder',
  component: 'sf-theme-builder',
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen', shopfront: { adapter: showcaseAdapter } },
  loaders: [seedShowcase],
  args: { preset: 'default' },
  argTypes: { preset: { control: 'inline-radio', options: ['default', 'minimal', 'bold', 'dark-luxury'] } },
  render: ({ preset }) => html`<div style="padding: 1rem"><sf-theme-builder preset=${preset}></sf-theme-builder></div>`,
};
export default meta;

type Story = StoryObj<{ preset: string }>;

/** From Shopfront's defaults. */
export const FromDefaults: Story = {};

/** From the gallery's dark luxury preset, with its `::part()` rules. */
export const FromDarkLuxury: Story = { args: { preset: 'dark-luxury' } };
