import type { Formatter, Translation } from '@shopfront/core';
import type { StarRatingMessages } from '../messages.js';

/** The rating's strings. */
export const rating: Translation<StarRatingMessages> = {
  rated: (f: Formatter, average: number, count: number) =>
    `${f.number(average, { maximumFractionDigits: 1 })} étoiles sur 5, ${f.plural(count, { one: '# avis', other: '# avis' })}`,
  none: 'Aucun avis pour l’instant',
};
