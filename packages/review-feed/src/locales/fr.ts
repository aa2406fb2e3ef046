import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';
import type { LightboxMessages } from '../lightbox-messages.js';
import type { ReviewFeedMessages } from '../messages.js';

/** The feed's strings. */
export const feed: Translation<ReviewFeedMessages> = {
  heading: 'Avis clients',
  rated: (f: Formatter, value: number) => `Noté ${f.number(value, { maximumFractionDigits: 1 })} sur 5`,
  basedOn: (f: Formatter, count: number) => f.plural(count, { one: 'Basé sur # avis', other: 'Basé sur # avis' }),
  filterByRating: 'Filtrer par note',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '# étoile', other: '# étoiles' })} : ${f.number(count)} avis`,
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

/** The write-a-review form's strings (the form loads on first use). */
export const form: Translation<ReviewFormMessages> = {
  heading: 'Écrire un avis',
  rating: 'Votre note',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '# étoile', other: '# étoiles' }),
  title: 'Titre (facultatif)',
  body: 'Votre avis',
  name: 'Votre nom',
  email: 'E-mail',
  emailHint: 'Seule la boutique voit votre e-mail.',
  photos: 'Photos (facultatif, 5 maximum)',
  photoHint: (f: Formatter, megabytes: number) => `JPEG, PNG, WebP, GIF ou AVIF, ${f.number(megabytes)} Mo maximum chacune.`,
  removePhoto: (_f: Formatter, name: string) => `Retirer ${name}`,
  submit: 'Publier l’avis',
  sending: 'Envoi…',
  cancel: 'Annuler',
  needRating: 'Choisissez une note de 1 à 5 étoiles.',
  needBody: 'Dites aux autres clients ce que vous pensez du produit.',
  needName: 'Indiquez votre nom.',
  needEmail: 'Indiquez une adresse e-mail valide.',
  photoType: (_f: Formatter, name: string) => `${name} n’est pas une image JPEG, PNG, WebP, GIF ou AVIF.`,
  photoSize: (f: Formatter, name: string, megabytes: number) => `${name} dépasse ${f.number(megabytes)} Mo.`,
  tooManyPhotos: (f: Formatter, max: number) => `Vous pouvez ajouter ${f.number(max)} photos au maximum.`,
  thanksPending: 'Merci ! Votre avis apparaîtra une fois vérifié par la boutique.',
  thanksPublished: 'Merci ! Votre avis est publié.',
  invitationRefused: 'Ce lien d’avis a déjà été utilisé ou n’est plus valable. Vous pouvez tout de même envoyer votre avis.',
};

/** The photo viewer's strings (the viewer loads on first use). */
export const lightbox: Translation<LightboxMessages> = {
  photoOf: (f: Formatter, index: number, total: number) => `Photo ${f.number(index)} sur ${f.number(total)}`,
  previousPhoto: 'Photo précédente',
  nextPhoto: 'Photo suivante',
};
