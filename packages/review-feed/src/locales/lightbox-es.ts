import type { Formatter, Translation } from '@shopfront/core';
import type { LightboxMessages } from '../lightbox-messages.js';

const messages: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Foto ${f.number(index)} de ${f.number(total)}`,
  previousPhoto: 'Foto anterior',
  nextPhoto: 'Foto siguiente',
};

export default messages;
