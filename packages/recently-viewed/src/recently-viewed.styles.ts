import { css } from 'lit';

export const styles = css`
  :host {
    --_card: var(--sf-recently-viewed-card-width, 10rem);
    --_ratio: var(--sf-recently-viewed-image-aspect-ratio, 1);
  }
  /* Its own surface: legible whatever the page behind it and the colour scheme. */
  section {
    background: var(--_surface);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  h2,
  ::slotted([slot='heading']) {
    flex: 1;
    margin: 0;
    font-size: 1.25em;
  }
  :host(:state(rtl)) [aria-hidden] {
    scale: -1;
  }
  .track {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: var(--_card);
    gap: calc(var(--_space) * 4);
    overflow-x: auto;
    scroll-snap-type: inline mandatory;
    /* Room for the focus ring, which the scroller would clip; snapping ignores it. */
    padding: var(--_space);
    scroll-padding: var(--_space);
  }
  @media (prefers-reduced-motion: no-preference) {
    .track {
      scroll-behavior: smooth;
    }
  }
  .card {
    scroll-snap-align: start;
  }
  a {
    display: block;
    color: inherit;
    text-decoration: none;
  }
  /* The image's space is reserved before it loads. */
  .frame {
    position: relative;
    display: block;
    aspect-ratio: var(--_ratio);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    overflow: hidden;
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  img:not([src]) {
    display: none;
  }
  /* At its static place: the frame's start corner, in either direction. */
  .badge {
    position: absolute;
    margin: var(--_space);
    padding-inline: var(--_space);
    background: var(--_surface);
    font-size: 0.75em;
  }
  .title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    height: 2lh;
    margin-block-start: var(--_space);
    overflow: hidden;
  }
  p {
    display: flex;
    gap: var(--_space);
    margin: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  s {
    color: var(--_text-muted);
  }
`;
