import type { Formatter, Translation } from '@shopfront/core';
import type { FaqMessages } from '../messages.js';
import type { ResultMessages } from '../result-messages.js';

/** Strings of the first load: the field, the popular questions, the states. */
export const search: Translation<FaqMessages> = {
  label: 'Buscar en las preguntas frecuentes',
  placeholder: 'Busca una respuesta…',
  popular: 'Preguntas populares',
  answers: 'Respuestas',
  empty: 'Todavía no hay preguntas.',
};

/** Strings shown with results (loaded with the search engine). */
export const results: Translation<ResultMessages> = {
  count: (f: Formatter, count: number) =>
    count === 0
      ? 'No se encontraron respuestas.'
      : f.plural(count, { one: 'Se encontró una respuesta.', other: 'Se encontraron # respuestas.' }),
  topics: 'Temas',
  allTopics: 'Todos',
  otherTopic: 'Otras preguntas',
  noAnswer: (_f: Formatter, query: string) => `Aún no tenemos respuesta para «${query}».`,
  askUs: 'Pregúntanos',
  contactUs: 'Contáctanos',
  readMore: 'Leer la respuesta completa',
  back: 'Volver a las respuestas',
};
