/**
 * What only a networked database can get wrong: two server instances (two pools)
 * on one Postgres database racing each other. SQLite has one writer at a time by
 * construction, so these run on Postgres only (`SHOPFRONT_TEST_DATABASE_URL`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PostgresStorage, redactedUrl } from '../src/postgres/index.js';
import { freshDatabase, testDatabaseKind, type TestDatabase } from './helpers.js';
import { newShop } from './storage/fixtures.js';

const skip = testDatabaseKind === 'postgres' ? false : 'needs SHOPFRONT_TEST_DATABASE_URL=postgres://… (SQLite has a single writer)';

describe('postgres: two instances on one database', { skip }, () => {
  let dir: string;
  let database: TestDatabase;
  let first: PostgresStorage;
  let second: PostgresStorage;

  before(async () => {
    if (skip) return;
    dir = await mkdtemp(join(tmpdir(), 'shopfront-pg-'));
    database = await freshDatabase(dir);
    assert.equal(database.config.kind, 'postgres');
    const url = database.config.kind === 'postgres' ? database.config.url : '';
    // Both start at once on an empty database: the advisory lock lets one migrate while the other waits.
    [first, second] = await Promise.all([PostgresStorage.open(url), PostgresStorage.open(url)]);
  });
  after(async () => {
    if (skip) return;
    await Promise.all([first?.close(), second?.close()]);
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates once when both start together', async () => {
    assert.equal(await first.schemaVersion(), await second.schemaVersion());
    const { rows } = await first.pool.query('SELECT COUNT(*)::int AS n FROM schema_migrations');
    assert.equal(rows[0].n, await first.schemaVersion());
  });

  it('numbers concurrent sends from both instances distinctly and without gaps', async () => {
    const shop = await newShop(first);
    const conversation = await first.chat.createConversation(shop.id, {});
    const sends = Array.from({ length: 30 }, (_, index) =>
      (index % 2 ? first : second).chat.appendMessage(conversation.id, { clientId: randomUUID(), author: 'visitor', body: `m${index}` }),
    );
    const results = await Promise.all(sends);
    const seqs = results.map((result) => result.message.seq).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    assert.equal((await second.chat.conversation(shop.id, conversation.id))!.lastSeq, 30);
  });

  it('stores a resend racing its original once, from whichever instance', async () => {
    const shop = await newShop(first);
    const conversation = await first.chat.createConversation(shop.id, {});
    const message = { clientId: randomUUID(), author: 'visitor' as const, body: 'twice' };
    const [a, b] = await Promise.all([
      first.chat.appendMessage(conversation.id, message),
      second.chat.appendMessage(conversation.id, message),
    ]);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(a.message.id, b.message.id);
    assert.equal((await first.chat.messagesAfter(conversation.id, 0, 10)).length, 1);
  });

  it('spends points once when two instances redeem at the same moment', async () => {
    const shop = await newShop(first);
    const reward = { id: 'five-off', name: '€5 off', cost: 100, kind: 'amount-off' as const, value: 5 };
    await first.loyalty.replaceSetup(shop.id, { tiers: [], waysToEarn: [], rewards: [reward] });
    for (let round = 0; round < 5; round++) {
      const customerId = `racer-${round}`;
      await first.loyalty.adjustPoints(shop.id, customerId, {
        kind: 'adjust',
        label: 'Start',
        referralCode: `REF-${randomUUID()}`,
        points: () => 150,
      });
      const request = () => ({
        rewardId: reward.id,
        code: `SF-${randomUUID()}`,
        createdAt: new Date().toISOString(),
        expiresAt: new Date().toISOString(),
      });
      const results = await Promise.all([
        first.loyalty.redeem(shop.id, customerId, request()),
        second.loyalty.redeem(shop.id, customerId, request()),
      ]);
      assert.equal(results.filter((result) => result.ok).length, 1, `round ${round}: ${JSON.stringify(results)}`);
      assert.equal((await second.loyalty.member(shop.id, customerId))!.points, 50);
    }
  });

  it('applies concurrent rule-checked changes under the member lock: never below zero', async () => {
    const shop = await newShop(first);
    const customerId = 'spender';
    const change = (delta: number) => ({
      kind: 'adjust' as const,
      label: 'Change',
      referralCode: `REF-${randomUUID()}`,
      // The rule a service passes: take at most what the balance holds.
      points: (balance: number) => (delta < 0 ? -Math.min(balance, -delta) : delta),
    });
    await first.loyalty.adjustPoints(shop.id, customerId, change(100));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? first : second).loyalty.adjustPoints(shop.id, customerId, change(-30))),
    );
    assert.equal(
      results.reduce((total, result) => total + result.applied, 0),
      -100,
    );
    assert.equal((await first.loyalty.member(shop.id, customerId))!.points, 0);
  });

  it('shares rate limits between instances', async () => {
    const key = `shared:${randomUUID()}`;
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 ? first : second).limits.take(key, 4, 60_000)));
    assert.equal(decisions.filter((decision) => decision.ok).length, 4);
  });

  it('describes itself without the password', () => {
    assert.equal(redactedUrl('postgres://shop:s3cret@db.internal:6543/shopfront'), 'postgres://shop@db.internal:6543/shopfront');
    assert.equal(
      redactedUrl('postgres://shop@db/shop?password=s3cret&sslmode=require'),
      'postgres://shop@db/shop?password=&sslmode=require',
    );
    assert.doesNotMatch(first.description, /:[^/@:]*@/);
  });
});
