import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Reward } from '@shopfront/core/schemas.js';
import type { PointsChange, RedemptionRequest, SettleEntry, Storage } from '../../src/storage/index.js';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const REWARD: Reward = { id: 'five-off', name: '€5 off', cost: 100, kind: 'amount-off', value: 5 };
const SETUP = {
  tiers: [
    { id: 'silver', name: 'Silver', threshold: 500, perks: ['Free shipping'] },
    { id: 'bronze', name: 'Bronze', threshold: 0 },
  ],
  waysToEarn: [{ id: 'review', kind: 'review' as const, label: 'Write a review', points: 50 }],
  rewards: [REWARD, { id: 'ship', name: 'Free shipping', cost: 300, kind: 'free-shipping' as const }],
};

/** A change that adds exactly `points` (the contract is about storage, not the shop's rules). */
const exactly = (points: number, extra: Partial<PointsChange> = {}): PointsChange => ({
  kind: points >= 0 ? 'earn' : 'adjust',
  label: `${points} points`,
  referralCode: `REF${randomUUID().slice(0, 8).toUpperCase()}`,
  points: () => points,
  ...extra,
});

const settleEntry = (): SettleEntry => ({
  labels: { earn: 'Welcome', takeBack: 'Taken back' },
  referralCode: `REF${randomUUID().slice(0, 8).toUpperCase()}`,
});

const request = (rewardId = REWARD.id): RedemptionRequest => ({
  rewardId,
  code: `SF-${randomUUID().slice(0, 10).toUpperCase()}`,
  createdAt: '2024-05-01T10:00:00.000Z',
  expiresAt: '2024-07-30T10:00:00.000Z',
});

async function shopWithProgramme(storage: Storage) {
  const shop = await newShop(storage);
  await storage.loyalty.replaceSetup(shop.id, SETUP);
  return shop;
}

