import { defineMessages, type Formatter } from '@shopfront/core';

/** Points with the shop's own name for them ("stars") when it has one; `short` gives "1.2K". */
const points = (f: Formatter, count: number, unit?: string, short?: boolean) => {
  const value = short ? f.compact(count) : f.number(count);
  return unit ? `${value} ${unit}` : f.plural(count, { one: `${value} point`, other: `${value} points` });
};

const en = {
  points,
  toNextTier: (f: Formatter, count: number, tier: string, unit?: string) => `${points(f, count, unit)} to ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier}: top tier reached`,
  join: 'Join & earn rewards',
};
export type BadgeMessages = typeof en;

/** What the badge itself says; the popover's strings load with the popover (panel-messages.ts). */
export const badgeMessages = defineMessages(en, {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
});
