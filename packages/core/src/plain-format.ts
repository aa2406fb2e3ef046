/**
 * Numbers and English relative times written without ICU, exactly as `Intl`
 * writes them. The first `Intl.NumberFormat` or `RelativeTimeFormat` on a page
 * loads ICU's data, 65–210 ms on a phone, and a widget's first render (a count,
 * a rating, "3 days ago") needs none of it. Each function answers undefined
 * where only `Intl` knows; i18n.test.ts holds them to `Intl`'s output.
 */

/**
 * The Latin-script languages of the widgets' catalogues, which write ASCII digits by default (no
 * `-u-nu-…`): a whole number under 1,000 is its digits. Others go to `Intl`.
 */
const ASCII_DIGITS = /^(en|fr|de|es)(-[A-Z]{2})?$/;
/** Decimal separators, only for the tags listed: `de-CH` writes "4.5", `en-ZA` "4,5". */
const DECIMAL_POINT = /^en(-(US|GB|AU|CA|IE|NZ|IN))?$/;
const DECIMAL_COMMA = /^(fr(-(FR|BE|CA))?|de(-(DE|AT))?|es(-ES)?)$/;

/** -0 is left out: `Intl` writes it "-0". */
const isNonNegative = (value: number) => value > 0 || Object.is(value, 0);

/** 0 to 999 as `Intl` writes it in `locale`, in the default and the compact notation. */
export function plainWhole(locale: string, value: number): string | undefined {
  return ASCII_DIGITS.test(locale) && Number.isInteger(value) && value < 1000 && isNonNegative(value) ? String(value) : undefined;
}

/**
 * A number under 1,000 with options that bound only its fraction digits (a rating: "4.5"), rounded
 * half away from zero on its shortest decimal form as `Intl` rounds (1.005 → "1.01").
 */
export function plainDecimal(locale: string, value: number, options: Intl.NumberFormatOptions): string | undefined {
  const { minimumFractionDigits: least = 0, maximumFractionDigits: most = Math.max(least, 3) } = options;
  const separator = DECIMAL_POINT.test(locale) ? '.' : DECIMAL_COMMA.test(locale) ? ',' : '';
  // Shifting the shortest form's exponent ("1.005e2") scales it exactly; a form with an exponent gives NaN.
  const digits = String(Math.round(Number(`${value}e${most}`))).padStart(most + 1, '0');
  const whole = digits.slice(0, -most || undefined);
  const bounded = Object.keys(options).every((key) => /^m..imumFractionDigits$/.test(key)) && least <= most && most <= 3;
  if (!separator || !bounded || whole.length > 3 || !isNonNegative(value) || !/^\d+$/.test(digits)) return undefined;
  const fraction = digits.slice(whole.length).replace(RegExp(`0{0,${most - least}}$`), '');
  return fraction ? whole + separator + fraction : whole;
}

/** English's words for one unit away, as `Intl.RelativeTimeFormat` with `numeric: 'auto'` says them. */
const NEXT_TO: Partial<Record<Intl.RelativeTimeFormatUnit, [before: string, after: string]>> = {
  day: ['yesterday', 'tomorrow'],
  week: ['last week', 'next week'],
  month: ['last month', 'next month'],
  year: ['last year', 'next year'],
};

/** `count` `unit`s from now ("3 days ago", "yesterday", "now") in English, as `numeric: 'auto'` writes it. */
export function plainEnglishRelative(locale: string, count: number, unit: Intl.RelativeTimeFormatUnit): string | undefined {
  const size = Math.abs(count);
  if (!/^en(-[A-Z]{2})?$/.test(locale) || !Number.isInteger(count) || size >= 1000) return undefined;
  if (count === 0) return unit === 'second' ? 'now' : undefined;
  const nextTo = size === 1 ? NEXT_TO[unit] : undefined;
  if (nextTo) return nextTo[count < 0 ? 0 : 1];
  const amount = `${size} ${unit}${size === 1 ? '' : 's'}`;
  return count < 0 ? `${amount} ago` : `in ${amount}`;
}
