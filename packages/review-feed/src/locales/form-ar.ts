import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';

const messages: Translation<ReviewFormMessages> = {
  heading: 'اكتب تقييمًا',
  rating: 'تقييمك',
  stars: (f: Formatter, count: number) =>
    f.plural(count, { one: 'نجمة واحدة', two: 'نجمتان', few: `${f.number(count)} نجوم`, other: `${f.number(count)} نجمة` }),
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
};

export default messages;
