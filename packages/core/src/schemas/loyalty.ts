import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { Count, HttpUrl, Id, MAX_LENGTH, Timestamp, text } from './common.js';

const Points = /* @__PURE__ */ lazy(() => z.int().check(z.gte(-1e9), z.lte(1e9)));

export const Tier = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    name: text(60, 1),
    /** Lifetime points needed to reach this tier. */
    threshold: Count,
    perks: z.optional(z.array(text(200)).check(z.maxLength(20))),
  }),
);
export type Tier = z.infer<typeof Tier>;

export const WayToEarn = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    kind: z.enum(['purchase', 'review', 'birthday', 'referral', 'social', 'signup', 'other']),
    label: text(120, 1),
    points: Count,
    /** `review` only: points a review with photos earns on top of `points`. */
    photoBonus: z.optional(Count),
    /** `referral` only: what the referred friend earns with their first order (`points` is the advocate's). */
    friendPoints: z.optional(Count),
    url: z.optional(HttpUrl),
  }),
);
export type WayToEarn = z.infer<typeof WayToEarn>;

/** A member's birthday: month and day only (the year is never kept). */
export const Birthday = /* @__PURE__ */ lazy(() =>
  z.object({
    month: z.int().check(z.gte(1), z.lte(12)),
    day: z.int().check(z.gte(1), z.lte(31)),
  }),
);
export type Birthday = z.infer<typeof Birthday>;

export const LoyaltyProgram = /* @__PURE__ */ lazy(() =>
  z.object({
    name: text(80, 1),
    /** What the shop calls its points ("points", "stars"...). */
    pointsName: z.optional(text(40, 1)),
    tiers: z.array(Tier).check(z.maxLength(20)),
    waysToEarn: z.array(WayToEarn).check(z.maxLength(50)),
    signupUrl: z.optional(HttpUrl),
    loginUrl: z.optional(HttpUrl),
  }),
);
export type LoyaltyProgram = z.infer<typeof LoyaltyProgram>;

export const LoyaltyMember = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('guest') }),
    z.object({
      status: z.literal('member'),
      id: Id,
      firstName: z.optional(text(MAX_LENGTH.name)),
      points: Count,
      lifetimePoints: Count,
      tier: z.nullable(Tier),
      nextTier: z.nullable(Tier),
      /** Lifetime points still missing for `nextTier`; 0 at the top tier. */
      pointsToNextTier: Count,
      referralUrl: z.optional(HttpUrl),
      /** Set once by the member (`PUT /loyalty/member/birthday`); absent until then. */
      birthday: z.optional(Birthday),
    }),
  ]),
);
export type LoyaltyMember = z.infer<typeof LoyaltyMember>;

export const Reward = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    name: text(120, 1),
    description: z.optional(text(500)),
    cost: z.int().check(z.gte(1), z.lte(1e9)),
    kind: z.enum(['amount-off', 'percent-off', 'free-shipping', 'free-product', 'other']),
    /** Money off for `amount-off`, percent for `percent-off`. */
    value: z.optional(z.number().check(z.gte(0), z.lte(1e9))),
  }),
);
export type Reward = z.infer<typeof Reward>;

export const Redemption = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    rewardId: Id,
    code: text(64, 1),
    /** The member's balance after this redemption. */
    points: Count,
    createdAt: Timestamp,
    expiresAt: z.optional(z.nullable(Timestamp)),
  }),
);
export type Redemption = z.infer<typeof Redemption>;

export const LoyaltyActivity = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    kind: z.enum(['earn', 'redeem', 'adjust', 'expire']),
    /** Signed: earnings are positive, redemptions negative. */
    points: Points,
    label: text(200, 1),
    createdAt: Timestamp,
  }),
);
export type LoyaltyActivity = z.infer<typeof LoyaltyActivity>;

export const RewardList = /* @__PURE__ */ lazy(() => z.object({ rewards: z.array(Reward).check(z.maxLength(100)) }));
export type RewardList = z.infer<typeof RewardList>;

export const ActivityList = /* @__PURE__ */ lazy(() => z.object({ activity: z.array(LoyaltyActivity).check(z.maxLength(200)) }));
export type ActivityList = z.infer<typeof ActivityList>;
