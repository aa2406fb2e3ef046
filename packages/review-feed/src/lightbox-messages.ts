import { defineMessages, type Formatter } from '@shopfront/core';
import { locales } from './messages.js';

const en = {
  photoOf: (f: Formatter, index: number, total: number) => `Photo ${f.number(index)} of ${f.number(total)}`,
  previousPhoto: 'Previous photo',
  nextPhoto: 'Next photo',
};
export type LightboxMessages = typeof en;

/** The photo viewer's strings, loaded with the viewer. */
export const lightboxMessages = defineMessages(en, locales, 'lightbox');
