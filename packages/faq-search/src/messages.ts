import { defineMessages } from '@shopfront/core';

/** Strings of the first load: the field, the popular questions, the states. */
const en = {
  label: 'Search the FAQ',
  placeholder: 'Search for answers…',
  popular: 'Popular questions',
  answers: 'Answers',
  empty: 'There are no questions here yet.',
};
export type FaqMessages = typeof en;

/** The widget's strings: English here, other languages fetched when a page needs them. */
export const faqMessages = defineMessages(en, {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
});
