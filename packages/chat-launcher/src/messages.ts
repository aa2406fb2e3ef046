import { defineMessages } from '@shopfront/core';

/** The launcher's own strings: they load with it, so they stay few (the panel has its own). */
const en = {
  open: 'Chat with us',
  close: 'Close the chat',
};
export type LauncherMessages = typeof en;

/** Every language but English: one module each, with the launcher's strings and the panel's. */
export const locales = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};

export const launcherMessages = defineMessages(en, locales, 'launcher');
