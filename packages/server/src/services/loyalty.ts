/**
 * The loyalty programme's rules: codes, how long a reward's code lasts, balances
 * that never go below zero, and tiers from lifetime points. Storage keeps the
 * points; what may happen to them is decided here.
 */
import { randomBytes } from 'node:crypto';
import type { LoyaltyActivity, Tier } from '@shopfront/core/schemas.js';
import type { MemberRecord, RedeemResult, Shop, Storage } from '../storage/index.js';
import { discountCodeOf, listPort, type DiscountPort } from './discounts.js';

/** Letters and digits nobody misreads (no I, O, 0 or 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** How long a redeemed reward's discount code can be used. */
export const REDEMPTION_VALID_DAYS = 90;
/** The longest history a member is shown (the activity list's schema allows no more). */
export const ACTIVITY_LIMIT = 200;

// 256 is a multiple of the alphabet's 32 letters, so `byte % 32` favours none.
const randomCode = (length: number) => Array.from(randomBytes(length), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

/** A single-use discount code: `SF-` and 10 characters. */
export const discountCode = () => `SF-${randomCode(10)}`;

/** The code in a member's referral link. */
export const referralCode = () => randomCode(10);

/**
 * The advocate's link: the shop's own site (its first allowed origin; this
 * server, for a shop that has none, as the demo) with `?sf_ref=<code>`, which
 * the loader keeps for the checkout to send with the order.
 */
export function referralUrl(shop: Shop, baseUrl: string, code: string): string {
  const url = new URL('/', shop.settings.origins[0] ?? baseUrl);
  url.searchParams.set('sf_ref', code);
  return url.toString();
}

/** Tier reached and the next one, from lifetime points. */
export function tierProgress(tiers: Tier[], lifetimePoints: number) {
  const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const reached = sorted.filter((tier) => tier.threshold <= lifetimePoints);
  const tier = reached.at(-1) ?? null;
  const nextTier = sorted.find((candidate) => candidate.threshold > lifetimePoints) ?? null;
  return { tier, nextTier, pointsToNextTier: nextTier ? nextTier.threshold - lifetimePoints : 0 };
}

export interface PointsAdjustment {
  /** Positive to award, negative to take. */
  points: number;
  label: string;
  kind: LoyaltyActivity['kind'];
  firstName?: string;
}

/**
 * Awards or takes points, creating the member. A balance never goes below zero: a
 * removal takes at most what is there, and `shortfall` says what it could not take.
 */
export async function adjustPoints(
  storage: Storage,
  shopId: number,
  customerId: string,
  adjustment: PointsAdjustment,
): Promise<{ member: MemberRecord; applied: number; shortfall: number }> {
  const { member, applied } = await storage.loyalty.adjustPoints(shopId, customerId, {
    kind: adjustment.kind,
    label: adjustment.label,
    firstName: adjustment.firstName,
    referralCode: referralCode(),
    // `|| 0`: nothing to take from an empty balance is 0, not -0.
    points: (balance) => Math.max(adjustment.points, -balance) || 0,
  });
  return { member, applied, shortfall: applied - adjustment.points };
}

export type RewardRedemption = RedeemResult | { ok: false; reason: 'checkout-unavailable'; error: Error };

/**
 * Pays for a reward with points and hands out its discount code, valid for
 * REDEMPTION_VALID_DAYS, once the shop's discount port (./discounts.ts) made it
 * usable at checkout. If the port fails, the redemption is undone: the points go
 * back and no code is shown.
 */
export async function redeemReward(
  storage: Storage,
  shop: Shop,
  customerId: string,
  rewardId: string,
  at = new Date(),
  port: DiscountPort = listPort,
): Promise<RewardRedemption> {
  const expiresAt = new Date(at.getTime() + REDEMPTION_VALID_DAYS * 24 * 3600_000);
  const result = await storage.loyalty.redeem(shop.id, customerId, {
    rewardId,
    code: discountCode(),
    createdAt: at.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  if (!result.ok) return result;
  const reward = (await storage.loyalty.setup(shop.id)).rewards.find((candidate) => candidate.id === rewardId) ?? {
    id: rewardId,
    name: rewardId,
    kind: 'other' as const,
  };
  try {
    await port.create(discountCodeOf(shop, customerId, reward, result.redemption));
  } catch (error) {
    await storage.discounts.revoke(
      shop.id,
      result.redemption.id,
      `${reward.name}: the code could not be made, points returned`,
      new Date().toISOString(),
    );
    return { ok: false, reason: 'checkout-unavailable', error: error as Error };
  }
  return result;
}

/** The member as the loyalty badge shows them; one who never earned starts at zero. */
export async function memberStanding(storage: Storage, shop: Shop, customerId: string) {
  const record = await storage.loyalty.member(shop.id, customerId);
  const { tiers } = await storage.loyalty.setup(shop.id);
  const lifetimePoints = record?.lifetimePoints ?? 0;
  return {
    customerId,
    firstName: record?.firstName,
    points: record?.points ?? 0,
    lifetimePoints,
    referralCode: record?.referralCode,
    birthday: record?.birthday,
    ...tierProgress(tiers, lifetimePoints),
  };
}
