import type { Formatter, Translation } from '@shopfront/core';
import type { ReviewFormMessages } from '../form-messages.js';

const messages: Translation<ReviewFormMessages> = {
  heading: 'Écrire un avis',
  rating: 'Votre note',
  stars: (f: Formatter, count: number) => f.plural(count, { one: `${f.number(count)} étoile`, other: `${f.number(count)} étoiles` }),
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
};

export default messages;
