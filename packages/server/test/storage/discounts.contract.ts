import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Storage } from '../../src/storage/index.js';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const REWARD = { id: 'five-off', name: '€5 off', cost: 100, kind: 'amount-off' as const, value: 5 };

/** A shop whose member `cust-1` holds 250 points and has redeemed `count` codes (newest last), one minute apart. */
async function memberWithCodes(storage: Storage, count: number) {
  const shop = await newShop(storage);
  await storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [], rewards: [REWARD] });
  await storage.loyalty.adjustPoints(shop.id, 'cust-1', {
    kind: 'earn',
    label: 'Welcome',
    referralCode: `REF${randomUUID().slice(0, 8).toUpperCase()}`,
    points: () => 250,
  });
  const redemptions = [];
  for (let i = 0; i < count; i++) {
    const result = await storage.loyalty.redeem(shop.id, 'cust-1', {
      rewardId: REWARD.id,
      code: `SF-${randomUUID().slice(0, 10).toUpperCase()}`,
      createdAt: `2024-05-01T10:0${i}:00.000Z`,
      expiresAt: '2024-07-30T10:00:00.000Z',
    });
    assert.ok(result.ok);
    redemptions.push(result.redemption);
  }
  return { shop, redemptions };
}

export function discountsContract(open: OpenStorage): void {
  describe('discounts', () => {
    const storage = useStorage(open);

    it('lists the shop’s codes newest first, with who may use them and whether they were used', async () => {
      const { shop, redemptions } = await memberWithCodes(storage(), 2);
      await storage().loyalty.useCode(shop.id, redemptions[0]!.code);
      const listed = await storage().discounts.list(shop.id, 10);
      assert.deepEqual(
        listed.map(({ usedAt, ...rest }) => ({ ...rest, used: usedAt !== undefined })),
        [...redemptions].reverse().map((redemption, index) => ({
          id: redemption.id,
          code: redemption.code,
          customerId: 'cust-1',
          rewardId: REWARD.id,
          cost: 100,
          createdAt: redemption.createdAt,
          expiresAt: '2024-07-30T10:00:00.000Z',
          used: index === 1,
        })),
      );
      assert.equal((await storage().discounts.list(shop.id, 1)).length, 1);
      assert.deepEqual(await storage().discounts.list((await newShop(storage())).id, 10), []);
    });

    it('revokes a code once, giving its points back, and never a used one', async () => {
      const { shop, redemptions } = await memberWithCodes(storage(), 2);
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 50);
      const results = await Promise.all(
        [0, 1, 2].map(() => storage().discounts.revoke(shop.id, redemptions[1]!.id, 'Points back', '2024-05-02T10:00:00.000Z')),
      );
      assert.deepEqual(results.sort(), [false, false, true]);
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 150);
      const [latest] = await storage().loyalty.activity(shop.id, 'cust-1', 1);
      assert.deepEqual([latest?.kind, latest?.points, latest?.label], ['adjust', 100, 'Points back']);
      assert.deepEqual(
        (await storage().discounts.list(shop.id, 10)).map((discount) => discount.id),
        [redemptions[0]!.id],
      );
      assert.equal(await storage().loyalty.useCode(shop.id, redemptions[1]!.code), 'unknown', 'the code is gone');
      await storage().loyalty.useCode(shop.id, redemptions[0]!.code);
      assert.equal(await storage().discounts.revoke(shop.id, redemptions[0]!.id, 'Too late', '2024-05-02T10:00:00.000Z'), false);
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 150);
    });
  });
}
