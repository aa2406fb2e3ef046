import type { Formatter, Translation } from '@shopfront/core';
import type { StarRatingMessages } from '../messages.js';

/** The rating's strings. */
export const rating: Translation<StarRatingMessages> = {
  rated: (f: Formatter, average: number, count: number) =>
    `${f.number(average, { maximumFractionDigits: 1 })} de 5 estrellas, ${f.plural(count, { one: '1 opinión', other: '# opiniones' })}`,
  none: 'Aún no hay opiniones',
};
