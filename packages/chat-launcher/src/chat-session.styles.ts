import { css } from 'lit';

/** The unread badge's look: it only appears once this code is here, so its styles come with it. */
export const badgeStyles = css`
  .launcher {
    position: relative;
  }
  .badge {
    position: absolute;
    inset-block-start: -0.25rem;
    inset-inline-end: -0.25rem;
    min-inline-size: 1.375rem;
    padding-inline: 0.25rem;
    border-radius: 1rem;
    background: var(--sf-chat-badge-background, var(--_danger));
    color: var(--sf-chat-badge-color, var(--_surface));
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.375rem;
  }
`;
