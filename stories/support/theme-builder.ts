import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { contrastWarnings } from './contrast.js';
import './copy-css.js';
import './page-style.js';
import { presetCss, presets, type Preset } from './presets.js';
import { showcase } from './showcase.js';

/** Shopfront's own light defaults (docs/theming.md), the builder's starting point. */
const defaults: Preset = {
  id: 'default',
  name: 'Shopfront default',
  description: 'The tokens every widget falls back to.',
  tokens: {
    '--sf-color-accent': '#4338ca',
    '--sf-color-on-accent': '#ffffff',
    '--sf-color-text': '#1f2937',
    '--sf-color-text-muted': '#4b5563',
    '--sf-color-surface': '#ffffff',
    '--sf-color-surface-alt': '#f3f4f6',
    '--sf-color-border': '#d1d5db',
    '--sf-color-danger': '#b91c1c',
    '--sf-color-success': '#15803d',
    '--sf-color-star': '#f59e0b',
    '--sf-radius': '8px',
    '--sf-space': '0.25rem',
    '--sf-font-family': 'inherit',
    '--sf-font-size': '1rem',
  },
  parts: {},
};

const colours: Array<[token: string, label: string]> = [
  ['--sf-color-accent', 'Accent'],
  ['--sf-color-on-accent', 'Text on accent'],
  ['--sf-color-text', 'Text'],
  ['--sf-color-text-muted', 'Muted text'],
  ['--sf-color-surface', 'Surface'],
  ['--sf-color-surface-alt', 'Alternate surface'],
  ['--sf-color-border', 'Border'],
  ['--sf-color-danger', 'Danger'],
  ['--sf-color-success', 'Success'],
  ['--sf-color-star', 'Stars'],
];

const fonts: Array<[value: string, label: string]> = [
  ['inherit', "The shop's font"],
  ['system-ui, sans-serif', 'System sans-serif'],
  ['"Trebuchet MS", "Segoe UI", sans-serif', 'Humanist sans-serif'],
  ['Georgia, "Times New Roman", serif', 'Serif'],
  ['ui-monospace, monospace', 'Monospace'],
];

/** Density scales the spacing unit and the type. */
const densities = { compact: [0.8, 0.9375], regular: [1, 1], spacious: [1.25, 1.0625] } as const;
type Density = keyof typeof densities;

const label = (token: string) => colours.find(([name]) => name === token)?.[1] ?? token;

/**
 * A theme editor for designers: tokens on the left, every widget restyled live
 * on the right, a warning for each text/background pair below WCAG AA, and the
 * resulting stylesheet, copied in one click.
 */
