import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';

const messages: Translation<ReviewFormMessages> = {
  heading: 'Bewertung schreiben',
  rating: 'Ihre Bewertung',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '1 Stern', other: `${f.number(count)} Sterne` }),
  title: 'Titel (optional)',
  body: 'Ihr Erfahrungsbericht',
  name: 'Ihr Name',
  email: 'E-Mail',
  emailHint: 'Nur der Shop sieht Ihre E-Mail-Adresse.',
  photos: 'Fotos (optional, bis zu 5)',
  photoHint: (f: Formatter, megabytes: number) => `JPEG, PNG, WebP, GIF oder AVIF, je bis zu ${f.number(megabytes)} MB.`,
  removePhoto: (_f: Formatter, name: string) => `${name} entfernen`,
  submit: 'Bewertung absenden',
  sending: 'Wird gesendet…',
  cancel: 'Abbrechen',
  needRating: 'Wählen Sie 1 bis 5 Sterne.',
  needBody: 'Erzählen Sie anderen, was Sie vom Produkt halten.',
  needName: 'Geben Sie Ihren Namen ein.',
  needEmail: 'Geben Sie eine gültige E-Mail-Adresse ein.',
  photoType: (_f: Formatter, name: string) => `${name} ist kein JPEG-, PNG-, WebP-, GIF- oder AVIF-Bild.`,
  photoSize: (f: Formatter, name: string, megabytes: number) => `${name} ist größer als ${f.number(megabytes)} MB.`,
  tooManyPhotos: (f: Formatter, max: number) => `Sie können bis zu ${f.number(max)} Fotos hinzufügen.`,
  thanksPending: 'Vielen Dank! Ihre Bewertung erscheint, sobald der Shop sie geprüft hat.',
  thanksPublished: 'Vielen Dank! Ihre Bewertung ist jetzt veröffentlicht.',
};

export default messages;
