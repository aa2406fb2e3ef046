import { css } from 'lit';
import { starStyles } from '@shopfront/core';

export const styles = [
  starStyles,
  css`
    /* One fixed box from the first paint (shopfront.css gives the undefined element the same), whatever
       arrives: the cards of a grid neither grow nor shift when their ratings load. */
    :host {
      --_star: var(--sf-star-rating-star-color, var(--sf-color-star, #f59e0b));
      --_star-empty: var(--sf-star-rating-star-empty-color, var(--_border));
      display: inline-flex;
      align-items: center;
      vertical-align: middle;
      inline-size: var(--sf-star-rating-inline-size, 7.5rem);
      block-size: var(--sf-star-rating-block-size, 1.5rem);
      overflow: hidden;
      white-space: nowrap;
    }
    .stars {
      display: inline-flex;
      font-size: var(--sf-star-rating-star-size, 1rem);
    }
    [part='count'] {
      margin-inline-start: var(--_space);
      color: var(--_text-muted);
      font-size: 0.875em;
    }
  `,
];
