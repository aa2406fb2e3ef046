import { defineMessages, type Formatter } from '@shopfront/core';

const en = {
  /** The stars' accessible name: the count is in it, as the visible "(12)" is hidden from assistive technology. */
  rated: (f: Formatter, average: number, count: number) =>
    `${f.number(average, { maximumFractionDigits: 1 })} out of 5 stars, ${f.plural(count, { one: '1 review', other: '# reviews' })}`,
  none: 'No reviews yet',
};
export type StarRatingMessages = typeof en;

/** The rating's strings: English here, each other language a module fetched when a page needs it. */
export const messages = defineMessages(
  en,
  {
    fr: () => import('./locales/fr.js'),
    de: () => import('./locales/de.js'),
    es: () => import('./locales/es.js'),
    ar: () => import('./locales/ar.js'),
  },
  'rating',
);
