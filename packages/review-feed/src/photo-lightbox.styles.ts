import { css } from 'lit';

/** The photo viewer's look: it arrives with the viewer. */
export const styles = css`
  .lightbox {
    inline-size: min(60rem, 100vw - 2rem);
    max-inline-size: none;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .lightbox::backdrop {
    background: rgb(0 0 0 / 0.75);
  }
  .lightbox img {
    display: block;
    inline-size: 100%;
    block-size: min(70vh, 40rem);
    object-fit: contain;
    background: var(--_surface-alt);
  }
  .lightbox-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
  }
  .lightbox-caption {
    flex: 1 1 10rem;
  }
`;
