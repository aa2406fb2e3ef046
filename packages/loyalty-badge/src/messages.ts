import { defineMessages, type Formatter } from '@shopfront/core';

/** Every language but English: one module each, with the badge's strings and the popover's. */
export const locales = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};

const en = {
  /** `points` as `formatPoints` words them ("275 points"). */
  toNextTier: (_f: Formatter, points: string, tier: string) => `${points} to ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier}: top tier reached`,
  join: 'Join & earn rewards',
};
export type BadgeMessages = typeof en;

/** What the badge itself says; the popover's strings load with the popover (popover-messages.ts). */
export const badgeMessages = defineMessages(en, locales, 'badge');
