import { css } from 'lit';

export const styles = css`
  :host {
    --_size: var(--sf-chat-launcher-size, 3.5rem);
    --_offset-inline: var(--sf-chat-offset-inline, 1.25rem);
    --_offset-block: var(--sf-chat-offset-block, 1.25rem);
    /* Fixed: the launcher never takes space in, or shifts, the shop's layout. */
    position: fixed;
    z-index: var(--sf-chat-z-index, 2147483000);
    inset-block-end: var(--_offset-block);
    inset-inline-end: var(--_offset-inline);
  }
  :host([corner$='start']) {
    inset-inline: var(--_offset-inline) auto;
  }
  :host([corner^='top']) {
    inset-block: var(--_offset-block) auto;
  }
  .launcher {
    display: grid;
    place-items: center;
    inline-size: var(--_size);
    block-size: var(--_size);
    padding: 0;
    border: 0;
    border-radius: var(--sf-chat-launcher-radius, 50%);
    background: var(--sf-chat-launcher-background, var(--_accent));
    color: var(--sf-chat-launcher-color, var(--_on-accent));
    box-shadow: var(--_shadow);
    cursor: pointer;
  }
  .launcher svg {
    inline-size: 50%;
  }
  :host([open]) .chat,
  :host(:not([open])) .close {
    display: none;
  }
`;
