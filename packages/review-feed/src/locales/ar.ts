import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFeedMessages } from '../messages.js';

const reviews = (f: Formatter, count: number) =>
  f.plural(count, {
    zero: 'لا تقييمات',
    one: 'تقييم واحد',
    two: 'تقييمان',
    few: `${f.number(count)} تقييمات`,
    other: `${f.number(count)} تقييم`,
  });

const messages: Translation<ReviewFeedMessages> = {
  heading: 'تقييمات العملاء',
  rated: (f: Formatter, value: number) => `التقييم ${f.number(value, { maximumFractionDigits: 1 })} من 5`,
  basedOn: (f: Formatter, count: number) => `بناءً على ${reviews(f, count)}`,
  filterByRating: 'التصفية حسب التقييم',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: 'نجمة واحدة', two: 'نجمتان', few: `${f.number(stars)} نجوم`, other: `${f.number(stars)} نجمة` })}: ${reviews(f, count)}`,
  sortBy: 'الترتيب حسب',
  'sort-newest': 'الأحدث',
  'sort-highest': 'الأعلى تقييمًا',
  'sort-lowest': 'الأدنى تقييمًا',
  'sort-helpful': 'الأكثر فائدة',
  'sort-media-first': 'ذات الصور أولًا',
  withPhotos: 'مع صور فقط',
  showAll: 'عرض كل التقييمات',
  verified: 'مشترٍ موثّق',
  replyFrom: (_f: Formatter, name?: string) => (name ? `رد من ${name}` : 'رد من المتجر'),
  readMore: 'اقرأ المزيد',
  readLess: 'عرض أقل',
  helpful: (f: Formatter, count: number) => `مفيد (${f.number(count)})`,
  voteFailed: 'لم يُحتسب تصويتك. حاول مرة أخرى.',
  loadMore: 'تحميل المزيد من التقييمات',
  writeReview: 'اكتب تقييمًا',
  empty: 'لا توجد تقييمات بعد. كن أول من يقيّم هذا المنتج!',
  noMatch: 'لا توجد تقييمات تطابق هذه التصفية.',
  photoBy: (f: Formatter, index: number, name: string) => `الصورة ${f.number(index)} من ${name}`,
};

export default messages;
