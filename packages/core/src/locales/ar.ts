import type { CoreMessages } from '../core-messages.js';
import type { Formatter, Translation } from '../i18n.js';

const messages: Translation<CoreMessages> = {
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
      few: `محاولات كثيرة. يرجى الانتظار ${f.number(seconds)} ثوانٍ.`,
      other: `محاولات كثيرة. يرجى الانتظار ${f.number(seconds)} ثانية.`,
    }),
  errorInvalid: 'تلقينا ردًا غير مفهوم. حاول لاحقًا.',
  errorUnsupported: 'هذه الميزة غير متاحة في هذا المتجر.',
};

export default messages;
