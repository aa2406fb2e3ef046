import { defineMessages, type Formatter } from '@shopfront/core';

const en = {
  heading: 'Recently viewed',
  carousel: 'carousel',
  slide: 'slide',
  slideLabel: (f: Formatter, position: number, total: number) => `${f.number(position)} of ${f.number(total)}`,
  previous: 'Previous',
  next: 'Next',
  clear: 'Clear history',
  wasPrice: 'Original price:',
  soldOut: 'Sold out',
};
export type RecentlyViewedMessages = typeof en;

/** The carousel's strings: English here, each other language a module fetched when a page needs it. */
export const messages = defineMessages(
  en,
  {
    fr: () => import('./locales/fr.js'),
    de: () => import('./locales/de.js'),
    es: () => import('./locales/es.js'),
    ar: () => import('./locales/ar.js'),
  },
  'carousel',
);
