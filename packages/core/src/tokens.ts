import { css } from 'lit';

/**
 * Design tokens and shared utility classes, placed first in every widget's
 * styles. Public tokens (`--sf-*`) are read once into private ones (`--_*`), so
 * a value set anywhere up the page's tree reaches the widget, and widget CSS
 * reads one name. Colours use `light-dark()`: the scheme follows the shopper's
 * OS unless the `theme` setting or attribute fixes it.
 */
export const hostStyles = css`
  :host {
    --_accent: var(--sf-color-accent, light-dark(#4338ca, #a5b4fc));
    --_on-accent: var(--sf-color-on-accent, light-dark(#ffffff, #1e1b4b));
    --_text: var(--sf-color-text, light-dark(#1f2937, #f3f4f6));
    --_text-muted: var(--sf-color-text-muted, light-dark(#4b5563, #c4c9d2));
    --_surface: var(--sf-color-surface, light-dark(#ffffff, #1f2937));
    --_surface-alt: var(--sf-color-surface-alt, light-dark(#f3f4f6, #111827));
    --_border: var(--sf-color-border, light-dark(#d1d5db, #4b5563));
    --_danger: var(--sf-color-danger, light-dark(#b91c1c, #fca5a5));
    --_success: var(--sf-color-success, light-dark(#15803d, #86efac));
    --_star: var(--sf-color-star, #f59e0b);
    --_radius: var(--sf-radius, 8px);
    --_space: var(--sf-space, 0.25rem);
    --_shadow: var(--sf-shadow, 0 8px 24px rgb(0 0 0 / 0.16));
    --_duration: var(--sf-duration, 160ms);
    --_focus-ring: 2px solid var(--_accent);

    display: block;
    box-sizing: border-box;
    color-scheme: light dark;
    color: var(--_text);
    font-family: var(--sf-font-family, inherit);
    font-size: var(--sf-font-size, 1rem);
    line-height: 1.5;
    /* The page's other text settings stop here: a theme's uppercase, spaced-out or centred text would
       otherwise reach every widget through inheritance (test/faults/host-page.node.test.ts). A rule on
       the element itself still overrides them. */
    font-style: normal;
    font-weight: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    /* Widgets set --_reserved-block-size to the size they will have, so nothing moves when they load. */
    min-block-size: var(--_reserved-block-size, auto);
  }
  :host([hidden]) {
    display: none !important;
  }
  :host(:state(light)) {
    color-scheme: light;
  }
  :host(:state(dark)) {
    color-scheme: dark;
  }
  :host(:state(rtl)) {
    direction: rtl;
  }
  :host(:state(ltr)) {
    direction: ltr;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .sf-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 2);
    min-block-size: 2.5rem;
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
    transition:
      background-color var(--_duration),
      border-color var(--_duration);
  }
  .sf-button:hover {
    border-color: var(--_accent);
  }
  .sf-button[data-variant='primary'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .sf-button:disabled,
  .sf-button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* A button that reads as a link: Show all, Read more, Retry, Back. */
  .sf-link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .sf-visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .sf-notice {
    margin: 0;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .sf-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .sf-error p {
    margin: 0;
    flex: 1 1 16rem;
  }
  .sf-skeleton {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-alt) 25%, var(--_border) 50%, var(--_surface-alt) 75%) 0 0 / 200% 100%;
    animation: sf-shimmer 1.4s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .sf-skeleton {
      animation: none;
    }
  }
  @keyframes sf-shimmer {
    to {
      background-position: -200% 0;
    }
  }
`;
