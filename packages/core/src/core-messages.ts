import { defineMessages, type Formatter } from './i18n.js';

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  offline: "You're offline. Showing what was saved earlier.",
  errorNetwork: "We couldn't reach the shop. Check your connection and try again.",
  errorTimeout: 'The shop is taking too long to answer. Please try again.',
  errorHttp: 'Something went wrong on our side. Please try again in a moment.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, { one: 'Too many tries. Please wait a second.', other: `Too many tries. Please wait ${f.number(seconds)} seconds.` }),
  errorInvalid: "We received something we didn't understand. Please try again later.",
  errorUnsupported: 'This feature is not available in this shop.',
};
export type CoreMessages = typeof en;

/** Strings every widget shares. */
export const coreMessages = defineMessages(en, {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
});
