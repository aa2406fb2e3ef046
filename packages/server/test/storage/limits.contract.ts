import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { useStorage, type OpenStorage } from './fixtures.js';

/** A key no other test touches: the counters are global, not per shop. */
const key = () => `contract:${randomUUID()}`;

export function limitsContract(open: OpenStorage): void {
  describe('limits', () => {
    const storage = useStorage(open);

    it('counts hits in a window and refuses past the limit, with the seconds left', async () => {
      const limits = storage().limits;
      const name = key();
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await limits.take(name, 3, 60_000));
      assert.deepEqual(
        decisions.map((decision) => decision.ok),
        [true, true, true, false],
      );
      for (const { retryAfter } of decisions) assert.ok(retryAfter >= 59 && retryAfter <= 60, String(retryAfter));
      // Refused hits stop counting: a flood leaves the count at limit + 1.
      for (let i = 0; i < 5; i++) await limits.take(name, 3, 60_000);
      assert.equal(await limits.count(name), 4);
      assert.ok((await limits.retryAfter(name)) >= 59);
    });

    it('keeps keys apart, and knows nothing of a key never hit', async () => {
      const limits = storage().limits;
      const [a, b] = [key(), key()];
      await limits.take(a, 1, 60_000);
      assert.equal((await limits.take(b, 1, 60_000)).ok, true);
      assert.equal(await limits.count(key()), 0);
      assert.equal(await limits.retryAfter(key()), 1);
    });

    it('forgets a cleared key', async () => {
      const limits = storage().limits;
      const name = key();
      await limits.take(name, 1, 60_000);
      assert.equal((await limits.take(name, 1, 60_000)).ok, false);
      await limits.clear(name);
      assert.equal(await limits.count(name), 0);
      assert.equal((await limits.take(name, 1, 60_000)).ok, true);
    });

    it('starts a new window once the last one ended', async () => {
      const limits = storage().limits;
      const name = key();
      assert.equal((await limits.take(name, 1, 150)).ok, true);
      assert.equal((await limits.take(name, 1, 150)).ok, false);
      await sleep(250);
      assert.equal(await limits.count(name), 0, 'an ended window counts nothing');
      assert.equal((await limits.take(name, 1, 150)).ok, true);
      assert.equal(await limits.count(name), 1);
    });

    it('counts concurrent hits exactly: of 20 at once with a limit of 5, five pass', async () => {
      const limits = storage().limits;
      const name = key();
      const decisions = await Promise.all(Array.from({ length: 20 }, () => limits.take(name, 5, 60_000)));
      assert.equal(decisions.filter((decision) => decision.ok).length, 5);
      assert.equal(await limits.count(name), 6);
    });

    it('counts without a limit to speak of, as login failures do', async () => {
      const limits = storage().limits;
      const name = key();
      for (let i = 0; i < 3; i++) assert.equal((await limits.take(name, Number.MAX_SAFE_INTEGER, 60_000)).ok, true);
      assert.equal(await limits.count(name), 3);
    });
  });
}
