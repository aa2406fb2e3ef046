import { defineMessages, type Formatter } from '@shopfront/core';

const en = {
  photoOf: (f: Formatter, index: number, total: number) => `Photo ${f.number(index)} of ${f.number(total)}`,
  previousPhoto: 'Previous photo',
  nextPhoto: 'Next photo',
};
export type LightboxMessages = typeof en;

/** The photo viewer's strings, loaded with the viewer. */
export const lightboxMessages = defineMessages(en, {
  fr: () => import('./locales/lightbox-fr.js'),
  de: () => import('./locales/lightbox-de.js'),
  es: () => import('./locales/lightbox-es.js'),
  ar: () => import('./locales/lightbox-ar.js'),
});
