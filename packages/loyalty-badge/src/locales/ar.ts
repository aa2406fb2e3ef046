import type { Formatter, Translation } from '@shopfront/core';
import type { BadgeMessages } from '../messages.js';
import type { PopoverMessages } from '../popover-messages.js';

/** What the badge itself says. */
export const badge: Translation<BadgeMessages> = {
  toNextTier: (_f: Formatter, points: string, tier: string) => `${points} للوصول إلى ${tier}`,
  topTier: (_f: Formatter, tier: string) => `${tier}: أعلى مستوى`,
  join: 'انضم واربح مكافآت',
};

/** The popover's strings. */
export const popover: Translation<PopoverMessages> = {
  rewards: 'المكافآت',
  sections: 'أقسام البرنامج',
  earn: 'اربح',
  redeem: 'استبدل',
  history: 'السجل',
  refer: 'ادعُ صديقًا',
  waysToEarn: 'طرق ربح النقاط',
  tiers: 'المستويات',
  tierFrom: (_f: Formatter, points: string) => `من ${points}`,
  yourTier: 'مستواك',
  noWaysToEarn: 'ستظهر هنا قريبًا طرق ربح النقاط.',
  noRewards: 'لا توجد مكافآت للاستبدال بعد.',
  missing: (_f: Formatter, points: string) => `ينقصك ${points}`,
  confirmQuestion: (_f: Formatter, reward: string, cost: string) => `استبدال «${reward}» مقابل ${cost}؟`,
  confirm: 'نعم، استبدل',
  cancel: 'إلغاء',
  redeeming: 'جارٍ الاستبدال…',
  worth: (_f: Formatter, amount: string) => `بقيمة ${amount}`,
  yourCode: 'رمز الخصم الخاص بك',
  codeHint: 'استخدمه عند الدفع.',
  copyCode: 'نسخ الرمز',
  copyLink: 'نسخ الرابط',
  copied: 'تم النسخ.',
  copyFailed: 'تعذّر النسخ. حدّد النص وانسخه.',
  validUntil: (f: Formatter, date: string) => `صالح حتى ${f.date(date)}`,
  balance: (_f: Formatter, points: string) => `رصيدك: ${points}`,
  backToRewards: 'العودة إلى المكافآت',
  notEnough: 'لم تعد لديك نقاط كافية لهذه المكافأة.',
  signInAgain: 'يُرجى تسجيل الدخول مجددًا لاستبدال المكافآت.',
  offlineRedeem: 'أنت غير متصل. يتطلب استبدال المكافأة اتصالًا بالإنترنت.',
  noActivity: 'لا يوجد نشاط بعد.',
  referIntro: 'شارك رابطك مع أصدقائك.',
  referEarn: (_f: Formatter, points: string) => `تربح ${points} عندما يطلب صديقك أول طلب.`,
  referralLink: 'رابط الدعوة الخاص بك',
  share: 'مشاركة',
  shareText: (_f: Formatter, program: string) => `انضم إليّ في ${program}`,
  joinTitle: (_f: Formatter, program: string) => `انضم إلى ${program}`,
  joinIntro: 'اربح نقاطًا مع كل طلب واستبدلها بمكافآت.',
  signUp: 'انضم الآن',
  logIn: 'تسجيل الدخول',
  memberEarn: 'ما يربحه الأعضاء',
};
