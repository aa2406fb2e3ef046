/**
 * `/api/v1/loyalty`: the programme, the signed-in member, rewards, redemption
 * (one transaction: never a negative balance, never a double spend) and history.
 * The member is whoever `X-Shopfront-Customer` names with a valid signature.
 */
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { ActivityList, Id, LoyaltyMember, LoyaltyProgram, Redemption, RewardList, type Tier } from '@shopfront/core/schemas.js';
import { limitWrite, type Deps } from '../deps.js';
import { customerFrom } from '../identity.js';
import { HttpError, absolute, parseInput, respond, type AppEnv } from '../http.js';
import type { MemberRecord } from '../storage.js';

/** Tier reached and the next one, from lifetime points. */
export function tierProgress(tiers: Tier[], lifetimePoints: number) {
  const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const reached = sorted.filter((tier) => tier.threshold <= lifetimePoints);
  const tier = reached.at(-1) ?? null;
  const nextTier = sorted.find((candidate) => candidate.threshold > lifetimePoints) ?? null;
  return { tier, nextTier, pointsToNextTier: nextTier ? nextTier.threshold - lifetimePoints : 0 };
}

/** A single-use discount code: `SF-` and 10 characters nobody misreads. */
export function discountCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `SF-${Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

export function loyaltyRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/loyalty/program', async (c) => {
    const shop = c.get('shop');
    const { tiers, waysToEarn } = await deps.storage.loyaltySetup(shop.id);
    const baseUrl = c.get('baseUrl');
    const program = shop.settings.program ?? { name: `${shop.name} rewards` };
    return respond(c, LoyaltyProgram, {
      name: program.name,
      ...(program.pointsName ? { pointsName: program.pointsName } : {}),
      tiers,
      waysToEarn: waysToEarn.map((way) => (way.url ? { ...way, url: absolute(way.url, baseUrl) } : way)),
      ...(program.signupUrl ? { signupUrl: absolute(program.signupUrl, baseUrl) } : {}),
      ...(program.loginUrl ? { loginUrl: absolute(program.loginUrl, baseUrl) } : {}),
    });
  });

  app.get('/loyalty/member', async (c) => {
    const shop = c.get('shop');
    const customerId = customerFrom(c, shop);
    if (!customerId) return respond(c, LoyaltyMember, { status: 'guest' });
    const record: MemberRecord = (await deps.storage.member(shop.id, customerId)) ?? {
      customerId,
      points: 0,
      lifetimePoints: 0,
      referralCode: '',
    };
    const { tiers } = await deps.storage.loyaltySetup(shop.id);
    return respond(c, LoyaltyMember, {
      status: 'member',
      id: customerId,
      ...(record.firstName ? { firstName: record.firstName } : {}),
      points: record.points,
      lifetimePoints: record.lifetimePoints,
      ...tierProgress(tiers, record.lifetimePoints),
      ...(record.referralCode ? { referralUrl: `${c.get('baseUrl')}/?ref=${record.referralCode}` } : {}),
    });
  });

  app.get('/loyalty/rewards', async (c) => {
    const { rewards } = await deps.storage.loyaltySetup(c.get('shop').id);
    return respond(c, RewardList, { rewards });
  });

  app.post('/loyalty/rewards/:rewardId/redeem', async (c) => {
    const shop = c.get('shop');
    const rewardId = parseInput(Id, c.req.param('rewardId'), { prefix: 'rewardId' });
    limitWrite(deps, c);
    const customerId = customerFrom(c, shop);
    if (!customerId) throw new HttpError(401, 'Sign in to redeem rewards.', 'customer');
    const result = await deps.storage.redeem(shop.id, customerId, rewardId, discountCode());
    if (!result.ok) {
      if (result.reason === 'unknown-reward') throw new HttpError(404, 'No such reward.', 'rewardId');
      throw new HttpError(409, 'Not enough points for this reward.', 'points');
    }
    return respond(c, Redemption, result.redemption, 201);
  });

  app.get('/loyalty/activity', async (c) => {
    const shop = c.get('shop');
    const customerId = customerFrom(c, shop);
    // A guest has no history; an empty list keeps the widget's join prompt simple.
    const activity = customerId ? await deps.storage.activity(shop.id, customerId, 200) : [];
    return respond(c, ActivityList, { activity });
  });

  return app;
}
