import type { Formatter, Translation } from '@shopfront/core';
import type { LightboxMessages } from '../lightbox-messages.js';

const messages: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Foto ${f.number(index)} von ${f.number(total)}`,
  previousPhoto: 'Vorheriges Foto',
  nextPhoto: 'Nächstes Foto',
};

export default messages;
