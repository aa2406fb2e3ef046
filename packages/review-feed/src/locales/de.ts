import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFeedMessages } from '../messages.js';

const messages: Translation<ReviewFeedMessages> = {
  heading: 'Kundenbewertungen',
  rated: (f: Formatter, value: number) => `Mit ${f.number(value, { maximumFractionDigits: 1 })} von 5 bewertet`,
  basedOn: (f: Formatter, count: number) =>
    f.plural(count, { one: 'Basierend auf 1 Bewertung', other: `Basierend auf ${f.number(count)} Bewertungen` }),
  filterByRating: 'Nach Bewertung filtern',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '1 Stern', other: `${f.number(stars)} Sterne` })}: ${f.plural(count, { one: '1 Bewertung', other: `${f.number(count)} Bewertungen` })}`,
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

export default messages;
