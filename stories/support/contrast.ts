/**
 * WCAG 2.1 contrast of the token pairs a widget draws text with, for the theme
 * builder's warnings. Colours are `#rgb` or `#rrggbb` (what a colour input gives).
 */

/** Relative luminance of an sRGB colour (WCAG 2.1, 1.4.3). */
export function luminance(hex: string): number {
  const digits = hex.trim().replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = parseInt(full.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** AA for body text; the widgets' text is body-sized. */
export const AA = 4.5;

/** Text (foreground) tokens the widgets draw on each background token. */
export const textPairs: ReadonlyArray<readonly [text: string, background: string]> = [
  ['--sf-color-text', '--sf-color-surface'],
  ['--sf-color-text-muted', '--sf-color-surface'],
  ['--sf-color-text', '--sf-color-surface-alt'],
  ['--sf-color-text-muted', '--sf-color-surface-alt'],
  ['--sf-color-on-accent', '--sf-color-accent'],
  ['--sf-color-accent', '--sf-color-surface'],
  ['--sf-color-danger', '--sf-color-surface'],
  ['--sf-color-success', '--sf-color-surface'],
];

export interface ContrastWarning {
  text: string;
  background: string;
  ratio: number;
}

/** The pairs of `tokens` below AA, lowest first. Pairs with a token missing are skipped. */
export function contrastWarnings(tokens: Readonly<Record<string, string>>): ContrastWarning[] {
  return textPairs
    .filter(([text, background]) => tokens[text] && tokens[background])
    .map(([text, background]) => ({ text, background, ratio: contrast(tokens[text]!, tokens[background]!) }))
    .filter((pair) => pair.ratio < AA)
    .sort((a, b) => a.ratio - b.ratio);
}
