import { css } from 'lit';

export const styles = css`
  :host {
    --_field-size: var(--sf-faq-search-field-block-size, 2.75rem);
    --_popup-size: var(--sf-faq-search-popup-max-block-size, 28rem);
    --_page-reserve: var(--sf-faq-search-reserved-block-size, 24rem);
  }
  .combo,
  .field {
    position: relative;
  }
  .field {
    display: flex;
    align-items: center;
  }
  .field svg {
    position: absolute;
    inset-inline-start: calc(var(--_space) * 3);
    inline-size: 1.125em;
    block-size: 1.125em;
    color: var(--_text-muted);
    pointer-events: none;
  }
  input {
    inline-size: 100%;
    block-size: var(--_field-size);
    padding-inline: calc(var(--_space) * 10) calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .popup {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + var(--_space));
    display: grid;
    gap: calc(var(--_space) * 2);
    max-block-size: var(--_popup-size);
    overflow: auto;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  [hidden] {
    display: none !important;
  }
  .label {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.8125em;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [role='option'] {
    padding: calc(var(--_space) * 2);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='option']:hover,
  [aria-selected='true'] {
    background: var(--_surface-alt);
  }
  [aria-selected='true'] {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .bars {
    block-size: 6rem;
  }
  /* Page mode keeps the space its FAQ will take, so the page below does not move. */
  .page .bars {
    block-size: var(--_page-reserve);
  }
`;
