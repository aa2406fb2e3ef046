import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/token-preview.js';

/**
 * Every widget reads the same design tokens (`--sf-*` custom properties, set
 * anywhere up the page) and shares its loading, offline and error states.
 * Change the tokens in Controls and the theme and locale from the toolbar.
 */
const meta: Meta = {
  title: 'Theming/Design tokens',
  component: 'sf-token-preview',
  render: (args) => html`<sf-token-preview state=${args.state ?? 'all'}></sf-token-preview>`,
  argTypes: { state: { control: 'inline-radio', options: ['all', 'loading', 'error', 'offline'] } },
};
export default meta;

type Story = StoryObj;

export const Defaults: Story = {};

export const Dark: Story = { parameters: { theme: 'dark' } };

export const Branded: Story = {
  args: {
    '--sf-color-accent': '#0f766e',
    '--sf-color-on-accent': '#ffffff',
    '--sf-radius': '0',
    '--sf-font-family': 'Georgia, serif',
  },
};

export const RightToLeft: Story = { parameters: { locale: 'ar' } };

export const ErrorState: Story = { args: { state: 'error' } };
