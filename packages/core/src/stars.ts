import { css, html, type TemplateResult } from 'lit';
import { styleProps } from './style-props.js';

/**
 * What the stars show for an average: half stars from .26 to .75, a full star
 * from .76 (4.26–4.75 → 4.5, 4.76 → 5), or the exact value with `precise`.
 * Every widget that draws an average rounds it the same way (and so does the
 * Shopify block's Liquid), so a product shows the same stars everywhere.
 */
export function starValue(average: number, precise = false): number {
  if (precise) return average;
  const hundredths = Math.round(average * 100);
  const fraction = hundredths % 100;
  return (hundredths - fraction) / 100 + (fraction > 75 ? 1 : fraction > 25 ? 0.5 : 0);
}

/**
 * Five stars filled to `value`, one image to assistive technology, named `label`
 * (the five shapes alone would read as nothing, or as five separate items).
 */
export function stars(value: number, label: string): TemplateResult {
  return html`<span class="stars" part="stars" role="img" aria-label=${label}
    >${[1, 2, 3, 4, 5].map((star) => {
      const fill = Math.min(1, Math.max(0, value - star + 1));
      // Through the CSSOM (styleProps), not a style attribute: a strict style-src allows it.
      return fill === 1 || fill === 0
        ? html`<span class=${fill ? 'star on' : 'star'}></span>`
        : html`<span class="star" ${styleProps({ '--_fill': `${fill * 100}%` })}></span>`;
    })}</span
  >`;
}

/**
 * The star shape for `stars()`: a widget sets `--_star` (filled) and may set
 * `--_star-empty` (default the border colour) from its own public properties,
 * and sizes the stars with the font size of `.stars`.
 */
export const starStyles = css`
  .star {
    --_fill: 0%;
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    background: linear-gradient(90deg, var(--_star) var(--_fill), var(--_star-empty, var(--_border)) 0);
    clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 56%, 79% 91%, 50% 69%, 21% 91%, 32% 56%, 2% 35%, 39% 35%);
    /* The colours are the information: forced colours would paint every star alike. */
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
    white-space: nowrap;
  }
`;
