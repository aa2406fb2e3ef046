import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import '../stories/support/story-runtime.js';
import { backendArgs, backendArgTypes, withBackendControls } from '../stories/support/backend.js';
import type { ShopfrontSettings } from '@shopfront/core';

setCustomElementsManifest(manifest);

/** Core design tokens, editable as controls on every story. Widget tokens come from the manifest. */
const tokenArgTypes = Object.fromEntries(
  [
    ['--sf-color-accent', 'color'],
    ['--sf-color-on-accent', 'color'],
    ['--sf-color-text', 'color'],
    ['--sf-color-text-muted', 'color'],
    ['--sf-color-surface', 'color'],
    ['--sf-color-surface-alt', 'color'],
    ['--sf-color-border', 'color'],
    ['--sf-color-star', 'color'],
    ['--sf-radius', 'text'],
    ['--sf-space', 'text'],
    ['--sf-font-family', 'text'],
    ['--sf-font-size', 'text'],
    ['--sf-shadow', 'text'],
    ['--sf-duration', 'text'],
  ].map(([name, control]) => [name, { control, table: { category: 'Design tokens' } }]),
);

const preview: Preview = {
  tags: ['autodocs'],
  argTypes: { ...tokenArgTypes, ...backendArgTypes },
  args: backendArgs,
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Shopper locale',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'fr', 'de', 'es', 'ar'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'en' },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  decorators: [
    (story, context) => {
      // Each story may give a fresh adapter (a MemoryAdapter seeded for its state).
      const shopfront = (context.parameters.shopfront ?? {}) as {
        adapter?: () => ShopfrontSettings['adapter'];
        settings?: ShopfrontSettings;
      };
      const locale = (context.parameters.locale as string | undefined) ?? (context.globals.locale as string);
      const theme = (context.parameters.theme as ShopfrontSettings['theme']) ?? (context.globals.theme as ShopfrontSettings['theme']);
      const settings: ShopfrontSettings = {
        currency: 'EUR',
        ...shopfront.settings,
        locale,
        theme,
        adapter: withBackendControls(shopfront.adapter?.(), context.args),
      };
      const tokens = Object.fromEntries(Object.entries(context.args).filter(([name, value]) => name.startsWith('--') && value));
      const scheme = theme === 'auto' ? 'light dark' : theme;
      return html`<sf-story-runtime
        .settings=${settings}
        dir=${locale === 'ar' ? 'rtl' : 'ltr'}
        lang=${locale}
        style=${styleMap({ ...tokens, colorScheme: scheme, background: 'Canvas', color: 'CanvasText', display: 'block', padding: '1rem' })}
        >${story()}</sf-story-runtime
      >`;
    },
  ],
};

export default preview;
