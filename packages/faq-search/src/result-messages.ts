import { defineMessages, type Formatter } from '@shopfront/core';
import { locales } from './messages.js';

/**
 * Strings shown with results, which load with the search engine. Translations
 * sit beside the first-load ones, in the same per-language module.
 */
const en = {
  count: (f: Formatter, count: number) =>
    count === 0 ? 'No answers found.' : f.plural(count, { one: 'One answer found.', other: '# answers found.' }),
  topics: 'Topics',
  allTopics: 'All',
  otherTopic: 'Other questions',
  noAnswer: (_f: Formatter, query: string) => `We have no answer for “${query}” yet.`,
  askUs: 'Ask us',
  contactUs: 'Contact us',
  readMore: 'Read the full answer',
  back: 'Back to answers',
};
export type ResultMessages = typeof en;

export const resultMessages = defineMessages(en, locales, 'results');
