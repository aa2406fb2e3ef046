import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';
import type { LightboxMessages } from '../lightbox-messages.js';
import type { ReviewFeedMessages } from '../messages.js';

/** The feed's strings. */
export const feed: Translation<ReviewFeedMessages> = {
  heading: 'Opiniones de clientes',
  rated: (f: Formatter, value: number) => `Valorado con ${f.number(value, { maximumFractionDigits: 1 })} de 5`,
  basedOn: (f: Formatter, count: number) => f.plural(count, { one: 'Basado en 1 opinión', other: 'Basado en # opiniones' }),
  filterByRating: 'Filtrar por valoración',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '1 estrella', other: '# estrellas' })}: ${f.plural(count, { one: '1 opinión', other: '# opiniones' })}`,
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

/** The write-a-review form's strings (the form loads on first use). */
export const form: Translation<ReviewFormMessages> = {
  heading: 'Escribir una opinión',
  rating: 'Tu valoración',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '1 estrella', other: '# estrellas' }),
  title: 'Título (opcional)',
  body: 'Tu opinión',
  name: 'Tu nombre',
  email: 'Correo electrónico',
  emailHint: 'Solo la tienda verá tu correo.',
  photos: 'Fotos (opcional, hasta 5)',
  photoHint: (f: Formatter, megabytes: number) => `JPEG, PNG, WebP, GIF o AVIF, hasta ${f.number(megabytes)} MB cada una.`,
  removePhoto: (_f: Formatter, name: string) => `Quitar ${name}`,
  submit: 'Enviar opinión',
  sending: 'Enviando…',
  cancel: 'Cancelar',
  needRating: 'Elige una valoración de 1 a 5 estrellas.',
  needBody: 'Cuéntales a otros clientes qué te parece el producto.',
  needName: 'Escribe tu nombre.',
  needEmail: 'Escribe un correo electrónico válido.',
  photoType: (_f: Formatter, name: string) => `${name} no es una imagen JPEG, PNG, WebP, GIF o AVIF.`,
  photoSize: (f: Formatter, name: string, megabytes: number) => `${name} supera los ${f.number(megabytes)} MB.`,
  tooManyPhotos: (f: Formatter, max: number) => `Puedes añadir hasta ${f.number(max)} fotos.`,
  thanksPending: '¡Gracias! Tu opinión aparecerá cuando la tienda la haya revisado.',
  thanksPublished: '¡Gracias! Tu opinión ya está publicada.',
  invitationRefused: 'Este enlace para opinar ya se usó o ya no es válido. Aun así, puedes enviar tu opinión.',
};

/** The photo viewer's strings (the viewer loads on first use). */
export const lightbox: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Foto ${f.number(index)} de ${f.number(total)}`,
  previousPhoto: 'Foto anterior',
  nextPhoto: 'Foto siguiente',
};
