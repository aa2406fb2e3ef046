import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ChatHub, type InboxEvent } from '../src/chat-hub.js';
import { resolveConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { MediaStore } from '../src/media.js';
import { postMessage } from '../src/services/chat.js';
import {
  CODE_ALPHABET,
  REDEMPTION_VALID_DAYS,
  adjustPoints,
  discountCode,
  redeemReward,
  referralCode,
  tierProgress,
} from '../src/services/loyalty.js';
import { moderateReview, statusOnArrival, submitReview } from '../src/services/reviews.js';
import type { ChatEvent } from '@shopfront/core/schemas.js';
import { ReadCache } from '../src/read-cache.js';
import { EmailQueue } from '../src/email/queue.js';
import { HotReads } from '../src/hot-reads.js';
import { ShopCache } from '../src/shop-cache.js';
import { openTestStorage, type TestStorage } from './helpers.js';
import { RatingsSync } from '../src/services/shopify-ratings.js';
import { newShop, review } from './storage/fixtures.js';

let opened: TestStorage;
let deps: Deps;
before(async () => {
  opened = await openTestStorage();
  const hub = new ChatHub(undefined, opened.storage.chat);
  await hub.start();
  const reads = new ReadCache();
  deps = {
    config: resolveConfig({ log: () => undefined }),
    storage: opened.storage,
    hub,
    media: new MediaStore('/nonexistent'),
    reads,
    shops: new ShopCache(opened.storage.shops),
    hot: new HotReads(reads),
    email: new EmailQueue(opened.storage, undefined),
    ratings: new RatingsSync({ storage: opened.storage, config: resolveConfig({ log: () => undefined }) }),
  };
});
after(() => opened.dispose());

const REVIEW_WAY = { id: 'review', kind: 'review' as const, label: 'Write a review', points: 50 };
const REWARD = { id: 'five-off', name: '€5 off', cost: 100, kind: 'amount-off' as const, value: 5 };

describe('loyalty rules', () => {
  it('makes codes from letters and digits nobody misreads', () => {
    const alphabet = `[${CODE_ALPHABET}]`;
    for (let index = 0; index < 200; index++) {
      assert.match(discountCode(), new RegExp(`^SF-${alphabet}{10}$`));
      assert.match(referralCode(), new RegExp(`^${alphabet}{10}$`));
    }
    assert.doesNotMatch(CODE_ALPHABET, /[IO01]/);
    assert.equal(new Set(Array.from({ length: 200 }, discountCode)).size, 200);
  });

  it('never takes a balance below zero, and says what it could not take', async () => {
    const shop = await newShop(deps.storage);
    await adjustPoints(deps.storage, shop.id, 'cust-1', { points: 120, kind: 'earn', label: 'Order' });
    const taken = await adjustPoints(deps.storage, shop.id, 'cust-1', { points: -500, kind: 'adjust', label: 'Refund' });
    assert.deepEqual([taken.applied, taken.shortfall, taken.member.points], [-120, 380, 0]);
    const nothing = await adjustPoints(deps.storage, shop.id, 'cust-1', { points: -10, kind: 'adjust', label: 'Refund' });
    assert.deepEqual([nothing.applied, nothing.shortfall], [0, 10]);
    assert.equal(Object.is(nothing.applied, -0), false);
    const earned = await adjustPoints(deps.storage, shop.id, 'cust-1', { points: 30, kind: 'earn', label: 'Order' });
    assert.deepEqual([earned.applied, earned.shortfall, earned.member.lifetimePoints], [30, 0, 150]);
  });

  it(`gives a redeemed reward a code that lasts ${REDEMPTION_VALID_DAYS} days`, async () => {
    const shop = await newShop(deps.storage);
    await deps.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [], rewards: [REWARD] });
    await adjustPoints(deps.storage, shop.id, 'cust-1', { points: 100, kind: 'earn', label: 'Order' });
    const at = new Date('2024-05-01T10:00:00.000Z');
    const result = await redeemReward(deps.storage, shop, 'cust-1', REWARD.id, at);
    assert.ok(result.ok);
    assert.equal(result.redemption.createdAt, at.toISOString());
    assert.equal(result.redemption.expiresAt, '2024-07-30T10:00:00.000Z');
    assert.match(result.redemption.code, /^SF-/);
  });

  it('places a member in the highest tier their lifetime points reach', () => {
    const tiers = [
      { id: 'gold', name: 'Gold', threshold: 1000 },
      { id: 'bronze', name: 'Bronze', threshold: 0 },
      { id: 'silver', name: 'Silver', threshold: 500 },
    ];
    const at = (points: number) => {
      const { tier, nextTier, pointsToNextTier } = tierProgress(tiers, points);
      return [tier?.id, nextTier?.id, pointsToNextTier];
    };
    assert.deepEqual(at(0), ['bronze', 'silver', 500]);
    assert.deepEqual(at(750), ['silver', 'gold', 250]);
    assert.deepEqual(at(1000), ['gold', undefined, 0]);
    assert.deepEqual(tierProgress([], 10), { tier: null, nextTier: null, pointsToNextTier: 0 });
  });
});

