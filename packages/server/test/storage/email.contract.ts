import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { NewEmailJob } from '../../src/storage/index.js';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const T0 = '2024-05-01T10:00:00.000Z';
const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();

const job = (extra: Partial<NewEmailJob> = {}): NewEmailJob => ({
  key: `review-request:${randomUUID()}`,
  kind: 'review-request',
  to: 'Ada@Example.com',
  from: 'Shop <shop@example.com>',
  subject: 'How was it?',
  text: 'Tell us',
  html: '<p>Tell us</p>',
  headers: { 'List-Unsubscribe': '<https://shop.example/u>' },
  messageId: `<${randomUUID()}@shop.example>`,
  sendAfter: T0,
  createdAt: T0,
  ...extra,
});

export function emailContract(open: OpenStorage): void {
  describe('email', () => {
    const storage = useStorage(open);

    it('enqueues a key once, however often and however concurrently it is asked for', async () => {
      const shop = await newShop(storage());
      const first = job();
      const results = await Promise.all([first, first, { ...first, subject: 'Other' }].map((j) => storage().email.enqueue(shop.id, j)));
      assert.deepEqual(results.map((r) => r.created).sort(), [false, false, true]);
      assert.equal(new Set(results.map((r) => r.job.id)).size, 1);
      const [stored] = await storage().email.list(shop.id, 10);
      assert.equal(stored?.to, 'ada@example.com', 'lower-cased');
      assert.deepEqual(
        [stored?.status, stored?.attempts, stored?.nextAttemptAt, stored?.headers, stored?.kind],
        ['queued', 0, T0, first.headers, 'review-request'],
      );
      // Another shop's key is its own.
      const other = await newShop(storage());
      assert.equal((await storage().email.enqueue(other.id, first)).created, true);
    });

    it('claims only what is due, each job for one claimer, and a lapsed lease again', async () => {
      const shop = await newShop(storage());
      const now = await storage().email.enqueue(shop.id, job({ sendAfter: minutes(-1) }));
      const later = await storage().email.enqueue(shop.id, job({ sendAfter: minutes(60) }));
      // Other shops' jobs may be due too (the suite shares one database): only this shop's are looked at.
      const mine = <T extends { shopId: number }>(jobs: T[]) => jobs.filter((j) => j.shopId === shop.id);
      const claims = await Promise.all([0, 1, 2].map(() => storage().email.claim(minutes(0), minutes(5), 100)));
      const claimed = claims.flatMap(mine);
      assert.deepEqual(
        claimed.map((j) => j.id),
        [now.job.id],
        'the due job, once',
      );
      assert.deepEqual([claimed[0]?.status, claimed[0]?.attempts, claimed[0]?.leaseUntil], ['sending', 1, minutes(5)]);
      assert.deepEqual(mine(await storage().email.claim(minutes(4), minutes(9), 100)), [], 'leased');
      const again = mine(await storage().email.claim(minutes(5), minutes(10), 100));
      assert.deepEqual(
        again.map((j) => [j.id, j.attempts]),
        [[now.job.id, 2]],
        'the lease ran out: its sender stopped',
      );
      // The first claimer finishing late changes nothing: the job was claimed again since.
      assert.equal(await storage().email.finish(claimed[0]!, { status: 'sent', at: minutes(6) }), false);
      assert.equal(await storage().email.finish(again[0]!, { status: 'sent', at: minutes(6) }), true);
      assert.equal(await storage().email.finish(again[0]!, { status: 'sent', at: minutes(7) }), false, 'once');
      const sent = (await storage().email.list(shop.id, 10)).find((j) => j.id === now.job.id);
      assert.deepEqual([sent?.status, sent?.sentAt, sent?.leaseUntil], ['sent', minutes(6), undefined]);
      assert.deepEqual(mine(await storage().email.claim(minutes(30), minutes(35), 100)), [], 'sent is never claimed again');
      assert.deepEqual(
        mine(await storage().email.claim(minutes(60), minutes(65), 100)).map((j) => j.id),
        [later.job.id],
      );
    });

    it('puts a failed attempt back for later, or gives up, keeping the error', async () => {
      const shop = await newShop(storage());
      const { job: queued } = await storage().email.enqueue(shop.id, job());
      const mine = async (at: string) => (await storage().email.claim(at, minutes(100), 100)).filter((j) => j.shopId === shop.id);
      const [attempt] = await mine(minutes(0));
      await storage().email.finish(attempt!, { status: 'queued', nextAttemptAt: minutes(2), error: 'connect ECONNREFUSED' });
      let stored = (await storage().email.list(shop.id, 1))[0]!;
      assert.deepEqual(
        [stored.status, stored.nextAttemptAt, stored.lastError, stored.attempts],
        ['queued', minutes(2), 'connect ECONNREFUSED', 1],
      );
      assert.deepEqual(await mine(minutes(1)), [], 'not before its next attempt');
      const [second] = await mine(minutes(2));
      assert.equal(second?.id, queued.id);
      await storage().email.finish(second!, { status: 'failed', error: '550 no such user' });
      stored = (await storage().email.list(shop.id, 1))[0]!;
      assert.deepEqual([stored.status, stored.lastError, stored.attempts], ['failed', '550 no such user', 2]);
      assert.deepEqual(await mine(minutes(1000)), []);
    });

    it('cancels a job only while it waits', async () => {
      const shop = await newShop(storage());
      const waiting = await storage().email.enqueue(shop.id, job({ key: 'waiting', sendAfter: minutes(60) }));
      await storage().email.enqueue(shop.id, job({ key: 'sent' }));
      const [claimed] = (await storage().email.claim(minutes(0), minutes(5), 100)).filter((j) => j.shopId === shop.id);
      await storage().email.finish(claimed!, { status: 'sent', at: minutes(1) });
      assert.equal(await storage().email.cancel(shop.id, 'waiting', 'The order was refunded.'), true);
      assert.equal(await storage().email.cancel(shop.id, 'waiting', 'Again'), false);
      assert.equal(await storage().email.cancel(shop.id, 'sent', 'Too late'), false);
      assert.equal(await storage().email.cancel(shop.id, 'unknown', 'None'), false);
      const byKey = new Map((await storage().email.list(shop.id, 10)).map((j) => [j.key, j]));
      assert.deepEqual([byKey.get('waiting')?.status, byKey.get('waiting')?.lastError], ['skipped', 'The order was refunded.']);
      assert.equal(byKey.get('sent')?.status, 'sent');
      assert.deepEqual(
        (await storage().email.claim(minutes(61), minutes(66), 100)).filter((j) => j.id === waiting.job.id),
        [],
      );
    });

    it('lists a shop’s jobs newest first', async () => {
      const shop = await newShop(storage());
      for (const n of [1, 3, 2]) await storage().email.enqueue(shop.id, job({ key: `k${n}`, createdAt: minutes(n) }));
      assert.deepEqual(
        (await storage().email.list(shop.id, 2)).map((j) => j.key),
        ['k3', 'k2'],
      );
    });

    it('remembers an unsubscribed address, whatever its case, per shop', async () => {
      const shop = await newShop(storage());
      const other = await newShop(storage());
      assert.equal(await storage().email.isUnsubscribed(shop.id, 'ada@example.com'), false);
      assert.equal(await storage().email.unsubscribe(shop.id, 'Ada@Example.com', T0), true);
      assert.equal(await storage().email.unsubscribe(shop.id, 'ada@example.com', T0), false);
      assert.equal(await storage().email.isUnsubscribed(shop.id, 'ADA@example.com'), true);
      assert.equal(await storage().email.isUnsubscribed(other.id, 'ada@example.com'), false);
    });

    it('exports and erases the jobs to an address, whatever their status, and keeps its unsubscribe', async () => {
      const shop = await newShop(storage());
      const sent = await storage().email.enqueue(shop.id, job({ createdAt: minutes(-2) }));
      await storage().email.enqueue(shop.id, job({ to: 'ada@EXAMPLE.com', kind: 'transcript', createdAt: minutes(-1) }));
      await storage().email.enqueue(shop.id, job({ to: 'xada@example.com' }));
      await storage().email.unsubscribe(shop.id, 'ada@example.com', minutes(3));
      const ada = { customerId: 'cust-1', email: 'Ada@Example.com' };

      const exported = await storage().email.exportCustomer(shop.id, ada);
      assert.deepEqual(
        exported.jobs.map((found) => [found.kind, found.to]),
        [
          ['review-request', 'ada@example.com'],
          ['transcript', 'ada@example.com'],
        ],
      );
      assert.equal(exported.jobs[0]?.id, sent.job.id);
      assert.equal(exported.unsubscribedAt, minutes(3));
      assert.deepEqual(
        await storage().email.exportCustomer(shop.id, { customerId: 'cust-1' }),
        { jobs: [] },
        'jobs carry only the address',
      );

      assert.deepEqual(await storage().email.eraseCustomer(shop.id, ada), { jobs: 2, unsubscribed: true });
      assert.deepEqual(await storage().email.eraseCustomer(shop.id, ada), { jobs: 0, unsubscribed: true });
      assert.deepEqual(await storage().email.exportCustomer(shop.id, ada), { jobs: [], unsubscribedAt: minutes(3) });
      assert.equal(await storage().email.isUnsubscribed(shop.id, 'ada@example.com'), true, 'never emailed again');
      assert.deepEqual(
        (await storage().email.list(shop.id, 10)).map((found) => found.to),
        ['xada@example.com'],
      );
      assert.deepEqual(await storage().email.eraseCustomer(shop.id, { email: 'nobody@example.com' }), { jobs: 0, unsubscribed: false });
    });
  });
}
