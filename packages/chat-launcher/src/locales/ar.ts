import type { Formatter, Translation } from '@shopfront/core';
import type { LauncherMessages } from '../messages.js';
import type { PanelMessages } from '../panel-messages.js';

/** The launcher's own strings. */
export const launcher: Translation<LauncherMessages> = {
  open: 'تحدّث معنا',
  close: 'إغلاق المحادثة',
};

/** The conversation panel's strings. */
export const panel: Translation<PanelMessages> = {
  unread: (f: Formatter, count: number) =>
    f.plural(count, {
      zero: 'لا رسائل غير مقروءة',
      // The count as the badge shows it, so the button's name contains its visible text (WCAG 2.5.3).
      one: 'رسالة واحدة غير مقروءة: #',
      two: 'رسالتان غير مقروءتين: #',
      few: '# رسائل غير مقروءة',
      other: '# رسالة غير مقروءة',
    }),
  conversation: 'المحادثة',
  greeting: 'مرحبًا! اسألنا عن أي شيء، يسعدنا أن نساعدك.',
  replyTime: (f: Formatter, minutes: number) =>
    f.plural(minutes, {
      one: 'نردّ عادةً خلال دقيقة.',
      two: 'نردّ عادةً خلال دقيقتين.',
      few: 'نردّ عادةً خلال # دقائق.',
      other: 'نردّ عادةً خلال # دقيقة.',
    }),
  you: 'أنت',
  team: 'الفريق',
  typing: (_f: Formatter, name: string) => (name ? `${name} يكتب…` : 'أحدهم يكتب…'),
  sending: 'جارٍ الإرسال…',
  queued: 'بانتظار الاتصال',
  sent: 'أُرسلت',
  seen: 'شوهدت',
  failed: 'لم تُرسل.',
  offline: 'أنت غير متصل. ستُرسل رسائلك عند عودة الاتصال.',
  placeholder: 'اكتب رسالة…',
  send: 'إرسال',
  attach: 'إرفاق صورة',
  image: 'صورة',
  remove: 'إزالة',
  attachmentInvalid: 'أرفق صورة بصيغة JPEG أو PNG أو WebP أو GIF بحجم لا يتجاوز 5 ميغابايت.',
  prechatIntro: 'قبل أن نبدأ، أخبرنا كيف نتواصل معك.',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  optional: '(اختياري)',
  start: 'ابدأ المحادثة',
  noAgents: 'لا يوجد أحد من فريقنا متاح الآن.',
  outsideHours: 'نحن الآن خارج ساعات العمل.',
  backAt: (f: Formatter, date: string) => `نعود ${f.relativeTime(date)}.`,
  replyByEmail: 'اترك بريدك الإلكتروني وسنردّ عليك هناك.',
  message: 'الرسالة',
  emailInvalid: 'أدخل بريدًا إلكترونيًا صالحًا.',
  emailThanks: 'شكرًا! سنردّ عليك بالبريد الإلكتروني.',
  rateQuestion: 'كيف كانت خدمتنا؟',
  rateStars: (f: Formatter, n: number) => `${f.number(n)} من 5`,
  rateComment: 'هل تودّ إضافة شيء؟',
  rateSend: 'إرسال',
  rateThanks: 'شكرًا لإخبارنا.',
};