export class SfThemeBuilder extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(16rem, 20rem) 1fr;
      gap: 1.5rem;
      align-items: start;
    }
    form {
      display: grid;
      gap: 1rem;
    }
    fieldset {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.5rem 0.75rem;
      align-items: center;
      margin: 0;
      border: 1px solid GrayText;
      border-radius: 4px;
    }
    legend {
      font-weight: 600;
    }
    input[type='color'] {
      inline-size: 3rem;
      block-size: 2rem;
    }
    select,
    input {
      font: inherit;
    }
    .warnings {
      margin: 0;
      padding: 0.75rem;
      border: 2px solid currentColor;
      border-radius: 4px;
    }
    .warnings ul {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
    }
    .side {
      display: grid;
      gap: 1rem;
      position: sticky;
      inset-block-start: 1rem;
    }
  `;

  /** The preset the tokens start from: `default`, or a gallery preset's id. */
  @property() preset = 'default';

  @state() private tokens: Record<string, string> = {};
  @state() private spacing = 0.25;
  @state() private density: Density = 'regular';

  get #start(): Preset {
    return presets.find((candidate) => candidate.id === this.preset) ?? defaults;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('preset')) {
      this.tokens = { ...defaults.tokens, ...this.#start.tokens };
      this.spacing = parseFloat(this.tokens['--sf-space']!) || 0.25;
      this.density = 'regular';
    }
  }

  /** The tokens as the stylesheet sets them: spacing and type scaled by the density. */
  get theme(): Record<string, string> {
    const [space, type] = densities[this.density];
    const round = (value: number) => String(Math.round(value * 1000) / 1000);
    return { ...this.tokens, '--sf-space': `${round(this.spacing * space)}rem`, '--sf-font-size': `${round(type)}rem` };
  }

  /** The stylesheet for the shop: the tokens, and the starting preset's `::part()` rules. */
  get cssText(): string {
    return presetCss({ tokens: this.theme, parts: this.#start.parts });
  }

  override render() {
    const theme = this.theme;
    const warnings = contrastWarnings(theme);
    const set = (token: string) => (event: Event) => (this.tokens = { ...this.tokens, [token]: (event.target as HTMLInputElement).value });
    return html`<div class="side">
        <form aria-label="Theme tokens" @submit=${(event: Event) => event.preventDefault()}>
          <label
            >Start from
            <select .value=${this.preset} @change=${(event: Event) => (this.preset = (event.target as HTMLSelectElement).value)}>
              ${[defaults, ...presets].map((preset) => html`<option value=${preset.id} ?selected=${preset.id === this.preset}>${preset.name}</option>`)}
            </select></label
          >
          <fieldset>
            <legend>Colours</legend>
            ${colours.map(
              ([token, name]) =>
                html`<label for=${token}>${name}</label
                  ><input id=${token} type="color" .value=${this.tokens[token]!} @input=${set(token)} />`,
            )}
          </fieldset>
          <fieldset>
            <legend>Shape and type</legend>
            <label for="radius">Corner radius (${this.tokens['--sf-radius']})</label>
            <input
              id="radius"
              type="range"
              min="0"
              max="24"
              .value=${String(parseFloat(this.tokens['--sf-radius']!) || 0)}
              @input=${(event: Event) => (this.tokens = { ...this.tokens, '--sf-radius': `${(event.target as HTMLInputElement).value}px` })}
            />
            <label for="font">Font</label>
            <select id="font" @change=${set('--sf-font-family')}>
              ${fonts.map(([value, name]) => html`<option value=${value} ?selected=${value === this.tokens['--sf-font-family']}>${name}</option>`)}
            </select>
            <label for="spacing">Spacing unit (${this.spacing}rem)</label>
            <input
              id="spacing"
              type="range"
              min="0.15"
              max="0.4"
              step="0.01"
              .value=${String(this.spacing)}
              @input=${(event: Event) => (this.spacing = Number((event.target as HTMLInputElement).value))}
            />
            <label for="density">Density</label>
            <select id="density" @change=${(event: Event) => (this.density = (event.target as HTMLSelectElement).value as Density)}>
              ${Object.keys(densities).map((name) => html`<option ?selected=${name === this.density}>${name}</option>`)}
            </select>
          </fieldset>
        </form>
        <div class="warnings" role="status">
          ${
            warnings.length
              ? html`<strong>Below WCAG AA contrast (4.5:1):</strong>
                  <ul>
                    ${warnings.map(
                      (warning) => html`<li>${label(warning.text)} on ${label(warning.background)}: ${warning.ratio.toFixed(2)}:1</li>`,
                    )}
                  </ul>`
              : html`Every text and background pair meets WCAG AA.`
          }
        </div>
        <sf-copy-css .code=${this.cssText}></sf-copy-css>
      </div>
      <div data-builder-preview style=${styleMap(theme)}>
        <sf-page-style .css=${presetCss({ tokens: {}, parts: this.#start.parts }, '[data-builder-preview]')}></sf-page-style>
        ${showcase('Preview')}
      </div>`;
  }
}

if (!customElements.get('sf-theme-builder')) customElements.define('sf-theme-builder', SfThemeBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'sf-theme-builder': SfThemeBuilder;
  }
}
