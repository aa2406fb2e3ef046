import { css } from 'lit';

/** The panel's look, added to the launcher's shadow root when the panel's code loads. */
export const styles = css`
  .panel {
    /* The panel opens above (or below) the launcher button. */
    --_edge: calc(var(--_offset-block) + var(--_size) + 0.75rem);
    position: fixed;
    z-index: 1;
    inset-block-end: var(--_edge);
    inset-inline-end: var(--_offset-inline);
    display: flex;
    flex-direction: column;
    inline-size: min(var(--sf-chat-panel-width, 24rem), 100vw - 2 * var(--_offset-inline));
    block-size: min(var(--sf-chat-panel-height, 38rem), 100dvh - var(--_edge) - 1rem);
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: calc(2 * var(--_radius));
    background: var(--_surface);
    box-shadow: var(--_shadow);
    transition:
      opacity var(--_duration),
      translate var(--_duration);
  }
  @starting-style {
    .panel {
      opacity: 0;
      translate: 0 0.75rem;
    }
  }
  .panel[hidden] {
    display: none;
  }
  :host([corner$='start']) .panel {
    inset-inline: var(--_offset-inline) auto;
  }
  :host([corner^='top']) .panel {
    inset-block: var(--_edge) auto;
  }
  /* Narrow windows: the whole screen. */
  @media (max-width: 30rem) {
    .panel {
      inset: 0 !important;
      inline-size: auto;
      block-size: auto;
      border: 0;
      border-radius: 0;
    }
  }
  header,
  .composer,
  .author {
    display: flex;
    align-items: center;
    gap: calc(2 * var(--_space));
  }
  header {
    justify-content: space-between;
    padding: calc(3 * var(--_space)) calc(4 * var(--_space));
    background: var(--_accent);
    color: var(--_on-accent);
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.0625rem;
  }
  header p,
  .author,
  .typing,
  .note,
  .meta {
    font-size: 0.8125rem;
  }
  .icon {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .icon svg {
    inline-size: 1.25rem;
  }
  label:focus-within {
    outline: var(--_focus-ring);
  }
  .avatar {
    display: grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 50%;
    background: var(--_surface-alt);
    object-fit: cover;
  }
  .log {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: calc(3 * var(--_space));
    padding: calc(4 * var(--_space));
    overflow-y: auto;
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .bubble {
    max-inline-size: 85%;
    padding: calc(2 * var(--_space)) calc(3 * var(--_space));
    border-radius: calc(2 * var(--_radius));
    background: var(--sf-chat-agent-background, var(--_surface-alt));
    color: var(--sf-chat-agent-color, var(--_text));
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
  }
  .visitor {
    align-items: flex-end;
  }
  .visitor .bubble {
    background: var(--sf-chat-visitor-background, var(--_accent));
    color: var(--sf-chat-visitor-color, var(--_on-accent));
  }
  .bubble img {
    display: block;
    max-inline-size: 100%;
    max-block-size: 12rem;
  }
  .author,
  .meta,
  .typing,
  .optional {
    color: var(--_text-muted);
  }
  .failed,
  .error {
    color: var(--_danger);
  }
  .typing {
    padding-inline: calc(4 * var(--_space));
  }
  .footer {
    padding: calc(3 * var(--_space));
    border-block-start: 1px solid var(--_border);
  }
  header + .sf-notice {
    margin: calc(3 * var(--_space)) calc(4 * var(--_space)) 0;
  }
  .sf-skeleton {
    block-size: 2.5rem;
  }
  input,
  textarea {
    min-block-size: 2.5rem;
    padding: calc(2 * var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .composer textarea {
    flex: 1;
    max-block-size: 8rem;
    resize: none;
    field-sizing: content;
  }
  .send {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  :host(:state(rtl)) .send svg {
    scale: -1 1;
  }
  .form,
  .form label {
    display: grid;
    gap: calc(3 * var(--_space));
  }
  .form label {
    gap: var(--_space);
  }
  .rating {
    display: grid;
    gap: calc(2 * var(--_space));
  }
  .rating fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .stars {
    display: flex;
    gap: var(--_space);
  }
  .star-choice {
    position: relative;
    font-size: 1.5rem;
    line-height: 1;
    color: var(--_border);
    cursor: pointer;
  }
  /* The input stays in the accessibility tree and takes focus; the star shows its state. */
  .star-choice input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .star-choice:has(~ .star-choice input:checked),
  .star-choice:has(input:checked) {
    color: var(--_star);
  }
  .star-choice:has(input:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
`;
