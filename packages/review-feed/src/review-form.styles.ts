import { css } from 'lit';

/** The write-a-review form's look: it arrives with the form. */
export const styles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 4);
    padding: calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .form h3 {
    font-size: 1.125em;
  }
  .field {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field > label,
  legend {
    padding: 0;
    font-weight: 600;
  }
  .control {
    inline-size: 100%;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  textarea.control {
    min-block-size: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  .star-input {
    display: flex;
    gap: var(--_space);
    font-size: 2rem;
  }
  .star-input label {
    display: flex;
    padding: 2px;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .star-input label:has(:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .previews {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .previews li {
    display: grid;
    justify-items: start;
    gap: var(--_space);
  }
  .previews img {
    inline-size: 4rem;
    block-size: 4rem;
    border-radius: var(--_radius);
    object-fit: cover;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
`;
