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

/** Every language but English: one module each, with the first load's strings and the results'. */
export const locales = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};

/** The widget's strings: English here, other languages fetched when a page needs them. */
export const faqMessages = defineMessages(en, locales, 'search');
