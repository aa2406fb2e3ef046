import type { Formatter, Translation } from '@shopfront/core';
import type { RecentlyViewedMessages } from '../messages.js';

/** The carousel's strings. */
export const carousel: Translation<RecentlyViewedMessages> = {
  heading: 'شوهدت مؤخرًا',
  carousel: 'عرض دوّار',
  slide: 'شريحة',
  slideLabel: (f: Formatter, position: number, total: number) => `${f.number(position)} من ${f.number(total)}`,
  previous: 'المنتجات السابقة',
  next: 'المنتجات التالية',
  clear: 'مسح السجل',
  wasPrice: 'السعر الأصلي:',
  soldOut: 'نفدت الكمية',
};
