import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { provideRuntime, type ShopfrontSettings } from '@shopfront/core';

/**
 * Gives the story inside it its own runtime (adapter, locale, theme), as
 * `configure()` does for a real page.
 */
export class SfStoryRuntime extends LitElement {
  /** Settings for the story's subtree. */
  @property({ attribute: false }) settings: ShopfrontSettings = {};

  readonly #provide = provideRuntime(this, {});

  protected override willUpdate(): void {
    this.#provide(this.settings);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('sf-story-runtime')) customElements.define('sf-story-runtime', SfStoryRuntime);

declare global {
  interface HTMLElementTagNameMap {
    'sf-story-runtime': SfStoryRuntime;
  }
}
