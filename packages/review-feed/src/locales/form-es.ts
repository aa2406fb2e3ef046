import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';

const messages: Translation<ReviewFormMessages> = {
  heading: 'Escribir una opinión',
  rating: 'Tu valoración',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '1 estrella', other: `${f.number(count)} estrellas` }),
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
};

export default messages;
