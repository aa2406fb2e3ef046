/**
 * Complete theme presets for the theming gallery: each is only design tokens
 * (custom properties) and `::part()` rules, so `presetCss(preset)` is a
 * stylesheet a shop pastes into its theme as it is. Every colour pair passes
 * WCAG AA (`test/node/theme-presets.test.ts` checks it, and the parts' names).
 */

export type Declarations = Readonly<Record<string, string>>;

export interface Preset {
  id: string;
  name: string;
  /** What the preset is for, in a sentence. */
  description: string;
  /** Design tokens (`--sf-*`), set on `:root`. */
  tokens: Declarations;
  /** `sf-<widget>::part(<name>)` → declarations. */
  parts: Readonly<Record<string, Declarations>>;
}

export const presets: readonly Preset[] = [
  {
    id: 'minimal',
    name: 'Minimal',
    description: 'Black on white, hairline borders, almost square corners, no shadows: the widgets step back.',
    tokens: {
      '--sf-color-accent': '#111827',
      '--sf-color-on-accent': '#ffffff',
      '--sf-color-text': '#111827',
      '--sf-color-text-muted': '#4b5563',
      '--sf-color-surface': '#ffffff',
      '--sf-color-surface-alt': '#f9fafb',
      '--sf-color-border': '#e5e7eb',
      '--sf-color-danger': '#b91c1c',
      '--sf-color-success': '#15803d',
      '--sf-color-star': '#111827',
      '--sf-radius': '2px',
      '--sf-space': '0.25rem',
      '--sf-font-family': 'system-ui, sans-serif',
      '--sf-font-size': '1rem',
      '--sf-shadow': 'none',
    },
    parts: {
      'sf-review-feed::part(review)': { 'border-inline': '0', 'border-block-start': '0', 'border-radius': '0' },
      'sf-review-feed::part(average)': { 'font-weight': '400' },
      'sf-chat-launcher::part(button)': { 'box-shadow': 'none', border: '1px solid #111827' },
      'sf-chat-launcher::part(panel)': { border: '1px solid #e5e7eb' },
      'sf-recently-viewed::part(card)': { 'box-shadow': 'none' },
      'sf-loyalty-badge::part(popover)': { border: '1px solid #e5e7eb' },
    },
  },
  {
    id: 'bold',
    name: 'Bold',
    description: 'A warm brand colour, round corners, generous spacing and heavy type: the widgets sell.',
    tokens: {
      '--sf-color-accent': '#b42318',
      '--sf-color-on-accent': '#ffffff',
      '--sf-color-text': '#1c1917',
      '--sf-color-text-muted': '#57534e',
      '--sf-color-surface': '#fffaf0',
      '--sf-color-surface-alt': '#fdf0d5',
      '--sf-color-border': '#e7c98f',
      '--sf-color-danger': '#9f1239',
      '--sf-color-success': '#166534',
      '--sf-color-star': '#d97706',
      '--sf-radius': '16px',
      '--sf-space': '0.3rem',
      '--sf-font-family': '"Trebuchet MS", "Segoe UI", sans-serif',
      '--sf-font-size': '1.0625rem',
      '--sf-shadow': '0 12px 32px rgb(180 35 24 / 0.22)',
    },
    parts: {
      'sf-review-feed::part(average)': { 'font-weight': '800' },
      'sf-review-feed::part(write-button)': { 'text-transform': 'uppercase', 'letter-spacing': '0.04em', 'font-weight': '700' },
      'sf-loyalty-badge::part(trigger)': { 'font-weight': '700' },
      'sf-loyalty-badge::part(button)': { 'font-weight': '700' },
      'sf-chat-launcher::part(button)': { 'border-radius': '999px' },
      'sf-faq-search::part(input)': { 'border-width': '2px' },
      'sf-recently-viewed::part(title)': { 'font-weight': '700' },
    },
  },
  {
    id: 'dark-luxury',
    name: 'Dark luxury',
    description: 'Gold on near-black, square corners and a serif: for a dark theme. Paint the page with the surface colour.',
    tokens: {
      '--sf-color-accent': '#d4af37',
      '--sf-color-on-accent': '#14110f',
      '--sf-color-text': '#f5efe6',
      '--sf-color-text-muted': '#c9bba8',
      '--sf-color-surface': '#14110f',
      '--sf-color-surface-alt': '#221d19',
      '--sf-color-border': '#4a3f35',
      '--sf-color-danger': '#fca5a5',
      '--sf-color-success': '#86efac',
      '--sf-color-star': '#d4af37',
      '--sf-radius': '0',
      '--sf-space': '0.28rem',
      '--sf-font-family': 'Georgia, "Times New Roman", serif',
      '--sf-font-size': '1rem',
      '--sf-shadow': '0 16px 40px rgb(0 0 0 / 0.6)',
    },
    parts: {
      'sf-review-feed::part(heading)': { 'letter-spacing': '0.08em', 'text-transform': 'uppercase' },
      'sf-review-feed::part(review)': { 'border-color': '#4a3f35' },
      'sf-recently-viewed::part(heading)': { 'letter-spacing': '0.08em', 'text-transform': 'uppercase' },
      'sf-loyalty-badge::part(tier-badge)': { outline: '1px solid #d4af37' },
      'sf-chat-launcher::part(header)': { 'border-block-end': '1px solid #d4af37' },
      'sf-faq-search::part(highlight)': { background: 'transparent', color: '#d4af37', 'text-decoration': 'underline' },
    },
  },
];

const block = (selector: string, declarations: Declarations) =>
  `${selector} {\n${Object.entries(declarations)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}`;

/**
 * The preset as a stylesheet: tokens on `:root` and its `::part()` rules. With
 * `scope` (a selector) the tokens and rules apply only under it, for showing
 * presets side by side on one page.
 */
export function presetCss(preset: Pick<Preset, 'tokens' | 'parts'>, scope?: string): string {
  const rules = Object.keys(preset.tokens).length ? [block(scope ?? ':root', preset.tokens)] : [];
  for (const [selector, declarations] of Object.entries(preset.parts))
    rules.push(block(scope ? `${scope} ${selector}` : selector, declarations));
  return `${rules.join('\n\n')}\n`;
}
