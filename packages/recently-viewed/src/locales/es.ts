import type { Formatter, Translation } from '@shopfront/core';
import type { RecentlyViewedMessages } from '../messages.js';

/** The carousel's strings. */
export const carousel: Translation<RecentlyViewedMessages> = {
  heading: 'Vistos recientemente',
  carousel: 'carrusel',
  slide: 'diapositiva',
  slideLabel: (f: Formatter, position: number, total: number) => `${f.number(position)} de ${f.number(total)}`,
  previous: 'Productos anteriores',
  next: 'Productos siguientes',
  clear: 'Borrar historial',
  wasPrice: 'Precio original:',
  soldOut: 'Agotado',
};