/** A shopper's review as the route hands it over: the service decides its status. */
function submission(extra: Parameters<typeof review>[1]) {
  const { status: _status, ...rest } = review('p1', extra);
  return rest;
}

describe('review rules', () => {
  it('publishes at once at or above the shop’s threshold, and holds everything when it has none', async () => {
    const shop = await newShop(deps.storage, { autoPublishAt: 4 });
    assert.deepEqual([statusOnArrival(shop, 5), statusOnArrival(shop, 4), statusOnArrival(shop, 3)], ['published', 'published', 'pending']);
    const strict = await newShop(deps.storage, { autoPublishAt: null });
    assert.equal(statusOnArrival(strict, 5), 'pending');
  });

  it('awards review points for a published review by a signed-in customer, and shows a held one in the inbox', async () => {
    const shop = await newShop(deps.storage, { autoPublishAt: 4 });
    await deps.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [REVIEW_WAY], rewards: [] });
    const inbox: InboxEvent[] = [];
    const unsubscribe = deps.hub.subscribeInbox(shop.id, (event) => inbox.push(event));
    await submitReview(deps, shop, submission({ rating: 5, customerId: 'cust-1' }));
    await submitReview(deps, shop, submission({ rating: 5 }));
    const held = await submitReview(deps, shop, submission({ rating: 2, customerId: 'cust-2' }));
    unsubscribe();
    assert.equal((await deps.storage.loyalty.member(shop.id, 'cust-1'))?.points, 50);
    assert.equal(await deps.storage.loyalty.member(shop.id, 'cust-2'), undefined);
    assert.equal(held.status, 'pending');
    assert.deepEqual(
      inbox.map((event) => (event.type === 'review' ? event.review.id : event.type)),
      [held.review.id],
    );
  });

  it('awards the points of a held review once, however many agents publish it at the same time', async () => {
    const shop = await newShop(deps.storage, { autoPublishAt: null });
    await deps.storage.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [REVIEW_WAY], rewards: [] });
    const [held] = await deps.storage.reviews.insert(shop.id, [review('p1', { status: 'pending', customerId: 'cust-3' })]);
    await Promise.all(Array.from({ length: 5 }, () => moderateReview(deps, shop, held!.id, 'published')));
    assert.equal((await deps.storage.loyalty.member(shop.id, 'cust-3'))?.points, 50);
    assert.equal(await moderateReview(deps, shop, 'no-such-review', 'published'), undefined);
  });
});

describe('chat rules', () => {
  it('tells the streams and the inbox about a message once, however often it is resent', async () => {
    const shop = await newShop(deps.storage);
    const conversation = await deps.storage.chat.createConversation(shop.id, {});
    const stream: ChatEvent[] = [];
    const inbox: InboxEvent[] = [];
    const unsubscribe = deps.hub.subscribe(shop.id, conversation.id, (event) => stream.push(event));
    const unsubscribeInbox = deps.hub.subscribeInbox(shop.id, (event) => inbox.push(event));
    const message = { clientId: randomUUID(), author: 'visitor' as const, body: 'Hello' };
    const results = await Promise.all([postMessage(deps, conversation, message), postMessage(deps, conversation, message)]);
    await postMessage(deps, conversation, message);
    unsubscribe();
    unsubscribeInbox();
    assert.deepEqual(results.map((result) => result.created).sort(), [false, true]);
    assert.deepEqual(
      stream.map((event) => event.type),
      ['message'],
    );
    assert.deepEqual(
      inbox.map((event) => event.type),
      ['message', 'conversation'],
    );
    const summary = inbox[1];
    assert.ok(summary?.type === 'conversation');
    assert.deepEqual([summary.conversation.lastSeq, summary.conversation.lastMessage?.body], [1, 'Hello']);
  });
});
