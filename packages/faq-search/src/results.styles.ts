import { css } from 'lit';

/** Styles of what the result views render: they arrive with them, and the element adopts them. */
export const styles = css`
  :host {
    --_mark-background: var(--sf-faq-search-highlight-background, color-mix(in srgb, var(--_accent) 22%, transparent));
    --_mark-color: var(--sf-faq-search-highlight-color, inherit);
  }
  .page {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .snippet {
    display: block;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  mark {
    border-radius: 2px;
    background: var(--_mark-background);
    color: var(--_mark-color);
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .chip {
    min-block-size: 2rem;
    padding-inline: calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: 1rem;
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .answer,
  .none {
    display: grid;
    gap: calc(var(--_space) * 2);
    justify-items: start;
    padding: calc(var(--_space) * 2);
  }
  .answer p,
  .body p,
  .none p {
    margin: 0;
    white-space: pre-line;
  }
  .title {
    font-weight: 600;
  }
  a {
    color: var(--_accent);
  }
  section {
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }
  h2 {
    margin: calc(var(--_space) * 4) 0 calc(var(--_space) * 2);
    font-size: 1.125em;
  }
  h3 {
    margin: 0;
    font: inherit;
  }
  .item {
    border-block-end: 1px solid var(--_border);
  }
  .item button {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
    inline-size: 100%;
    padding: calc(var(--_space) * 3) 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .item button::after {
    content: '+';
    color: var(--_text-muted);
    transition: rotate var(--_duration);
  }
  .item button[aria-expanded='true']::after {
    rotate: 45deg;
  }
  .body {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding-block-end: calc(var(--_space) * 3);
  }
`;
