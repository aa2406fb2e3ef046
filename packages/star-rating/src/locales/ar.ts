import type { Formatter, Translation } from '@shopfront/core';
import type { StarRatingMessages } from '../messages.js';

/** The rating's strings. */
export const rating: Translation<StarRatingMessages> = {
  rated: (f: Formatter, average: number, count: number) =>
    `${f.number(average, { maximumFractionDigits: 1 })} من 5 نجوم، ${f.plural(count, {
      zero: 'لا تقييمات',
      one: 'تقييم واحد',
      two: 'تقييمان',
      few: '# تقييمات',
      other: '# تقييم',
    })}`,
  none: 'لا توجد تقييمات بعد',
};
