import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * A stylesheet in the page, as a shop's theme would hold it: a `<style>` in the
 * light DOM with `css` as its text (a story's own, removed with the story).
 */
export class SfPageStyle extends LitElement {
  /** The CSS text. */
  @property() css = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(): void {
    const style = this.querySelector('style') ?? this.appendChild(document.createElement('style'));
    style.textContent = this.css;
  }
}

if (!customElements.get('sf-page-style')) customElements.define('sf-page-style', SfPageStyle);

declare global {
  interface HTMLElementTagNameMap {
    'sf-page-style': SfPageStyle;
  }
}
