import type { Formatter, Translation } from '@shopfront/core';
import type { BadgeMessages } from '../messages.js';
import type { PopoverMessages } from '../popover-messages.js';

/** What the badge itself says. */
export const badge: Translation<BadgeMessages> = {
  toNextTier: (_f: Formatter, points: string, tier: string) => `Noch ${points} bis ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier}: höchste Stufe erreicht`,
  join: 'Mitmachen und Prämien sichern',
};

/** The popover's strings. */
export const popover: Translation<PopoverMessages> = {
  rewards: 'Prämien',
  sections: 'Bereiche des Programms',
  earn: 'Sammeln',
  redeem: 'Einlösen',
  history: 'Verlauf',
  refer: 'Empfehlen',
  waysToEarn: 'So sammeln Sie Punkte',
  tiers: 'Stufen',
  tierFrom: (_f: Formatter, points: string) => `ab ${points}`,
  yourTier: 'Ihre Stufe',
  noWaysToEarn: 'Hier erscheinen bald Möglichkeiten, Punkte zu sammeln.',
  noRewards: 'Noch keine Prämien zum Einlösen.',
  missing: (_f: Formatter, points: string) => `Noch ${points} nötig`,
  confirmQuestion: (_f: Formatter, reward: string, cost: string) => `„${reward}“ für ${cost} einlösen?`,
  confirm: 'Ja, einlösen',
  cancel: 'Abbrechen',
  redeeming: 'Wird eingelöst…',
  worth: (_f: Formatter, amount: string) => `Im Wert von ${amount}`,
  yourCode: 'Ihr Rabattcode',
  codeHint: 'Geben Sie ihn an der Kasse ein.',
  copyCode: 'Code kopieren',
  copyLink: 'Link kopieren',
  copied: 'In die Zwischenablage kopiert.',
  copyFailed: 'Kopieren nicht möglich. Markieren und kopieren Sie den Text.',
  validUntil: (f: Formatter, date: string) => `Gültig bis ${f.date(date)}`,
  balance: (_f: Formatter, points: string) => `Ihr Guthaben: ${points}`,
  backToRewards: 'Zurück zu den Prämien',
  notEnough: 'Für diese Prämie haben Sie nicht mehr genug Punkte.',
  signInAgain: 'Bitte melden Sie sich erneut an, um Prämien einzulösen.',
  offlineRedeem: 'Sie sind offline. Zum Einlösen wird eine Verbindung benötigt.',
  noActivity: 'Noch keine Aktivitäten.',
  referIntro: 'Teilen Sie Ihren Link mit Freunden.',
  referEarn: (_f: Formatter, points: string) => `Sie erhalten ${points}, wenn eine Freundin oder ein Freund zum ersten Mal bestellt.`,
  referralLink: 'Ihr Empfehlungslink',
  share: 'Teilen',
  shareText: (_f: Formatter, program: string) => `Mach mit bei ${program}`,
  joinTitle: (_f: Formatter, program: string) => `${program} beitreten`,
  joinIntro: 'Sammeln Sie bei jeder Bestellung Punkte und lösen Sie sie gegen Prämien ein.',
  signUp: 'Jetzt beitreten',
  logIn: 'Anmelden',
  memberEarn: 'Das erhalten Mitglieder',
};
