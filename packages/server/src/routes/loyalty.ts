/**
 * `/api/v1/loyalty`: the programme, the signed-in member, rewards, redemption
 * (never a negative balance, never a double spend), history and the member's
 * birthday. The member is whoever `X-Shopfront-Customer` names with a valid
 * signature; their own requests are where signup and birthday points are given
 * (services/earning.ts).
 */
import { ActivityList, Id, LoyaltyMember, LoyaltyProgram, Redemption, RewardList } from '@shopfront/core/schemas.js';
import { BirthdayInput } from '../api/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError, absolute } from '../http.js';
import { awardBirthday, setBirthday, welcomeMember } from '../services/earning.js';
import { discountPortFor } from '../services/discounts.js';
import { ACTIVITY_LIMIT, memberStanding, redeemReward, referralUrl } from '../services/loyalty.js';
import type { Shop } from '../storage/index.js';

export function loyaltyRoutes(deps: Deps) {
  /** The member as `LoyaltyMember` describes them. */
  const memberBody = async (shop: Shop, customerId: string, baseUrl: string) => {
    const member = await memberStanding(deps.storage, shop, customerId);
    return {
      status: 'member' as const,
      id: customerId,
      ...(member.firstName ? { firstName: member.firstName } : {}),
      points: member.points,
      lifetimePoints: member.lifetimePoints,
      tier: member.tier,
      nextTier: member.nextTier,
      pointsToNextTier: member.pointsToNextTier,
      ...(member.referralCode ? { referralUrl: referralUrl(shop, baseUrl, member.referralCode) } : {}),
      ...(member.birthday ? { birthday: member.birthday } : {}),
    };
  };

  return [
    defineRoute({
      method: 'get',
      path: '/loyalty/program',
      operationId: 'getLoyaltyProgram',
      summary: 'The programme: tiers and ways to earn',
      tags: ['Loyalty'],
      security: 'shop',
      responses: { 200: { description: 'The programme', schema: LoyaltyProgram } },
      handler: async ({ shop }, c) => {
        const { tiers, waysToEarn } = await deps.storage.loyalty.setup(shop.id);
        const baseUrl = c.get('baseUrl');
        const program = shop.settings.program ?? { name: `${shop.name} rewards` };
        return {
          status: 200,
          body: {
            name: program.name,
            ...(program.pointsName ? { pointsName: program.pointsName } : {}),
            tiers,
            waysToEarn: waysToEarn.map((way) => (way.url ? { ...way, url: absolute(way.url, baseUrl) } : way)),
            ...(program.signupUrl ? { signupUrl: absolute(program.signupUrl, baseUrl) } : {}),
            ...(program.loginUrl ? { loginUrl: absolute(program.loginUrl, baseUrl) } : {}),
          },
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/loyalty/member',
      operationId: 'getLoyaltyMember',
      summary: 'The signed-in member, or a guest',
      description: 'Without a signed customer the answer is `{ "status": "guest" }`.',
      tags: ['Loyalty'],
      security: 'customer',
      responses: { 200: { description: 'The member’s standing, or a guest', schema: LoyaltyMember } },
      handler: async ({ shop, customerId }, c) => {
        if (!customerId) return { status: 200, body: { status: 'guest' } };
        // The signed customer's own request: signup points the first time, this year's birthday points once it has come.
        await welcomeMember(deps.storage, shop, customerId);
        const record = await deps.storage.loyalty.member(shop.id, customerId);
        if (record) await awardBirthday(deps.storage, shop, record, new Date());
        return { status: 200, body: await memberBody(shop, customerId, c.get('baseUrl')) };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/loyalty/member/birthday',
      operationId: 'setLoyaltyBirthday',
      summary: "Give the member's birthday, once",
      description:
        'Month and day (a `year` only checks 29 February and is not kept). Set once: the same date again changes nothing, ' +
        'another date is a 409. Answers the member, with the birthday points if this year’s birthday has already passed.',
      tags: ['Loyalty'],
      security: 'signedCustomer',
      visitor: 'optional',
      rateLimited: true,
      body: { json: BirthdayInput },
      responses: { 200: { description: 'The member, with the birthday kept', schema: LoyaltyMember } },
      errors: { 409: 'A different birthday is already kept (`field`: `birthday`)' },
      handler: async ({ shop, customerId, body }, c) => {
        const outcome = await setBirthday(deps, shop, customerId, body, new Date());
        if (!outcome.ok) throw new HttpError(409, 'birthday: already given, and it can be given only once.', 'birthday');
        return { status: 200, body: await memberBody(shop, customerId, c.get('baseUrl')) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/loyalty/rewards',
      operationId: 'listRewards',
      summary: 'Rewards to redeem',
      tags: ['Loyalty'],
      security: 'shop',
      responses: { 200: { description: 'The rewards', schema: RewardList } },
      handler: async ({ shop }) => ({ status: 200, body: { rewards: (await deps.storage.loyalty.setup(shop.id)).rewards } }),
    }),

    defineRoute({
      method: 'post',
      path: '/loyalty/rewards/{rewardId}/redeem',
      operationId: 'redeemReward',
      summary: 'Spend points on a reward',
      description:
        'Checks and debits the balance in one step, so concurrent redemptions cannot spend the same points; answers a single-use discount code ' +
        'once the shop’s discount port made it usable at checkout (a signed webhook to the shop’s backend, Shopify, or the list the shop imports). ' +
        'If the port fails, the points go back and the answer is 503.',
      tags: ['Loyalty'],
      security: 'signedCustomer',
      visitor: 'optional',
      rateLimited: true,
      params: { rewardId: { schema: Id, description: "The reward's id" } },
      responses: { 201: { description: 'The redemption, with its code and the balance after it', schema: Redemption } },
      errors: {
        404: 'No such reward',
        409: 'Not enough points for this reward',
        503: "The shop's checkout could not create the code (its discount webhook or Shopify failed): no points were spent",
      },
      handler: async ({ shop, customerId, params }) => {
        const result = await redeemReward(deps.storage, shop, customerId, params.rewardId, new Date(), await discountPortFor(deps, shop));
        if (!result.ok) {
          if (result.reason === 'unknown-reward') throw new HttpError(404, 'No such reward.', 'rewardId');
          if (result.reason === 'checkout-unavailable') {
            deps.config.log(`[shopfront] shop ${shop.key}: redemption undone, ${result.error.message}`);
            throw new HttpError(
              503,
              'The shop could not create your code just now. No points were spent; try again in a moment.',
              'discount',
              {
                'Retry-After': '30',
              },
            );
          }
          throw new HttpError(409, 'Not enough points for this reward.', 'points');
        }
        return { status: 201, body: result.redemption };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/loyalty/activity',
      operationId: 'listLoyaltyActivity',
      summary: "The member's points history",
      description: 'Newest first; a guest’s is empty.',
      tags: ['Loyalty'],
      security: 'customer',
      responses: { 200: { description: 'The history', schema: ActivityList } },
      handler: async ({ shop, customerId }) => ({
        status: 200,
        body: { activity: customerId ? await deps.storage.loyalty.activity(shop.id, customerId, ACTIVITY_LIMIT) : [] },
      }),
    }),
  ];
}
