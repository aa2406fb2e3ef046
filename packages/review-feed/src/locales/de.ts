import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';
import type { LightboxMessages } from '../lightbox-messages.js';
import type { ReviewFeedMessages } from '../messages.js';

/** The feed's strings. */
export const feed: Translation<ReviewFeedMessages> = {
  heading: 'Kundenbewertungen',
  rated: (f: Formatter, value: number) => `Mit ${f.number(value, { maximumFractionDigits: 1 })} von 5 bewertet`,
  basedOn: (f: Formatter, count: number) => f.plural(count, { one: 'Basierend auf 1 Bewertung', other: 'Basierend auf # Bewertungen' }),
  filterByRating: 'Nach Bewertung filtern',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '1 Stern', other: '# Sterne' })}: ${f.plural(count, { one: '1 Bewertung', other: '# Bewertungen' })}`,
  sortBy: 'Sortieren nach',
  'sort-newest': 'Neueste',
  'sort-highest': 'Beste Bewertung',
  'sort-lowest': 'Schlechteste Bewertung',
  'sort-helpful': 'Hilfreichste',
  'sort-media-first': 'Mit Fotos zuerst',
  withPhotos: 'Nur mit Fotos',
  showAll: 'Alle Bewertungen zeigen',
  verified: 'Verifizierter Kauf',
  replyFrom: (_f: Formatter, name?: string) => (name ? `Antwort von ${name}` : 'Antwort des Shops'),
  readMore: 'Weiterlesen',
  readLess: 'Weniger anzeigen',
  helpful: (f: Formatter, count: number) => `Hilfreich (${f.number(count)})`,
  voteFailed: 'Ihre Stimme wurde nicht gezählt. Bitte versuchen Sie es erneut.',
  loadMore: 'Weitere Bewertungen laden',
  writeReview: 'Bewertung schreiben',
  empty: 'Noch keine Bewertungen. Schreiben Sie die erste!',
  noMatch: 'Keine Bewertungen passen zu diesem Filter.',
  photoBy: (f: Formatter, index: number, name: string) => `Foto ${f.number(index)} von ${name}`,
};

/** The write-a-review form's strings (the form loads on first use). */
export const form: Translation<ReviewFormMessages> = {
  heading: 'Bewertung schreiben',
  rating: 'Ihre Bewertung',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '1 Stern', other: '# Sterne' }),
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
  invitationRefused:
    'Dieser Bewertungslink wurde bereits verwendet oder ist nicht mehr gültig. Sie können Ihre Bewertung trotzdem absenden.',
};

/** The photo viewer's strings (the viewer loads on first use). */
export const lightbox: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Foto ${f.number(index)} von ${f.number(total)}`,
  previousPhoto: 'Vorheriges Foto',
  nextPhoto: 'Nächstes Foto',
};
