import type { Formatter, Translation } from '@shopfront/core';
import type { BadgeMessages } from '../messages.js';
import type { PopoverMessages } from '../popover-messages.js';

/** What the badge itself says. */
export const badge: Translation<BadgeMessages> = {
  toNextTier: (_f: Formatter, points: string, tier: string) => `${points} avant ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier} : niveau maximal atteint`,
  join: 'Rejoindre et gagner des récompenses',
};

/** The popover's strings. */
export const popover: Translation<PopoverMessages> = {
  rewards: 'Récompenses',
  sections: 'Rubriques du programme',
  earn: 'Gagner',
  redeem: 'Utiliser',
  history: 'Historique',
  refer: 'Parrainer',
  waysToEarn: 'Comment gagner des points',
  tiers: 'Niveaux',
  tierFrom: (_f: Formatter, points: string) => `dès ${points}`,
  yourTier: 'Votre niveau',
  noWaysToEarn: 'Les façons de gagner des points apparaîtront bientôt ici.',
  noRewards: 'Aucune récompense à utiliser pour le moment.',
  missing: (_f: Formatter, points: string) => `Encore ${points}`,
  confirmQuestion: (_f: Formatter, reward: string, cost: string) => `Utiliser « ${reward} » pour ${cost} ?`,
  confirm: 'Oui, utiliser',
  cancel: 'Annuler',
  redeeming: 'En cours…',
  worth: (_f: Formatter, amount: string) => `Valeur : ${amount}`,
  yourCode: 'Votre code de réduction',
  codeHint: 'Utilisez-le au moment de payer.',
  copyCode: 'Copier le code',
  copyLink: 'Copier le lien',
  copied: 'Copié dans le presse-papiers.',
  copyFailed: 'Copie impossible. Sélectionnez le texte et copiez-le.',
  validUntil: (f: Formatter, date: string) => `Valable jusqu’au ${f.date(date)}`,
  balance: (_f: Formatter, points: string) => `Votre solde : ${points}`,
  backToRewards: 'Retour aux récompenses',
  notEnough: "Vous n'avez plus assez de points pour cette récompense.",
  signInAgain: 'Reconnectez-vous pour utiliser vos récompenses.',
  offlineRedeem: 'Vous êtes hors ligne. Utiliser une récompense nécessite une connexion.',
  noActivity: 'Aucune activité pour le moment.',
  referIntro: 'Partagez votre lien avec vos amis.',
  referEarn: (_f: Formatter, points: string) => `Vous gagnez ${points} quand un ami passe sa première commande.`,
  referralLink: 'Votre lien de parrainage',
  share: 'Partager',
  shareText: (_f: Formatter, program: string) => `Rejoignez-moi sur ${program}`,
  joinTitle: (_f: Formatter, program: string) => `Rejoindre ${program}`,
  joinIntro: 'Gagnez des points à chaque commande et échangez-les contre des récompenses.',
  signUp: 'Rejoindre',
  logIn: 'Se connecter',
  memberEarn: 'Ce que gagnent les membres',
};
