/**
 * The earning rules beyond orders (services/earning.ts) against the real database
 * the run is configured for: each awards once under repeats and concurrent calls,
 * and `now` is passed in, so no assertion depends on the clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WayToEarn } from '@shopfront/core/schemas.js';
import type { Deps } from '../src/deps.js';
import {
  awardBirthdays,
  expireInactivePoints,
  monthsBefore,
  setBirthday,
  settleReviewPoints,
  welcomeMember,
} from '../src/services/earning.js';
import { adjustPoints } from '../src/services/loyalty.js';
import type { ReviewStatus, Shop, ShopSettings } from '../src/storage/index.js';
import { openTestStorage, type TestStorage } from './helpers.js';
import { newShop, review } from './storage/fixtures.js';

let opened: TestStorage;
let deps: Pick<Deps, 'storage'>;
before(async () => {
  opened = await openTestStorage();
  deps = { storage: opened.storage };
});
after(() => opened.dispose());

/** What moderation does with points (services/reviews.ts `moderateReview`; its HTTP path is in loyalty-earning.node.test.ts). */
async function moderate(shop: Shop, reviewId: string, status: Exclude<ReviewStatus, 'pending'>) {
  const changed = await deps.storage.reviews.setStatus(shop.id, reviewId, status);
  await settleReviewPoints(deps.storage, shop, changed!.review, status === 'published');
}

const WAYS: WayToEarn[] = [
  { id: 'signup', kind: 'signup', label: 'Create an account', points: 100 },
  { id: 'review', kind: 'review', label: 'Write a review', points: 50, photoBonus: 25 },
  { id: 'birthday', kind: 'birthday', label: 'Happy birthday', points: 200 },
];

async function programme(settings: Partial<ShopSettings> = {}, waysToEarn = WAYS) {
  const shop = await newShop(deps.storage, settings);
  await deps.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn, rewards: [] });
  return shop;
}

const pointsOf = async (shopId: number, customerId: string) => (await deps.storage.loyalty.member(shopId, customerId))?.points;
const PHOTO = { url: 'https://cdn.example/photo.jpg' };

describe('signup', () => {
  it('welcomes a new member once, however many first requests arrive at once', async () => {
    const shop = await programme();
    await Promise.all(Array.from({ length: 10 }, () => welcomeMember(deps.storage, shop, 'new-1')));
    await welcomeMember(deps.storage, shop, 'new-1');
    assert.equal(await pointsOf(shop.id, 'new-1'), 100);
    const history = await deps.storage.loyalty.activity(shop.id, 'new-1', 10);
    assert.deepEqual(
      history.map(({ kind, points, label }) => [kind, points, label]),
      [['earn', 100, 'Create an account']],
    );
  });

  it('does not welcome a member who existed already, nor make members without a signup rule', async () => {
    const shop = await programme();
    await adjustPoints(deps.storage, shop.id, 'old-1', { points: 10, kind: 'earn', label: 'Order' });
    await welcomeMember(deps.storage, shop, 'old-1');
    assert.equal(await pointsOf(shop.id, 'old-1'), 10);
    const bare = await programme({}, []);
    await welcomeMember(deps.storage, bare, 'new-2');
    assert.equal(await deps.storage.loyalty.member(bare.id, 'new-2'), undefined);
  });
});

