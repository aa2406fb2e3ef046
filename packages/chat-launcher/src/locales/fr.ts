import type { Formatter, Translation } from '@shopfront/core';
import type { LauncherMessages } from '../messages.js';
import type { PanelMessages } from '../panel-messages.js';

/** The launcher's own strings. */
export const launcher: Translation<LauncherMessages> = {
  open: 'Discuter avec nous',
  close: 'Fermer la discussion',
};

/** The conversation panel's strings. */
export const panel: Translation<PanelMessages> = {
  unread: (f: Formatter, count: number) => f.plural(count, { one: '# message non lu', other: '# messages non lus' }),
  conversation: 'Conversation',
  greeting: 'Bonjour ! Posez-nous vos questions, nous sommes là pour vous aider.',
  replyTime: (f: Formatter, minutes: number) =>
    f.plural(minutes, {
      one: 'Nous répondons en général en une minute.',
      other: 'Nous répondons en général en # minutes.',
    }),
  you: 'Vous',
  team: 'Équipe',
  typing: (_f: Formatter, name: string) => (name ? `${name} écrit…` : 'Quelqu’un écrit…'),
  sending: 'Envoi…',
  queued: 'En attente de connexion',
  sent: 'Envoyé',
  seen: 'Lu',
  failed: 'Non envoyé.',
  offline: 'Vous êtes hors ligne. Vos messages partiront dès le retour de la connexion.',
  placeholder: 'Écrivez un message…',
  send: 'Envoyer',
  attach: 'Joindre une image',
  image: 'Image',
  remove: 'Retirer',
  attachmentInvalid: 'Joignez une image JPEG, PNG, WebP ou GIF de 5 Mo au plus.',
  prechatIntro: 'Avant de commencer, dites-nous comment vous joindre.',
  name: 'Nom',
  email: 'E-mail',
  optional: '(facultatif)',
  start: 'Commencer la discussion',
  noAgents: 'Personne de notre équipe n’est disponible pour le moment.',
  outsideHours: 'Nous sommes actuellement en dehors de nos heures d’ouverture.',
  backAt: (f: Formatter, date: string) => `Nous serons de retour ${f.relativeTime(date)}.`,
  replyByEmail: 'Laissez votre e-mail et nous vous répondrons par ce biais.',
  message: 'Message',
  emailInvalid: 'Saisissez une adresse e-mail valide.',
  emailThanks: 'Merci ! Nous vous répondrons par e-mail.',
  rateQuestion: 'Comment avons-nous été ?',
  rateStars: (f: Formatter, n: number) => `${f.number(n)} sur 5`,
  rateComment: 'Quelque chose à ajouter ?',
  rateSend: 'Envoyer',
  rateThanks: 'Merci de nous l’avoir dit.',
};
