import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ActivityList, LoyaltyMember, LoyaltyProgram, Redemption, RewardList } from '@shopfront/core/schemas.js';
import { SECRET, customerHeaders, sign, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const DEMO = 'demo-customer-1';
const admin = (points: number, customerId: string) =>
  server.json('/admin/loyalty/points', {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ customerId, points, label: 'Order #1' }),
  });

describe('programme and rewards', () => {
  it('lists three tiers, ways to earn and absolute links', async () => {
    const { status, body } = await server.json('/loyalty/program');
    assert.equal(status, 200);
    const program = LoyaltyProgram.parse(body);
    assert.equal(program.tiers.length, 3);
    assert.ok(program.waysToEarn.some((way) => way.kind === 'review'));
    assert.match(program.signupUrl!, /^http:\/\/127\.0\.0\.1:\d+\/account$/);
  });

  it('lists five rewards', async () => {
    const { body } = await server.json('/loyalty/rewards');
    assert.equal(RewardList.parse(body).rewards.length, 5);
  });
});

describe('member', () => {
  it('is a guest without a customer, or with an unsigned one', async () => {
    assert.deepEqual((await server.json('/loyalty/member')).body, { status: 'guest' });
    assert.deepEqual((await server.json('/loyalty/member', { headers: { 'x-shopfront-customer': DEMO } })).body, { status: 'guest' });
  });

  it('trusts a customer id whose signature verifies', async () => {
    const { status, body } = await server.json('/loyalty/member', { headers: customerHeaders(DEMO) });
    assert.equal(status, 200);
    const member = LoyaltyMember.parse(body);
    assert.equal(member.status, 'member');
    if (member.status !== 'member') return;
    assert.equal(member.firstName, 'Amelia');
    assert.equal(member.points, 725);
    assert.equal(member.lifetimePoints, 1225);
    assert.equal(member.tier?.id, 'navigator');
    assert.equal(member.nextTier?.id, 'captain');
    assert.equal(member.pointsToNextTier, 275);
    assert.match(member.referralUrl!, /^https:\/\/shop\.example\/\?sf_ref=[A-Z2-9]{10}$/, "the shop's own site");
  });

  it('refuses a wrong signature with 401', async () => {
    const forged = await server.json('/loyalty/member', { headers: customerHeaders(DEMO, sign(DEMO, 'another-secret')) });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error.field, 'customer.signature');
    const other = await server.json('/loyalty/member', { headers: customerHeaders('someone-else', sign(DEMO)) });
    assert.equal(other.status, 401);
  });

  it('accepts a signature for a day after it was made, and refuses it afterwards', async () => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = await server.json('/loyalty/member', { headers: customerHeaders(DEMO, sign(DEMO, undefined, now - 23 * 3600)) });
    assert.equal(fresh.status, 200);
    const stale = await server.json('/loyalty/member', { headers: customerHeaders(DEMO, sign(DEMO, undefined, now - 25 * 3600)) });
    assert.equal(stale.status, 401);
    assert.equal(stale.body.error.field, 'customer.signature');
    assert.match(stale.body.error.message, /expired/);
    const future = await server.json('/loyalty/member', { headers: customerHeaders(DEMO, sign(DEMO, undefined, now + 3600)) });
    assert.equal(future.status, 401, 'made an hour in the future');
    // Round one's signature, a static HMAC of the id, worked for ever once captured.
    const timeless = createHmac('sha256', SECRET).update(DEMO).digest('hex');
    assert.equal((await server.json('/loyalty/member', { headers: customerHeaders(DEMO, timeless) })).status, 401);
    // Moving the time on a captured signature breaks its HMAC.
    const moved = sign(DEMO, undefined, now - 25 * 3600).replace(/^\d+/, String(now));
    assert.equal((await server.json('/loyalty/member', { headers: customerHeaders(DEMO, moved) })).status, 401);
    const malformed = await server.json('/loyalty/member', { headers: customerHeaders(DEMO, 'zz') });
    assert.equal(malformed.status, 401);
  });

  it('is a member with the signup points, once, when the shop signed a new customer', async () => {
    const { body } = await server.json('/loyalty/member', { headers: customerHeaders('brand-new') });
    assert.deepEqual(
      { status: body.status, points: body.points, tier: body.tier?.id },
      { status: 'member', points: 100, tier: 'deckhand' },
    );
    assert.equal((await server.json('/loyalty/member', { headers: customerHeaders('brand-new') })).body.points, 100);
  });

  it('shows history newest first, and none to a guest', async () => {
    const { body } = await server.json('/loyalty/activity', { headers: customerHeaders(DEMO) });
    const { activity } = ActivityList.parse(body);
    assert.equal(activity.length, 7);
    assert.equal(activity[0]!.kind, 'redeem');
    assert.deepEqual((await server.json('/loyalty/activity')).body, { activity: [] });
  });
});

