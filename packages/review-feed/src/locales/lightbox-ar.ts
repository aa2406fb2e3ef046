import type { Formatter, Translation } from '@shopfront/core';
import type { LightboxMessages } from '../lightbox-messages.js';

const messages: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `الصورة ${f.number(index)} من ${f.number(total)}`,
  previousPhoto: 'الصورة السابقة',
  nextPhoto: 'الصورة التالية',
};

export default messages;
