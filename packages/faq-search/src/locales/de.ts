import type { Formatter, Translation } from '@shopfront/core';
import type { FaqMessages } from '../messages.js';
import type { ResultMessages } from '../result-messages.js';

/** Strings of the first load: the field, the popular questions, the states. */
export const search: Translation<FaqMessages> = {
  label: 'FAQ durchsuchen',
  placeholder: 'Nach Antworten suchen…',
  popular: 'Häufige Fragen',
  answers: 'Antworten',
  empty: 'Hier gibt es noch keine Fragen.',
};

/** Strings shown with results (loaded with the search engine). */
export const results: Translation<ResultMessages> = {
  count: (f: Formatter, count: number) =>
    count === 0 ? 'Keine Antworten gefunden.' : f.plural(count, { one: 'Eine Antwort gefunden.', other: '# Antworten gefunden.' }),
  topics: 'Themen',
  allTopics: 'Alle',
  otherTopic: 'Weitere Fragen',
  noAnswer: (_f: Formatter, query: string) => `Zu „${query}“ haben wir noch keine Antwort.`,
  askUs: 'Fragen Sie uns',
  contactUs: 'Kontakt',
  readMore: 'Ganze Antwort lesen',
  back: 'Zurück zu den Antworten',
};