describe('redemption', () => {
  it('needs a signed-in member (401), a known reward (404) and enough points (409)', async () => {
    const guest = await server.json('/loyalty/rewards/five-off/redeem', { method: 'POST' });
    assert.equal(guest.status, 401);
    const unknown = await server.json('/loyalty/rewards/nope/redeem', { method: 'POST', headers: customerHeaders(DEMO) });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'rewardId');
    const poor = await server.json('/loyalty/rewards/twenty-off/redeem', { method: 'POST', headers: customerHeaders('brand-new') });
    assert.equal(poor.status, 409);
    assert.equal(poor.body.error.field, 'points');
  });

  it('spends points for a single-use code and records it', async () => {
    await admin(1000, 'redeemer');
    const { status, body } = await server.json('/loyalty/rewards/five-off/redeem', {
      method: 'POST',
      headers: customerHeaders('redeemer'),
    });
    assert.equal(status, 201);
    const redemption = Redemption.parse(body);
    assert.match(redemption.code, /^SF-[A-Z2-9]{10}$/);
    assert.equal(redemption.points, 500);
    const member = await server.json('/loyalty/member', { headers: customerHeaders('redeemer') });
    assert.equal(member.body.points, 500);
    assert.equal(member.body.lifetimePoints, 1000, 'spending does not lower the tier');
    const activity = await server.json('/loyalty/activity', { headers: customerHeaders('redeemer') });
    assert.deepEqual(activity.body.activity[0], { ...activity.body.activity[0], kind: 'redeem', points: -500, label: '€5 off your order' });
  });

  it('lets concurrent redemptions spend each point once', async () => {
    await admin(1000, 'racer');
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.json('/loyalty/rewards/free-shipping/redeem', { method: 'POST', headers: customerHeaders('racer') }),
      ),
    );
    const won = attempts.filter((attempt) => attempt.status === 201);
    assert.equal(won.length, 3, '1000 points buy three 300-point rewards');
    assert.ok(attempts.every((attempt) => attempt.status === 201 || attempt.status === 409));
    assert.equal(new Set(won.map((attempt) => attempt.body.code)).size, 3);
    assert.deepEqual(
      won.map((attempt) => attempt.body.points).sort((a, b) => b - a),
      [700, 400, 100],
    );
    assert.equal((await server.json('/loyalty/member', { headers: customerHeaders('racer') })).body.points, 100);
  });

  it('marks a code used once through the admin API', async () => {
    await admin(300, 'shopper');
    const { body } = await server.json('/loyalty/rewards/free-shipping/redeem', { method: 'POST', headers: customerHeaders('shopper') });
    const use = (code: string) =>
      server.json(`/admin/codes/${code}/use`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
    assert.equal((await use(body.code)).status, 200);
    assert.equal((await use(body.code)).status, 409);
    assert.equal((await use('SF-UNKNOWN')).status, 404);
  });
});

describe('admin API', () => {
  it('needs the shop secret', async () => {
    const missing = await server.json('/admin/loyalty/points', {
      method: 'POST',
      body: JSON.stringify({ customerId: 'x', points: 5, label: 'x' }),
    });
    assert.equal(missing.status, 401);
    const wrong = await server.json('/admin/loyalty/points', {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
      body: JSON.stringify({ customerId: 'x', points: 5, label: 'x' }),
    });
    assert.equal(wrong.status, 401);
  });

  it('never takes a balance below zero', async () => {
    await admin(50, 'small');
    const { body } = await admin(-500, 'small');
    assert.equal(body.points, 0);
  });

  it('answers 400 naming the field for a bad change', async () => {
    const { status, body } = await server.json('/admin/loyalty/points', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ customerId: 'x', points: 1.5, label: 'x' }),
    });
    assert.equal(status, 400);
    assert.equal(body.error.field, 'points');
  });
});
