import { html } from 'lit';

/** The badge's default medal: a star. */
export const star = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
</svg>`;
