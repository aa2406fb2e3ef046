import type { Formatter, Translation } from '@shopfront/core';
import type { RecentlyViewedMessages } from '../messages.js';

/** The carousel's strings. */
export const carousel: Translation<RecentlyViewedMessages> = {
  heading: 'Vus récemment',
  carousel: 'carrousel',
  slide: 'diapositive',
  slideLabel: (f: Formatter, position: number, total: number) => `${f.number(position)} sur ${f.number(total)}`,
  previous: 'Produits précédents',
  next: 'Produits suivants',
  clear: "Effacer l'historique",
  wasPrice: 'Prix initial :',
  soldOut: 'Épuisé',
};
