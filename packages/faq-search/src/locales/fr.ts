import type { Formatter, Translation } from '@shopfront/core';
import type { FaqMessages } from '../messages.js';
import type { ResultMessages } from '../result-messages.js';

/** Strings of the first load: the field, the popular questions, the states. */
export const search: Translation<FaqMessages> = {
  label: 'Rechercher dans la FAQ',
  placeholder: 'Rechercher une réponse…',
  popular: 'Questions fréquentes',
  answers: 'Réponses',
  empty: 'Aucune question pour le moment.',
};

/** Strings shown with results (loaded with the search engine). */
export const results: Translation<ResultMessages> = {
  count: (f: Formatter, count: number) =>
    count === 0 ? 'Aucune réponse trouvée.' : f.plural(count, { one: '# réponse trouvée.', other: '# réponses trouvées.' }),
  topics: 'Thèmes',
  allTopics: 'Tous',
  otherTopic: 'Autres questions',
  noAnswer: (_f: Formatter, query: string) => `Nous n’avons pas encore de réponse pour « ${query} ».`,
  askUs: 'Posez-nous la question',
  contactUs: 'Nous contacter',
  readMore: 'Lire la réponse complète',
  back: 'Retour aux réponses',
};
