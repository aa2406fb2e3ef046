import type { Formatter, Translation } from '@shopfront/core';
import type { BadgeMessages } from '../messages.js';
import type { PopoverMessages } from '../popover-messages.js';

/** What the badge itself says. */
export const badge: Translation<BadgeMessages> = {
  toNextTier: (_f: Formatter, points: string, tier: string) => `${points} para ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier}: nivel máximo alcanzado`,
  join: 'Únete y gana recompensas',
};

/** The popover's strings. */
export const popover: Translation<PopoverMessages> = {
  rewards: 'Recompensas',
  sections: 'Secciones del programa',
  earn: 'Ganar',
  redeem: 'Canjear',
  history: 'Historial',
  refer: 'Invitar',
  waysToEarn: 'Cómo ganar puntos',
  tiers: 'Niveles',
  tierFrom: (_f: Formatter, points: string) => `desde ${points}`,
  yourTier: 'Tu nivel',
  noWaysToEarn: 'Pronto verás aquí cómo ganar puntos.',
  noRewards: 'Todavía no hay recompensas para canjear.',
  missing: (_f: Formatter, points: string) => `Te faltan ${points}`,
  confirmQuestion: (_f: Formatter, reward: string, cost: string) => `¿Canjear «${reward}» por ${cost}?`,
  confirm: 'Sí, canjear',
  cancel: 'Cancelar',
  redeeming: 'Canjeando…',
  worth: (_f: Formatter, amount: string) => `Valor: ${amount}`,
  yourCode: 'Tu código de descuento',
  codeHint: 'Úsalo al pagar.',
  copyCode: 'Copiar código',
  copyLink: 'Copiar enlace',
  copied: 'Copiado al portapapeles.',
  copyFailed: 'No se pudo copiar. Selecciona el texto y cópialo.',
  validUntil: (f: Formatter, date: string) => `Válido hasta el ${f.date(date)}`,
  balance: (_f: Formatter, points: string) => `Tu saldo: ${points}`,
  backToRewards: 'Volver a las recompensas',
  notEnough: 'Ya no tienes puntos suficientes para esta recompensa.',
  signInAgain: 'Vuelve a iniciar sesión para canjear recompensas.',
  offlineRedeem: 'No tienes conexión. Para canjear una recompensa hace falta conexión.',
  noActivity: 'Todavía no hay actividad.',
  referIntro: 'Comparte tu enlace con tus amigos.',
  referEarn: (_f: Formatter, points: string) => `Ganas ${points} cuando un amigo hace su primer pedido.`,
  referralLink: 'Tu enlace de invitación',
  share: 'Compartir',
  shareText: (_f: Formatter, program: string) => `Únete a ${program}`,
  joinTitle: (_f: Formatter, program: string) => `Únete a ${program}`,
  joinIntro: 'Gana puntos con cada pedido y cámbialos por recompensas.',
  signUp: 'Unirme',
  logIn: 'Iniciar sesión',
  memberEarn: 'Lo que ganan los miembros',
};
