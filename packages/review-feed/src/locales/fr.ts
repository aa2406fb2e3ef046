import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFeedMessages } from '../messages.js';

const messages: Translation<ReviewFeedMessages> = {
  heading: 'Avis clients',
  rated: (f: Formatter, value: number) => `Noté ${f.number(value, { maximumFractionDigits: 1 })} sur 5`,
  basedOn: (f: Formatter, count: number) =>
    f.plural(count, { one: `Basé sur ${f.number(count)} avis`, other: `Basé sur ${f.number(count)} avis` }),
  filterByRating: 'Filtrer par note',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: `${f.number(stars)} étoile`, other: `${f.number(stars)} étoiles` })} : ${f.number(count)} avis`,
  sortBy: 'Trier par',
  'sort-newest': 'Les plus récents',
  'sort-highest': 'Meilleures notes',
  'sort-lowest': 'Notes les plus basses',
  'sort-helpful': 'Les plus utiles',
  'sort-media-first': 'Avec photos d’abord',
  withPhotos: 'Avec photos uniquement',
  showAll: 'Voir tous les avis',
  verified: 'Achat vérifié',
  replyFrom: (_f: Formatter, name?: string) => (name ? `Réponse de ${name}` : 'Réponse de la boutique'),
  readMore: 'Lire la suite',
  readLess: 'Réduire',
  helpful: (f: Formatter, count: number) => `Utile (${f.number(count)})`,
  voteFailed: 'Votre vote n’a pas été pris en compte. Réessayez.',
  loadMore: 'Voir plus d’avis',
  writeReview: 'Écrire un avis',
  empty: 'Aucun avis pour le moment. Soyez le premier à donner votre avis !',
  noMatch: 'Aucun avis ne correspond à ce filtre.',
  photoBy: (f: Formatter, index: number, name: string) => `Photo ${f.number(index)} de ${name}`,
};

export default messages;
