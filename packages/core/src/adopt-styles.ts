import type { CSSResult } from 'lit';

/**
 * Adds the styles of code loaded on first use (a panel, a form) to a shadow
 * root, once. Constructable stylesheets, like Lit's own: allowed under a strict
 * Content-Security-Policy.
 */
export function adoptStyles(target: Node, styles: CSSResult | readonly CSSResult[] = []): void {
  const root = target instanceof ShadowRoot ? target : (target as Element).shadowRoot;
  for (const { styleSheet } of [styles].flat())
    if (root && styleSheet && !root.adoptedStyleSheets.includes(styleSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
}
