import type { CoreMessages } from '../core-messages.js';
import type { Formatter, Translation } from '../i18n.js';

export const core: Translation<CoreMessages> = {
  loading: 'جارٍ التحميل…',
  retry: 'إعادة المحاولة',
  close: 'إغلاق',
  offline: 'أنت غير متصل. نعرض ما تم حفظه سابقًا.',
  errorNetwork: 'تعذّر الوصول إلى المتجر. تحقق من اتصالك وحاول مرة أخرى.',
  errorTimeout: 'المتجر يستغرق وقتًا طويلًا للرد. حاول مرة أخرى.',
  errorHttp: 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, {
      zero: 'محاولات كثيرة. يرجى الانتظار قليلًا.',
      one: 'محاولات كثيرة. يرجى الانتظار ثانية واحدة.',
      two: 'محاولات كثيرة. يرجى الانتظار ثانيتين.',
      few: 'محاولات كثيرة. يرجى الانتظار # ثوانٍ.',
      other: 'محاولات كثيرة. يرجى الانتظار # ثانية.',
    }),
  errorInvalid: 'تلقينا ردًا غير مفهوم. حاول لاحقًا.',
  errorUnsupported: 'هذه الميزة غير متاحة في هذا المتجر.',
  points: (f: Formatter, count: number, shown: string) =>
    f.plural(count, { zero: '# نقطة', one: 'نقطة واحدة', two: 'نقطتان', few: '# نقاط', many: '# نقطة', other: '# نقطة' }, shown),
};
