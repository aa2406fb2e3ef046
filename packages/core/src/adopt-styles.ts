import type { CSSResult } from 'lit';

/**
 * Adds the styles of code loaded on first use (a panel, a form) to a shadow
 * root, once. Constructable stylesheets, like Lit's own: allowed under a strict
 * Content-Security-Policy.
 */
export function adoptStyles(target: ShadowRoot | Element, styles: CSSResult): void {
  const root = target instanceof ShadowRoot ? target : target.shadowRoot;
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
