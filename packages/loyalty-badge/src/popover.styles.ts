import { css } from 'lit';

/** The popover's styles: adopted into the badge's shadow root when the popover chunk loads. */
export const popoverStyles = css`
  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    inline-size: min(var(--sf-loyalty-badge-popover-width, 22rem), calc(100vw - 1rem));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding-block: calc(var(--_space) * 3) 0;
    padding-inline: calc(var(--_space) * 4) calc(var(--_space) * 2);
  }
  .title {
    flex: 1;
    margin: 0;
    font-size: 1.0625em;
  }
  .close {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-alt);
  }
  .close svg {
    stroke: currentColor;
    stroke-width: 2;
    fill: none;
  }
  .summary {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 4) calc(var(--_space) * 3);
  }
  .balance {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 2);
    margin: 0;
  }
  .summary .points {
    font-size: 1.5em;
  }
  .summary .progress-label {
    white-space: normal;
  }
  .sf-notice,
  .sf-error {
    margin: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }
  .tabs {
    display: flex;
    border-block-end: 1px solid var(--_border);
    padding-inline: calc(var(--_space) * 2);
  }
  .tab {
    flex: 1;
    min-block-size: 2.75rem;
    padding-inline: var(--_space);
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    color: var(--_text-muted);
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_badge-accent);
    color: var(--_text);
    font-weight: 600;
  }
  .tab:focus-visible,
  .panel:focus-visible {
    outline-offset: -2px;
  }
  .panel {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 4) calc(var(--_space) * 4);
  }
  .panel[hidden] {
    display: none;
  }
  h3 {
    margin: calc(var(--_space) * 2) 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0;
    list-style: none;
  }
  .row,
  .reward {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .row[aria-current] {
    outline: 1px solid var(--_badge-accent);
  }
  .grow {
    flex: 1 1 10rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .block {
    display: block;
  }
  .muted {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .chip {
    padding-inline: calc(var(--_space) * 2);
    border-radius: 999px;
    background: var(--_badge-accent);
    color: var(--_badge-on-accent);
    font-size: 0.75em;
  }
  .amount {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_success);
  }
  .amount.minus {
    color: var(--_text-muted);
  }
  .missing,
  .failure {
    color: var(--_danger);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    flex-basis: 100%;
  }
  .confirm > .block {
    flex-basis: 100%;
  }
  a:not(.sf-button) {
    color: inherit;
  }
  .sf-button {
    text-decoration: none;
  }
  .result {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .result p,
  .panel > p,
  .join p {
    margin: 0;
  }
  .reward-name {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    font-weight: 600;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .field {
    flex: 1 1 8rem;
    min-inline-size: 0;
    min-block-size: 2.5rem;
    padding-inline: calc(var(--_space) * 3);
    border: 1px dashed var(--_badge-accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    font: inherit;
    font-family: ui-monospace, monospace;
  }
  #code {
    font-size: 1.125em;
    font-weight: 600;
    letter-spacing: 0.05em;
  }
  .join {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 4) 0;
  }
  .lead {
    font-size: 1.125em;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .birthday {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: calc(var(--_space) * 3) 0 0;
  }
  .birthday p {
    margin: 0;
  }
  .birthday-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .birthday select {
    min-block-size: 2.5rem;
    padding-inline: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    font: inherit;
  }
  .panel-skeleton {
    block-size: 8rem;
    margin: calc(var(--_space) * 4);
  }
  slot[name='footer'] {
    display: block;
    padding: 0 calc(var(--_space) * 4) calc(var(--_space) * 3);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
`;