describe('reviews', () => {
  it('gives the photo bonus to a published review with photos, once however many agents publish it', async () => {
    const shop = await programme({ autoPublishAt: null });
    const [withPhoto, plain] = await deps.storage.reviews.insert(shop.id, [
      review('p1', { status: 'pending', customerId: 'cust-1', photos: [PHOTO] }),
      review('p2', { status: 'pending', customerId: 'cust-2' }),
    ]);
    await Promise.all(Array.from({ length: 5 }, () => moderate(shop, withPhoto!.id, 'published')));
    await moderate(shop, plain!.id, 'published');
    await moderate(shop, plain!.id, 'published');
    assert.equal(await pointsOf(shop.id, 'cust-1'), 75, '50 and a 25-point photo bonus');
    assert.equal(await pointsOf(shop.id, 'cust-2'), 50);
  });

  it('takes the points back when a published review is rejected, never below zero, and gives them again if it is republished', async () => {
    const shop = await programme({ autoPublishAt: null });
    const [published] = await deps.storage.reviews.insert(shop.id, [
      review('p1', { status: 'pending', customerId: 'cust-1', photos: [PHOTO] }),
    ]);
    await moderate(shop, published!.id, 'published');
    await Promise.all(Array.from({ length: 4 }, () => moderate(shop, published!.id, 'rejected')));
    assert.equal(await pointsOf(shop.id, 'cust-1'), 0);
    const [latest] = await deps.storage.loyalty.activity(shop.id, 'cust-1', 1);
    assert.deepEqual([latest?.kind, latest?.points], ['adjust', -75]);
    await moderate(shop, published!.id, 'published');
    assert.equal(await pointsOf(shop.id, 'cust-1'), 75, 'republished: earned again, under the same key');
    // Spent meanwhile: a rejection takes what is there and no more.
    await adjustPoints(deps.storage, shop.id, 'cust-1', { points: -60, kind: 'redeem', label: 'Spent' });
    await moderate(shop, published!.id, 'rejected');
    assert.equal(await pointsOf(shop.id, 'cust-1'), 0);
    assert.deepEqual(await deps.storage.loyalty.settled(shop.id, 'cust-1', `review:${published!.id}`), { net: 0, shortfall: 60 });
  });

  it('gives nothing for a guest’s review, nor for a rejected review that never earned', async () => {
    const shop = await programme({ autoPublishAt: null });
    const [guest, held] = await deps.storage.reviews.insert(shop.id, [
      review('p1', { status: 'pending' }),
      review('p1', { status: 'pending', customerId: 'cust-9' }),
    ]);
    await moderate(shop, guest!.id, 'published');
    await moderate(shop, held!.id, 'rejected');
    assert.equal(await deps.storage.loyalty.member(shop.id, 'cust-9'), undefined, 'no member is made for nothing');
  });
});