export function loyaltyContract(open: OpenStorage): void {
  describe('loyalty', () => {
    const storage = useStorage(open);

    it('keeps the programme in the order given and replaces it whole', async () => {
      const shop = await shopWithProgramme(storage());
      assert.deepEqual(await storage().loyalty.setup(shop.id), SETUP);
      await storage().loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [], rewards: [SETUP.rewards[1]!] });
      assert.deepEqual(await storage().loyalty.setup(shop.id), { tiers: [], waysToEarn: [], rewards: [SETUP.rewards[1]] });
      assert.deepEqual(await storage().loyalty.setup((await newShop(storage())).id), { tiers: [], waysToEarn: [], rewards: [] });
    });

    it('creates a member with the first change and keeps a history of every change, newest first', async () => {
      const shop = await shopWithProgramme(storage());
      assert.equal(await storage().loyalty.member(shop.id, 'cust-1'), undefined);
      const seen: number[] = [];
      const first = await storage().loyalty.adjustPoints(shop.id, 'cust-1', {
        ...exactly(120, { firstName: 'Ada', referralCode: 'ADA123' }),
        points: (balance) => (seen.push(balance), 120),
      });
      assert.deepEqual(first, {
        member: { customerId: 'cust-1', firstName: 'Ada', points: 120, lifetimePoints: 120, referralCode: 'ADA123' },
        applied: 120,
      });
      const second = await storage().loyalty.adjustPoints(shop.id, 'cust-1', {
        ...exactly(-20, { referralCode: 'IGNORED', label: 'Correction' }),
        points: (balance) => (seen.push(balance), -20),
      });
      assert.deepEqual(seen, [0, 120], 'the rule sees the balance it applies to');
      assert.deepEqual(second.member, { customerId: 'cust-1', firstName: 'Ada', points: 100, lifetimePoints: 120, referralCode: 'ADA123' });
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(0, { firstName: 'Ada L.' }));
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.firstName, 'Ada L.');
      const activity = await storage().loyalty.activity(shop.id, 'cust-1', 10);
      assert.deepEqual(
        activity.map(({ kind, points, label }) => ({ kind, points, label })),
        [
          { kind: 'adjust', points: -20, label: 'Correction' },
          { kind: 'earn', points: 120, label: '120 points' },
        ],
        'a change of nothing leaves no history',
      );
      assert.ok(activity.every((entry) => entry.id && !Number.isNaN(Date.parse(entry.createdAt))));
      assert.equal((await storage().loyalty.activity(shop.id, 'cust-1', 1)).length, 1);
      assert.equal(await storage().loyalty.member((await newShop(storage())).id, 'cust-1'), undefined, 'members belong to one shop');
    });

    it('applies concurrent changes one after the other, each deciding on the balance the last one left', async () => {
      const shop = await shopWithProgramme(storage());
      await Promise.all(Array.from({ length: 20 }, () => storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(5))));
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 100);
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(150));
      const takeUpTo100 = exactly(0, { points: (balance) => Math.max(-100, -balance) });
      const results = await Promise.all(Array.from({ length: 4 }, () => storage().loyalty.adjustPoints(shop.id, 'cust-1', takeUpTo100)));
      assert.deepEqual(
        results.map((result) => result.applied || 0).sort((a, b) => a - b),
        [-100, -100, -50, 0],
      );
      assert.deepEqual((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 0);
    });

    it('changes nothing when the rule refuses or decides a fraction', async () => {
      const shop = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(10));
      const refusing = exactly(0, {
        points: () => {
          throw new Error('refused');
        },
      });
      await assert.rejects(storage().loyalty.adjustPoints(shop.id, 'cust-1', refusing), /refused/);
      await assert.rejects(storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(1.5)));
      await assert.rejects(storage().loyalty.adjustPoints(shop.id, 'cust-2', exactly(Number.NaN)));
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 10);
      assert.equal(await storage().loyalty.member(shop.id, 'cust-2'), undefined, 'not even the member is created');
      assert.equal((await storage().loyalty.activity(shop.id, 'cust-1', 10)).length, 1);
    });

    it('redeems a reward: pays its cost, keeps its code, records it', async () => {
      const shop = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(250));
      const asked = request();
      const result = await storage().loyalty.redeem(shop.id, 'cust-1', asked);
      assert.ok(result.ok);
      const { id, ...redemption } = result.redemption;
      assert.ok(id);
      assert.deepEqual(redemption, {
        rewardId: REWARD.id,
        code: asked.code,
        points: 150,
        createdAt: asked.createdAt,
        expiresAt: asked.expiresAt,
      });
      const member = await storage().loyalty.member(shop.id, 'cust-1');
      assert.deepEqual([member?.points, member?.lifetimePoints], [150, 250], 'spending leaves lifetime points as they were');
      const [latest] = await storage().loyalty.activity(shop.id, 'cust-1', 1);
      assert.deepEqual([latest?.kind, latest?.points, latest?.label], ['redeem', -100, '€5 off']);
    });

    it('refuses a reward it does not know, or one the balance cannot pay', async () => {
      const shop = await shopWithProgramme(storage());
      assert.deepEqual(await storage().loyalty.redeem(shop.id, 'cust-1', request('no-such-reward')), {
        ok: false,
        reason: 'unknown-reward',
      });
      assert.deepEqual(await storage().loyalty.redeem(shop.id, 'nobody', request()), { ok: false, reason: 'insufficient-points' });
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(99));
      assert.deepEqual(await storage().loyalty.redeem(shop.id, 'cust-1', request()), { ok: false, reason: 'insufficient-points' });
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 99);
      assert.equal((await storage().loyalty.activity(shop.id, 'cust-1', 10)).length, 1, 'a refusal leaves no history');
    });

    it('never spends the same points twice when redemptions race', async () => {
      const shop = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(350));
      const results = await Promise.all(Array.from({ length: 10 }, () => storage().loyalty.redeem(shop.id, 'cust-1', request())));
      assert.equal(results.filter((result) => result.ok).length, 3);
      assert.equal((await storage().loyalty.member(shop.id, 'cust-1'))?.points, 50);
      const balances = results.flatMap((result) => (result.ok ? [result.redemption.points] : [])).sort((a, b) => a - b);
      assert.deepEqual(balances, [50, 150, 250], 'each redemption reports the balance it left');
    });

    it('joins a new member with a settled welcome once, and leaves an existing member as they are', async () => {
      const shop = await shopWithProgramme(storage());
      const joins = await Promise.all(
        Array.from({ length: 8 }, () => storage().loyalty.join(shop.id, 'new-1', 'signup', 100, settleEntry())),
      );
      assert.equal(joins.filter((join) => join.created).length, 1, 'of joins at once, one creates');
      assert.deepEqual(
        joins.map((join) => join.member.points),
        Array(8).fill(100),
      );
      assert.deepEqual(await storage().loyalty.settled(shop.id, 'new-1', 'signup'), { net: 100, shortfall: 0 });
      assert.equal(await storage().loyalty.settled(shop.id, 'new-1', 'other'), undefined);
      await storage().loyalty.adjustPoints(shop.id, 'old-1', exactly(5));
      const existing = await storage().loyalty.join(shop.id, 'old-1', 'signup', 100, settleEntry());
      assert.deepEqual([existing.created, existing.member.points], [false, 5]);
      assert.equal(await storage().loyalty.settled(shop.id, 'old-1', 'signup'), undefined);
    });

    it('keeps the first birthday given and never replaces it, even when two arrive at once', async () => {
      const shop = await shopWithProgramme(storage());
      const first = await storage().loyalty.setBirthday(shop.id, 'cust-1', { month: 2, day: 29 }, 'BDAY00001');
      assert.deepEqual([first.set, first.member.birthday, first.member.points], [true, { month: 2, day: 29 }, 0]);
      const again = await storage().loyalty.setBirthday(shop.id, 'cust-1', { month: 7, day: 1 }, 'BDAY00002');
      assert.deepEqual([again.set, again.member.birthday], [false, { month: 2, day: 29 }]);
      assert.deepEqual((await storage().loyalty.member(shop.id, 'cust-1'))?.birthday, { month: 2, day: 29 });
      const racing = await Promise.all(
        [1, 2, 3, 4].map((day) => storage().loyalty.setBirthday(shop.id, 'cust-2', { month: 5, day }, `BDAYR${day}`)),
      );
      assert.equal(racing.filter((result) => result.set).length, 1);
      const kept = racing.find((result) => result.set)!.member.birthday;
      assert.ok(racing.every((result) => assert.deepEqual(result.member.birthday, kept) ?? true));
      assert.equal((await storage().loyalty.member(shop.id, 'nobody'))?.birthday, undefined);
    });

    it('lists the birthdays that have come and not been settled under the key, a page at a time', async () => {
      const shop = await shopWithProgramme(storage());
      const birthdays: Array<[string, number, number]> = [
        ['a', 1, 15],
        ['b', 3, 10],
        ['c', 3, 11],
        ['d', 12, 31],
        ['e', 3, 9],
      ];
      for (const [id, month, day] of birthdays) await storage().loyalty.setBirthday(shop.id, id, { month, day }, `BD${id}${shop.id}`);
      await storage().loyalty.adjustPoints(shop.id, 'no-birthday', exactly(5));
      const due = (page = { limit: 10 } as { after?: string; limit: number }) =>
        storage().loyalty.birthdaysDue(shop.id, { month: 3, day: 10 }, 'birthday:2026', page);
      assert.deepEqual(await due(), ['a', 'b', 'e']);
      assert.deepEqual(await due({ limit: 2 }), ['a', 'b']);
      assert.deepEqual(await due({ after: 'b', limit: 2 }), ['e']);
      await storage().loyalty.settle(shop.id, 'b', 'birthday:2026', 100, settleEntry());
      assert.deepEqual(await due(), ['a', 'e'], 'settled this year: not due again');
      assert.deepEqual(await storage().loyalty.birthdaysDue(shop.id, { month: 3, day: 10 }, 'birthday:2027', { limit: 10 }), [
        'a',
        'b',
        'e',
      ]);
    });

    it('expires the whole balance of an inactive member once, and not of one active since', async () => {
      const shop = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'idle', exactly(300));
      await storage().loyalty.adjustPoints(shop.id, 'idle', exactly(-100));
      await storage().loyalty.adjustPoints(shop.id, 'broke', exactly(0));
      const future = new Date(Date.now() + 3600_000).toISOString();
      const past = new Date(Date.now() - 3600_000).toISOString();
      assert.deepEqual(await storage().loyalty.inactiveMembers(shop.id, future, { limit: 10 }), ['idle'], 'only members with points');
      assert.deepEqual(await storage().loyalty.inactiveMembers(shop.id, past, { limit: 10 }), [], 'active since the cutoff');
      const rule = (inactiveBefore: string) => ({ inactiveBefore, key: (at: string) => `expire:${at}`, label: 'Points expired' });
      assert.deepEqual(await storage().loyalty.expire(shop.id, 'idle', rule(past)), { expired: 0 }, 'checked again under the lock');
      const racing = await Promise.all(Array.from({ length: 5 }, () => storage().loyalty.expire(shop.id, 'idle', rule(future))));
      assert.deepEqual(
        racing.map((result) => result.expired).sort((a, b) => b - a),
        [200, 0, 0, 0, 0],
      );
      const member = await storage().loyalty.member(shop.id, 'idle');
      assert.deepEqual([member?.points, member?.lifetimePoints], [0, 300], 'an expiry does not lower the tier');
      const [latest] = await storage().loyalty.activity(shop.id, 'idle', 1);
      assert.deepEqual([latest?.kind, latest?.points, latest?.label], ['expire', -200, 'Points expired']);
      assert.deepEqual(await storage().loyalty.inactiveMembers(shop.id, future, { limit: 10 }), []);
      assert.deepEqual(await storage().loyalty.expire(shop.id, 'nobody', rule(future)), { expired: 0 });
      await storage().loyalty.adjustPoints(shop.id, 'idle', exactly(40));
      const later = new Date(Date.now() + 7200_000).toISOString();
      assert.deepEqual(await storage().loyalty.expire(shop.id, 'idle', rule(later)), { expired: 40 }, 'a new stretch of inactivity');
    });

    it('marks a code used once, and only in its own shop', async () => {
      const shop = await shopWithProgramme(storage());
      const other = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(200));
      const first = request();
      const second = request();
      assert.ok((await storage().loyalty.redeem(shop.id, 'cust-1', first)).ok);
      assert.ok((await storage().loyalty.redeem(shop.id, 'cust-1', second)).ok);
      assert.equal(await storage().loyalty.useCode(other.id, first.code), 'unknown');
      assert.equal(await storage().loyalty.useCode(shop.id, 'SF-NOSUCHCODE'), 'unknown');
      assert.equal(await storage().loyalty.useCode(shop.id, first.code), 'used');
      assert.equal(await storage().loyalty.useCode(shop.id, first.code), 'already-used');
      const racing = await Promise.all(Array.from({ length: 6 }, () => storage().loyalty.useCode(shop.id, second.code)));
      assert.deepEqual(racing.filter((result) => result === 'used').length, 1);
    });

    it('exports and erases a member whole: history, ledger, codes; no one else’s, and nothing without an id', async () => {
      const shop = await shopWithProgramme(storage());
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', exactly(500, { firstName: 'Ada' }));
      await storage().loyalty.setBirthday(shop.id, 'cust-1', { month: 3, day: 14 }, 'unused');
      await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 40, settleEntry());
      const redeemed = await storage().loyalty.redeem(shop.id, 'cust-1', request());
      await storage().loyalty.adjustPoints(shop.id, 'cust-10', exactly(200));
      const ada = { customerId: 'cust-1', email: 'ada@example.com' };

      const exported = await storage().loyalty.exportCustomer(shop.id, ada);
      assert.deepEqual(
        [exported.member?.points, exported.member?.lifetimePoints, exported.member?.firstName, exported.member?.birthday],
        [440, 540, 'Ada', { month: 3, day: 14 }],
      );
      assert.deepEqual(
        exported.activity.map((entry) => [entry.kind, entry.points]),
        [
          ['earn', 500],
          ['earn', 40],
          ['redeem', -100],
        ],
        'oldest first',
      );
      assert.ok(redeemed.ok);
      assert.deepEqual(
        exported.redemptions.map((code) => [code.code, code.rewardId, code.cost, code.customerId]),
        [[redeemed.redemption.code, REWARD.id, 100, 'cust-1']],
      );
      assert.deepEqual(
        exported.ledger.map((entry) => [entry.key, entry.net, entry.shortfall]),
        [['order:1001', 40, 0]],
      );
      assert.deepEqual(await storage().loyalty.exportCustomer(shop.id, { email: 'ada@example.com' }), {
        activity: [],
        redemptions: [],
        ledger: [],
      });
      assert.deepEqual(await storage().loyalty.eraseCustomer(shop.id, { email: 'ada@example.com' }), {
        members: 0,
        activity: 0,
        redemptions: 0,
        ledger: 0,
      });

      assert.deepEqual(await storage().loyalty.eraseCustomer(shop.id, ada), { members: 1, activity: 3, redemptions: 1, ledger: 1 });
      assert.deepEqual(await storage().loyalty.eraseCustomer(shop.id, ada), { members: 0, activity: 0, redemptions: 0, ledger: 0 });
      assert.deepEqual(await storage().loyalty.exportCustomer(shop.id, ada), { activity: [], redemptions: [], ledger: [] });
      assert.equal(await storage().loyalty.useCode(shop.id, redeemed.redemption.code), 'unknown', 'the code is gone');
      assert.equal((await storage().loyalty.member(shop.id, 'cust-10'))?.points, 200);
      // The settled key is forgotten with the member: a new member with the id starts afresh.
      assert.equal(await storage().loyalty.settled(shop.id, 'cust-1', 'order:1001'), undefined);
    });
  });
}
