/**
 * Writes that race: 100 redemptions of one balance at once, 50 sends of one
 * chat message (one client id) at once, and 100 different messages from two
 * shoppers into one conversation at once. Each answer is checked, then the
 * database itself: a balance never below zero, each won redemption a stored
 * code, the ledger summing to the balance, one row per client id, sequence
 * numbers without gaps. Counts what was lost or stored twice for the figures.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redemption, RewardList } from '@shopfront/core/schemas.js';
import { SECRET, customerHeaders, startTestServer, type TestServer } from '../../packages/server/test/helpers.js';
import type { SqliteStorage } from '../../packages/server/src/sqlite/index.js';
import { recordFigures } from '../helpers/figures.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

/** The database the server writes, read directly: what was really stored, not what was answered. */
function database() {
  const storage = server.storage as unknown as Partial<SqliteStorage>;
  assert.ok(storage.db, 'these checks read the SQLite file (run without SHOPFRONT_TEST_DATABASE_URL)');
  return storage.db;
}

const demoShopId = () => database().prepare("SELECT id FROM shops WHERE key = 'pk_demo'").pluck().get() as number;

describe('100 concurrent redemptions of one balance', () => {
  it('spend each point once: never below zero, a stored code for every success, the ledger summing to the balance', async () => {
    const customer = `racer-${randomUUID()}`;
    const headers = customerHeaders(customer);
    const rewards = RewardList.parse((await server.json('/loyalty/rewards')).body).rewards;
    const reward = rewards.reduce((cheapest, candidate) => (candidate.cost < cheapest.cost ? candidate : cheapest));
    // Joining gives the signup points; top up to ten rewards and a half.
    const joined = (await server.json('/loyalty/member', { headers })).body.points as number;
    const start = 10 * reward.cost + Math.floor(reward.cost / 2);
    const topUp = await server.json('/admin/loyalty/points', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ customerId: customer, points: start - joined, label: 'Race fund' }),
    });
    assert.equal(topUp.status, 200, JSON.stringify(topUp.body));

    const attempts = await Promise.all(
      Array.from({ length: 100 }, () => server.json(`/loyalty/rewards/${reward.id}/redeem`, { method: 'POST', headers })),
    );
    const won = attempts.filter((attempt) => attempt.status === 201).map((attempt) => Redemption.parse(attempt.body));
    const unexpected = attempts.filter((attempt) => attempt.status !== 201 && attempt.status !== 409);

    const db = database();
    const stored = db
      .prepare('SELECT code, points_after FROM redemptions WHERE shop_id = ? AND customer_id = ?')
      .all(demoShopId(), customer) as Array<{ code: string; points_after: number }>;
    const storedCodes = new Set(stored.map((row) => row.code));
    const lost = won.filter((redemption) => !storedCodes.has(redemption.code)).length;
    const duplicated = stored.length - new Set(won.map((redemption) => redemption.code)).size;
    const balance = db.prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?').pluck().get(demoShopId(), customer);
    const ledger = db
      .prepare('SELECT COALESCE(SUM(points), 0) FROM loyalty_activity WHERE shop_id = ? AND customer_id = ?')
      .pluck()
      .get(demoShopId(), customer);
    recordFigures({
      suite: 'Concurrency: 100 redemptions, one balance',
      cases: attempts.length,
      failures: unexpected.length + (won.length === 10 ? 0 : 1),
      lost,
      duplicated: Math.max(duplicated, 0),
      serverErrors: attempts.filter((attempt) => attempt.status >= 500).length,
    });

    assert.deepEqual(unexpected, [], 'every attempt wins (201) or finds too few points (409)');
    assert.equal(won.length, 10, `${start} points buy ten ${reward.cost}-point rewards`);
    assert.ok(won.every((redemption) => /^SF-[A-Z2-9]{10}$/.test(redemption.code)));
    assert.equal(new Set(won.map((redemption) => redemption.code)).size, 10, 'ten different codes');
    // Each success saw its own balance: 10 steps down from the start, none below zero.
    assert.deepEqual(
      won.map((redemption) => redemption.points).sort((a, b) => b - a),
      Array.from({ length: 10 }, (_, i) => start - (i + 1) * reward.cost),
    );
    assert.deepEqual([lost, stored.length], [0, 10], 'every code answered is stored, once');
    assert.equal(balance, start - 10 * reward.cost);
    assert.equal(ledger, balance, 'the activity sums to the balance');
    assert.equal((await server.json('/loyalty/member', { headers })).body.points, balance);
  });
});

describe('concurrent chat sends', () => {
  const startConversation = async () => (await server.json('/chat/conversations', { method: 'POST', body: '{}' })).body.id as string;
  const send = (conversationId: string, clientId: string, body: string, visitor?: string) =>
    server.json(`/chat/conversations/${conversationId}/messages`, { method: 'POST', body: JSON.stringify({ clientId, body }), visitor });
  const rows = (conversationId: string) =>
    database().prepare('SELECT client_id, seq, body FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as Array<{
      client_id: string;
      seq: number;
      body: string;
    }>;

  it('stores 50 concurrent sends of one client id once, and answers each with that message', async () => {
    const conversation = await startConversation();
    const clientId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(conversation, clientId, 'Only once')));
    const stored = rows(conversation);
    const unexpected = answers.filter((answer) => answer.status !== 201 && answer.status !== 200);
    recordFigures({
      suite: 'Concurrency: 50 duplicate sends',
      cases: answers.length,
      failures: unexpected.length,
      lost: stored.length === 0 ? 1 : 0,
      duplicated: Math.max(stored.length - 1, 0),
      serverErrors: answers.filter((answer) => answer.status >= 500).length,
    });
    assert.deepEqual(unexpected, []);
    assert.equal(answers.filter((answer) => answer.status === 201).length, 1, 'one send stores it; the others find it');
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
    assert.deepEqual(stored, [{ client_id: clientId, seq: 1, body: 'Only once' }]);
  });

  it('stores 100 concurrent messages from two shoppers each once, numbered without gaps', async () => {
    const conversation = await startConversation();
    const shoppers = [await server.visitor(), await server.visitor()];
    const sent = Array.from({ length: 100 }, (_, i) => ({ clientId: randomUUID(), body: `Message ${i}`, visitor: shoppers[i % 2]! }));
    const answers = await Promise.all(sent.map((message) => send(conversation, message.clientId, message.body, message.visitor)));
    const stored = rows(conversation);
    const storedIds = stored.map((row) => row.client_id);
    const acknowledged = sent.filter((_, i) => answers[i]!.status === 201);
    recordFigures({
      suite: 'Concurrency: 100 messages, two shoppers',
      cases: sent.length,
      failures: sent.length - acknowledged.length,
      lost: acknowledged.filter((message) => !storedIds.includes(message.clientId)).length,
      duplicated: storedIds.length - new Set(storedIds).size,
      serverErrors: answers.filter((answer) => answer.status >= 500).length,
    });
    assert.equal(acknowledged.length, 100, 'every message acknowledged with 201');
    assert.deepEqual(new Set(storedIds), new Set(sent.map((message) => message.clientId)));
    assert.equal(storedIds.length, 100);
    assert.deepEqual(
      stored.map((row) => row.seq),
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    // Each answer carries the sequence number its message is stored under.
    const seqOf = new Map(stored.map((row) => [row.client_id, row.seq]));
    assert.ok(sent.every((message, i) => answers[i]!.body.seq === seqOf.get(message.clientId)));
  });
});
