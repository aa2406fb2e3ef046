import type { Formatter, Translation } from '@shopfront/core';
import type { FaqMessages } from '../messages.js';
import type { ResultMessages } from '../result-messages.js';

/** Strings of the first load: the field, the popular questions, the states. */
export const search: Translation<FaqMessages> = {
  label: 'البحث في الأسئلة الشائعة',
  placeholder: 'ابحث عن إجابة…',
  popular: 'الأسئلة الأكثر شيوعًا',
  answers: 'الإجابات',
  empty: 'لا توجد أسئلة هنا بعد.',
};

/** Strings shown with results (loaded with the search engine). */
export const results: Translation<ResultMessages> = {
  count: (f: Formatter, count: number) =>
    count === 0
      ? 'لم يتم العثور على إجابات.'
      : f.plural(count, {
          one: 'تم العثور على إجابة واحدة.',
          two: 'تم العثور على إجابتين.',
          few: 'تم العثور على # إجابات.',
          many: 'تم العثور على # إجابة.',
          other: 'تم العثور على # إجابة.',
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
