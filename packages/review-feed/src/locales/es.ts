import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFeedMessages } from '../messages.js';

const messages: Translation<ReviewFeedMessages> = {
  heading: 'Opiniones de clientes',
  rated: (f: Formatter, value: number) => `Valorado con ${f.number(value, { maximumFractionDigits: 1 })} de 5`,
  basedOn: (f: Formatter, count: number) =>
    f.plural(count, { one: 'Basado en 1 opinión', other: `Basado en ${f.number(count)} opiniones` }),
  filterByRating: 'Filtrar por valoración',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '1 estrella', other: `${f.number(stars)} estrellas` })}: ${f.plural(count, { one: '1 opinión', other: `${f.number(count)} opiniones` })}`,
  sortBy: 'Ordenar por',
  'sort-newest': 'Más recientes',
  'sort-highest': 'Mejor valoradas',
  'sort-lowest': 'Peor valoradas',
  'sort-helpful': 'Más útiles',
  'sort-media-first': 'Con fotos primero',
  withPhotos: 'Solo con fotos',
  showAll: 'Ver todas las opiniones',
  verified: 'Compra verificada',
  replyFrom: (_f: Formatter, name?: string) => (name ? `Respuesta de ${name}` : 'Respuesta de la tienda'),
  readMore: 'Leer más',
  readLess: 'Leer menos',
  helpful: (f: Formatter, count: number) => `Útil (${f.number(count)})`,
  voteFailed: 'Tu voto no se ha registrado. Inténtalo de nuevo.',
  loadMore: 'Cargar más opiniones',
  writeReview: 'Escribir una opinión',
  empty: 'Aún no hay opiniones. ¡Sé el primero en opinar sobre este producto!',
  noMatch: 'Ninguna opinión coincide con este filtro.',
  photoBy: (f: Formatter, index: number, name: string) => `Foto ${f.number(index)} de ${name}`,
};

export default messages;
