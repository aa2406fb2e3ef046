import type { Formatter, Translation } from '@shopfront/core';
import type { RecentlyViewedMessages } from '../messages.js';

/** The carousel's strings. */
export const carousel: Translation<RecentlyViewedMessages> = {
  heading: 'Zuletzt angesehen',
  carousel: 'Karussell',
  slide: 'Folie',
  slideLabel: (f: Formatter, position: number, total: number) => `${f.number(position)} von ${f.number(total)}`,
  previous: 'Vorherige Produkte',
  next: 'Nächste Produkte',
  clear: 'Verlauf löschen',
  wasPrice: 'Ursprünglicher Preis:',
  soldOut: 'Ausverkauft',
};
