import type { Formatter, Translation } from '@shopfront/core';
import type { LightboxMessages } from '../lightbox-messages.js';

const messages: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Photo ${f.number(index)} sur ${f.number(total)}`,
  previousPhoto: 'Photo précédente',
  nextPhoto: 'Photo suivante',
};

export default messages;
