import { css } from 'lit';

export const styles = css`
  :host {
    --_star: var(--sf-review-feed-star-color, var(--sf-color-star, #f59e0b));
    --_star-size: var(--sf-review-feed-star-size, 1.125rem);
    --_gap: var(--sf-review-feed-gap, 1rem);
    --_pad: calc(var(--_space) * 2);
    --_reserved-block-size: var(--sf-review-feed-reserved-block-size, auto);
    display: grid;
    gap: var(--_gap);
  }
  h2,
  h3,
  p,
  ol,
  ul {
    margin: 0;
    padding: 0;
    font-size: 1em;
    list-style: none;
  }
  h2 {
    font-size: 1.375em;
  }
  button,
  select {
    font: inherit;
    color: inherit;
    /* The text is the shop's colour: the background must be too, not the browser's for the scheme. */
    background-color: var(--_surface);
  }

  .star {
    --_fill: 0%;
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    background: linear-gradient(90deg, var(--_star) var(--_fill), var(--sf-review-feed-star-empty-color, var(--_border)) 0);
    clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 56%, 79% 91%, 50% 69%, 21% 91%, 32% 56%, 2% 35%, 39% 35%);
    forced-color-adjust: none;
  }
  /* A star is symmetric: mirrored, a partial one fills from the right. */
  :host(:state(rtl)) .star {
    scale: -1 1;
  }
  .on {
    --_fill: 100%;
  }
  .stars {
    font-size: var(--_star-size);
    white-space: nowrap;
  }

  .summary,
  .controls,
  .meta,
  .photos {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pad) var(--_gap);
  }
  .score {
    display: grid;
    justify-items: start;
  }
  .score .stars {
    font-size: calc(var(--_star-size) * 1.5);
  }
  .average {
    font-size: var(--sf-review-feed-average-size, 2.5rem);
    font-weight: 700;
  }
  .count,
  .meta {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .histogram {
    flex: 1 1 14rem;
    max-inline-size: 24rem;
  }
  .bar {
    display: grid;
    grid-template-columns: 1ch 1em 1fr 4ch;
    align-items: center;
    gap: var(--_pad);
    inline-size: 100%;
    padding: 0 var(--_pad);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    text-align: end;
    cursor: pointer;
  }
  [aria-pressed='true'] {
    border-color: var(--_border);
    font-weight: 600;
  }
  .track {
    block-size: 0.5rem;
    background: var(--sf-review-feed-bar-track-color, var(--_border));
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--sf-review-feed-bar-color, var(--_star));
  }

  .list {
    display: grid;
    gap: var(--_gap);
  }
  /* Off-screen reviews skip layout and paint: a thousand loaded through "Load more" stay cheap. */
  .list > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }
  .review,
  .reply,
  .empty {
    display: grid;
    justify-items: start;
    gap: var(--_pad);
    padding: calc(var(--_pad) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* The colour only: the skeleton's shimmer (a background image) shows through. */
    background-color: var(--sf-review-feed-review-background, var(--_surface));
  }
  .reply {
    border: 0;
    border-inline-start: 3px solid var(--_accent);
    background-color: var(--_surface-alt);
  }
  .author,
  .badge,
  .from {
    color: var(--_text);
    font-weight: 600;
  }
  .badge {
    color: var(--_success);
  }
  .body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--sf-review-feed-body-lines, 4);
    overflow: hidden;
  }
  .photo {
    padding: 0;
    border: 0;
    cursor: zoom-in;
  }
  .photo img {
    display: block;
    inline-size: var(--sf-review-feed-photo-size, 4.5rem);
    block-size: var(--sf-review-feed-photo-size, 4.5rem);
    border-radius: var(--_radius);
    object-fit: cover;
  }

  /* Loading: the real layout with placeholder data, its blocks shimmering, so nothing moves when data arrives. */
  .skeleton,
  .sf-skeleton > * {
    visibility: hidden;
  }
  .sf-skeleton {
    visibility: visible;
  }
`;
