import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';
import type { LightboxMessages } from '../lightbox-messages.js';
import type { ReviewFeedMessages } from '../messages.js';

const reviews = (f: Formatter, count: number) =>
  f.plural(count, {
    zero: 'لا تقييمات',
    one: 'تقييم واحد',
    two: 'تقييمان',
    few: '# تقييمات',
    other: '# تقييم',
  });

/** The feed's strings. */
export const feed: Translation<ReviewFeedMessages> = {
  heading: 'تقييمات العملاء',
  rated: (f: Formatter, value: number) => `التقييم ${f.number(value, { maximumFractionDigits: 1 })} من 5`,
  basedOn: (f: Formatter, count: number) => `بناءً على ${reviews(f, count)}`,
  filterByRating: 'التصفية حسب التقييم',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: 'نجمة واحدة', two: 'نجمتان', few: '# نجوم', other: '# نجمة' })}: ${reviews(f, count)}`,
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

/** The write-a-review form's strings (the form loads on first use). */
export const form: Translation<ReviewFormMessages> = {
  heading: 'اكتب تقييمًا',
  rating: 'تقييمك',
  stars: (f: Formatter, count: number) => f.plural(count, { one: 'نجمة واحدة', two: 'نجمتان', few: '# نجوم', other: '# نجمة' }),
  title: 'العنوان (اختياري)',
  body: 'تقييمك المكتوب',
  name: 'اسمك',
  email: 'البريد الإلكتروني',
  emailHint: 'لا يرى بريدك الإلكتروني إلا المتجر.',
  photos: 'الصور (اختياري، حتى 5)',
  photoHint: (f: Formatter, megabytes: number) => `JPEG أو PNG أو WebP أو GIF أو AVIF، حتى ${f.number(megabytes)} ميغابايت لكل صورة.`,
  removePhoto: (_f: Formatter, name: string) => `إزالة ${name}`,
  submit: 'إرسال التقييم',
  sending: 'جارٍ الإرسال…',
  cancel: 'إلغاء',
  needRating: 'اختر تقييمًا من 1 إلى 5 نجوم.',
  needBody: 'أخبر المتسوقين الآخرين برأيك في المنتج.',
  needName: 'أدخل اسمك.',
  needEmail: 'أدخل بريدًا إلكترونيًا صالحًا.',
  photoType: (_f: Formatter, name: string) => `${name} ليست صورة JPEG أو PNG أو WebP أو GIF أو AVIF.`,
  photoSize: (f: Formatter, name: string, megabytes: number) => `حجم ${name} أكبر من ${f.number(megabytes)} ميغابايت.`,
  tooManyPhotos: (f: Formatter, max: number) => `يمكنك إضافة ${f.number(max)} صور كحد أقصى.`,
  thanksPending: 'شكرًا لك! سيظهر تقييمك بعد أن يراجعه المتجر.',
  thanksPublished: 'شكرًا لك! تم نشر تقييمك.',
  invitationRefused: 'رابط التقييم هذا استُخدم من قبل أو لم يعد صالحًا. لا يزال بإمكانك إرسال تقييمك.',
};

/** The photo viewer's strings (the viewer loads on first use). */
export const lightbox: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `الصورة ${f.number(index)} من ${f.number(total)}`,
  previousPhoto: 'الصورة السابقة',
  nextPhoto: 'الصورة التالية',
};