describe('birthdays', () => {
  const at = (iso: string) => new Date(iso);

  it('awards once a year on or after the birthday: repeats and concurrent sweeps once, next year again', async () => {
    const shop = await programme();
    const set = await setBirthday(deps, shop, 'cust-1', { month: 6, day: 15 }, at('2026-03-01T12:00:00Z'));
    assert.ok(set.ok);
    assert.equal(set.awarded, 0, 'not yet this year');
    assert.equal(await awardBirthdays(deps, shop, at('2026-06-14T23:59:00Z')), 0, 'the day before');
    const racing = await Promise.all(Array.from({ length: 5 }, () => awardBirthdays(deps, shop, at('2026-06-15T08:00:00Z'))));
    assert.equal(
      racing.reduce((sum, count) => sum + count, 0),
      1,
    );
    assert.equal(await awardBirthdays(deps, shop, at('2026-11-30T08:00:00Z')), 0, 'later the same year');
    assert.equal(await pointsOf(shop.id, 'cust-1'), 100 + 200, 'signup and one birthday');
    assert.equal(await awardBirthdays(deps, shop, at('2027-06-15T08:00:00Z')), 1, 'the next year');
    assert.equal(await pointsOf(shop.id, 'cust-1'), 100 + 400);
    assert.deepEqual(await deps.storage.loyalty.settled(shop.id, 'cust-1', 'birthday:2027'), { net: 200, shortfall: 0 });
  });

  it('awards on the member’s own request when the birthday has passed, once, and keeps the date once', async () => {
    const shop = await programme();
    const now = at('2026-08-01T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 4 }, () => setBirthday(deps, shop, 'cust-2', { month: 3, day: 3 }, now)));
    assert.ok(results.every((result) => result.ok));
    assert.equal(await pointsOf(shop.id, 'cust-2'), 100 + 200);
    assert.equal(await awardBirthdays(deps, shop, now), 0, 'the sweep finds it given');
    const moved = await setBirthday(deps, shop, 'cust-2', { month: 8, day: 1 }, now);
    assert.deepEqual(moved, { ok: false, kept: { month: 3, day: 3 } });
    assert.equal(await pointsOf(shop.id, 'cust-2'), 300, 'moving the date earns nothing');
  });

  it('celebrates 29 February on 1 March in other years, and goes by the shop’s time zone', async () => {
    const shop = await programme();
    await setBirthday(deps, shop, 'leap', { month: 2, day: 29, year: 2000 }, at('2027-01-10T00:00:00Z'));
    assert.equal(await awardBirthdays(deps, shop, at('2027-02-28T12:00:00Z')), 0);
    assert.equal(await awardBirthdays(deps, shop, at('2027-03-01T00:00:00Z')), 1);
    const tokyo = await programme({ businessHours: { timeZone: 'Asia/Tokyo', hours: [] } });
    await setBirthday(deps, tokyo, 'east', { month: 5, day: 2 }, at('2027-01-10T00:00:00Z'));
    assert.equal(await awardBirthdays(deps, tokyo, at('2027-05-01T14:00:00Z')), 0, '23:00 on 1 May in Tokyo');
    assert.equal(await awardBirthdays(deps, tokyo, at('2027-05-01T15:00:00Z')), 1, 'midnight, 2 May in Tokyo');
  });
});

describe('expiry', () => {
  it('expires a balance after N months without activity, not before, once', async () => {
    const shop = await programme({ pointsExpireAfterMonths: 12 }, []);
    await adjustPoints(deps.storage, shop.id, 'idle', { points: 120, kind: 'earn', label: 'Order' });
    const lastActivity = Date.parse((await deps.storage.loyalty.activity(shop.id, 'idle', 1))[0]!.createdAt);
    // Days, not months, so the test holds whatever day it runs: 330 days are under 11 months, 367 over 12.
    const inDays = (days: number) => new Date(lastActivity + days * 86_400_000);
    assert.equal(await expireInactivePoints(deps, shop, inDays(330)), 0, 'eleven months on, not yet');
    assert.equal(await pointsOf(shop.id, 'idle'), 120);
    const racing = await Promise.all(Array.from({ length: 5 }, () => expireInactivePoints(deps, shop, inDays(367))));
    assert.equal(
      racing.reduce((sum, count) => sum + count, 0),
      1,
    );
    assert.equal(await expireInactivePoints(deps, shop, inDays(800)), 0, 'nothing left to expire');
    const member = await deps.storage.loyalty.member(shop.id, 'idle');
    assert.deepEqual([member?.points, member?.lifetimePoints], [0, 120]);
    const [latest] = await deps.storage.loyalty.activity(shop.id, 'idle', 1);
    assert.deepEqual([latest?.kind, latest?.points, latest?.label], ['expire', -120, 'Points expired after 12 months without activity']);
  });

  it('leaves points alone in a shop that does not expire them', async () => {
    const shop = await programme({}, []);
    await adjustPoints(deps.storage, shop.id, 'idle', { points: 50, kind: 'earn', label: 'Order' });
    assert.equal(await expireInactivePoints(deps, shop, new Date(Date.now() + 50 * 365 * 86_400_000)), 0);
    assert.equal(await pointsOf(shop.id, 'idle'), 50);
  });

  it('counts months on the calendar', () => {
    assert.equal(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString(), '2026-02-28T10:00:00.000Z');
    assert.equal(monthsBefore(new Date('2026-01-15T00:00:00Z'), 12).toISOString(), '2025-01-15T00:00:00.000Z');
    assert.equal(monthsBefore(new Date('2026-01-31T00:00:00Z'), -1).toISOString(), '2026-02-28T00:00:00.000Z');
  });
});
