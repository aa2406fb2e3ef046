import { html, type TemplateResult } from 'lit';
import { styleProps } from '@shopfront/core';

/**
 * What the stars show for an average: half stars from .26 to .75, a full star
 * from .76 (4.26–4.75 → 4.5, 4.76 → 5), or the exact value with `precise`.
 */
export function starValue(average: number, precise = false): number {
  if (precise) return average;
  const hundredths = Math.round(average * 100);
  const fraction = hundredths % 100;
  return (hundredths - fraction) / 100 + (fraction > 75 ? 1 : fraction > 25 ? 0.5 : 0);
}

/** Five stars filled to `value`, read by assistive technology as `label`. */
export function stars(value: number, label: string): TemplateResult {
  return html`<span class="stars" part="stars" role="img" aria-label=${label}
    >${[1, 2, 3, 4, 5].map((star) => {
      const fill = Math.min(1, Math.max(0, value - star + 1));
      return fill === 1 || fill === 0
        ? html`<span class=${fill ? 'star on' : 'star'}></span>`
        : html`<span class="star" ${styleProps({ '--_fill': `${fill * 100}%` })}></span>`;
    })}</span
  >`;
}
