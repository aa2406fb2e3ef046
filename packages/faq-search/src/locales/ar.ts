import type { Formatter, Translation } from '@shopfront/core';
import type { FaqMessages } from '../messages.js';
import type { ResultMessages } from '../result-messages.js';

const messages: Translation<FaqMessages> = {
  label: 'البحث في الأسئلة الشائعة',
  placeholder: 'ابحث عن إجابة…',
  popular: 'الأسئلة الأكثر شيوعًا',
  answers: 'الإجابات',
  empty: 'لا توجد أسئلة هنا بعد.',
};

export default messages;

/** Strings shown with results (loaded with the search engine). */
export const results: Translation<ResultMessages> = {
  count: (f: Formatter, count: number) =>
    count === 0
      ? 'لم يتم العثور على إجابات.'
      : f.plural(count, {
          one: 'تم العثور على إجابة واحدة.',
          two: 'تم العثور على إجابتين.',
          few: `تم العثور على ${f.number(count)} إجابات.`,
          many: `تم العثور على ${f.number(count)} إجابة.`,
          other: `تم العثور على ${f.number(count)} إجابة.`,
        }),
  topics: 'المواضيع',
  allTopics: 'الكل',
  otherTopic: 'أسئلة أخرى',
  noAnswer: (_f: Formatter, query: string) => `لا توجد لدينا إجابة عن «${query}» بعد.`,
  askUs: 'اسألنا',
  contactUs: 'تواصل معنا',
  readMore: 'اقرأ الإجابة كاملة',
  back: 'العودة إلى الإجابات',
};
