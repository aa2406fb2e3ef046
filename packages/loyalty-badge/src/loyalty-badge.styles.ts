import { css } from 'lit';

export const styles = css`
  :host {
    --_badge-accent: var(--sf-loyalty-badge-accent, var(--_accent));
    --_badge-on-accent: var(--sf-loyalty-badge-on-accent, var(--_on-accent));
    --_tier-color: var(--sf-loyalty-badge-tier-color, var(--_badge-accent));
    --_offset: var(--sf-loyalty-badge-offset, 1rem);
    /* The card: trigger, progress row, gap, padding and border. The skeleton holds this much. */
    --_reserved-block-size: calc(3.5rem + var(--_space) * 4 + 2px);
    /* Loading and loaded take one fixed width (shopfront.css reserves it before the code arrives), so
       nothing beside the badge ever moves; text too long for it ends in an ellipsis. */
    --_inline-size: var(--sf-loyalty-badge-inline-size, 15rem);
    display: inline-block;
    vertical-align: middle;
  }
  :host([placement^='floating']) {
    --_reserved-block-size: 3rem;
    position: fixed;
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    z-index: var(--sf-loyalty-badge-z-index, 2147483000);
  }
  :host([placement='floating-start']) {
    inset-inline: var(--_offset) auto;
  }
  /* Inline, a small card on its own surface: its text stays readable on any page, light or dark. */
  .badge {
    display: inline-flex;
    flex-direction: column;
    inline-size: var(--_inline-size);
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 3) calc(var(--_space) * 2) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
  }
  .badge:hover,
  :host(:state(open)) .badge {
    border-color: var(--_badge-accent);
  }
  .trigger {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    block-size: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: none;
    color: inherit;
    font: inherit;
    max-inline-size: 100%;
    white-space: nowrap;
    cursor: pointer;
  }
  :host([placement^='floating']) .badge {
    inline-size: auto;
    padding: 0;
    border: 0;
    background: none;
  }
  :host([placement^='floating']) .trigger {
    block-size: 3rem;
    padding-inline: calc(var(--_space) * 2) calc(var(--_space) * 4);
    background: var(--_badge-accent);
    color: var(--_badge-on-accent);
    box-shadow: var(--_shadow);
  }
  .medal {
    display: inline-grid;
    flex: none;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    background: var(--_tier-color);
    color: var(--_badge-on-accent);
  }
  :host([placement^='floating']) .medal {
    background: var(--_badge-on-accent);
    color: var(--_tier-color);
  }
  svg {
    inline-size: 1rem;
    block-size: 1rem;
    fill: currentColor;
  }
  .points {
    display: inline-block;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .tier {
    min-inline-size: 0;
    overflow: hidden;
    font-size: 0.875em;
    text-overflow: ellipsis;
  }
  .progress-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .progress-label {
    overflow: hidden;
    color: var(--_text-muted);
    font-size: 0.75rem;
    line-height: 1.25rem;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .progress {
    display: block;
    flex: 1 0 3rem;
    block-size: 0.375rem;
    overflow: hidden;
    border-radius: 999px;
    background: var(--sf-loyalty-badge-progress-track, var(--_surface-alt));
  }
  .bar {
    display: block;
    block-size: 100%;
    border-radius: inherit;
    background: var(--sf-loyalty-badge-progress-color, var(--_badge-accent));
    transition: inline-size var(--_duration);
  }
  :host([placement^='floating']) .badge > :not(.trigger) {
    display: none;
  }
  .skeleton {
    display: block;
    inline-size: var(--_inline-size);
    block-size: var(--_reserved-block-size);
  }
  /* Until the popover chunk has loaded and floating-ui has placed it: no flash mid-page. */
  .popover:not([data-placed]) {
    visibility: hidden;
  }
`;
