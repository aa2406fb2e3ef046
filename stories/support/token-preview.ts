import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { AdapterError, errorView, ShopfrontElement } from '@shopfront/core';

const swatches = ['accent', 'on-accent', 'text', 'text-muted', 'surface', 'surface-alt', 'border', 'danger', 'success', 'star'];

/**
 * Shows the design tokens and the states every widget shares (skeleton, notice,
 * error, buttons) as a widget would render them: a canvas for theme designers.
 */
export class SfTokenPreview extends ShopfrontElement {
  static override styles = css`
    :host {
      display: grid;
      gap: calc(var(--_space) * 4);
      padding: calc(var(--_space) * 4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: calc(var(--_space) * 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 2);
      font-size: 0.875em;
    }
    .chip {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
    }
    .sf-skeleton {
      block-size: 3rem;
    }
  `;

  /** Which shared state to show: `all`, `loading`, `error` or `offline`. */
  @property() state: 'all' | 'loading' | 'error' | 'offline' = 'all';

  override render() {
    const text = this.coreText;
    const show = (state: string) => this.state === 'all' || this.state === state;
    return html`
      <ul aria-label="Colour tokens">
        ${swatches.map(
          (name) => html`<li><span class="chip" style="background: var(--_${name})"></span><code dir="ltr">--sf-color-${name}</code></li>`,
        )}
      </ul>
      <div class="row">
        <button class="sf-button" type="button">${text.close}</button>
        <button class="sf-button" data-variant="primary" type="button">${text.retry}</button>
        <button class="sf-button" type="button" disabled>${text.loading}</button>
      </div>
      ${show('loading') ? html`<div class="sf-skeleton" role="status" aria-label=${text.loading}></div>` : ''}
      ${show('offline') ? html`<p class="sf-notice">${text.offline}</p>` : ''}
      ${show('error') ? errorView(new AdapterError('network', 'offline'), text, () => {}) : ''}
    `;
  }
}

SfTokenPreview.define('sf-token-preview');

declare global {
  interface HTMLElementTagNameMap {
    'sf-token-preview': SfTokenPreview;
  }
}
