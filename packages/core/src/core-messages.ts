import { defineMessages, type Formatter } from './i18n.js';
import type { LocaleController } from './locale-controller.js';

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  offline: "You're offline. Showing what was saved earlier.",
  errorNetwork: "We couldn't reach the shop. Check your connection and try again.",
  errorTimeout: 'The shop is taking too long to answer. Please try again.',
  errorHttp: 'Something went wrong on our side. Please try again in a moment.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, { one: 'Too many tries. Please wait a second.', other: 'Too many tries. Please wait # seconds.' }),
  errorInvalid: "We received something we didn't understand. Please try again later.",
  errorUnsupported: 'This feature is not available in this shop.',
  /** Loyalty points; `#` is the count as shown ("725", "1.2K"). */
  points: (f: Formatter, count: number, shown: string) => f.plural(count, { one: '# point', other: '# points' }, shown),
};
export type CoreMessages = typeof en;

/** Strings every widget shares. */
export const coreMessages = defineMessages(
  en,
  {
    fr: () => import('./locales/fr.js'),
    de: () => import('./locales/de.js'),
    es: () => import('./locales/es.js'),
    ar: () => import('./locales/ar.js'),
  },
  'core',
);

/**
 * Points in the shopper's language ("725 points"), in short where space is
 * tight ("1.2K points"), or with the shop's own name for them ("725 stars").
 */
export function formatPoints(i18n: LocaleController, count: number, unit?: string, short?: boolean): string {
  const shown = short ? i18n.format.compact(count) : i18n.format.number(count);
  return unit ? `${shown} ${unit}` : i18n.messages(coreMessages).points(count, shown);
}
