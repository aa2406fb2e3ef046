/** The login throttle on the storage's shared counters (`storage.limits`), as the inbox uses it. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { LoginThrottle, MAX_LOGIN_DELAY_MS } from '../src/inbox/login-throttle.js';
import { openTestStorage, type TestStorage } from './helpers.js';

const limits = { loginsPerIp: 3, loginWindowMs: 60_000 };

// A storage per throttle: the counters are server-wide ('login:all'), so throttles must not share one.
const opened: TestStorage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.dispose()));
});
async function throttle(windowMs = limits.loginWindowMs): Promise<LoginThrottle> {
  const storage = await openTestStorage();
  opened.push(storage);
  return new LoginThrottle(storage.storage.limits, () => ({ ...limits, loginWindowMs: windowMs }));
}

describe('inbox login throttle', async () => {
  it('counts failures only: an agent who signs in again and again is never refused', async () => {
    const logins = await throttle();
    for (let i = 0; i < 20; i++) {
      assert.deepEqual(await logins.check('198.51.100.1', 'sam@shop.example'), { ok: true, delayMs: 0 });
      await logins.succeeded('198.51.100.1', 'sam@shop.example');
    }
  });

  it('refuses one address after its failures for one email, and a success clears them', async () => {
    const logins = await throttle();
    for (let i = 0; i < 2; i++) await logins.failed('198.51.100.1', 'sam@shop.example');
    assert.equal((await logins.check('198.51.100.1', 'sam@shop.example')).ok, true);
    await logins.succeeded('198.51.100.1', 'sam@shop.example');
    for (let i = 0; i < 3; i++) await logins.failed('198.51.100.1', 'Sam@Shop.example ');
    const refused = await logins.check('198.51.100.1', 'sam@shop.example');
    assert.deepEqual(refused, { ok: false, retryAfter: 60 });
  });

  it('refuses one address spraying many emails', async () => {
    const logins = await throttle();
    for (const name of ['a', 'b', 'c']) await logins.failed('203.0.113.5', `${name}@shop.example`);
    assert.equal((await logins.check('203.0.113.5', 'd@shop.example')).ok, false);
  });

  it('never locks the real agent out because others guessed their email from elsewhere: it slows down instead', async () => {
    const logins = await throttle();
    for (let i = 0; i < 30; i++) await logins.failed(`203.0.113.${i}`, 'sam@shop.example');
    const agent = await logins.check('198.51.100.1', 'sam@shop.example');
    assert.equal(agent.ok, true);
    assert.equal(agent.ok && agent.delayMs, MAX_LOGIN_DELAY_MS);
    // The slow-down grows with the failures: the first beyond the limit waits least.
    const early = await throttle();
    for (let i = 0; i < 4; i++) await early.failed(`203.0.113.${i}`, 'sam@shop.example');
    const first = await early.check('198.51.100.1', 'sam@shop.example');
    assert.ok(first.ok && first.delayMs > 0 && first.delayMs < MAX_LOGIN_DELAY_MS, JSON.stringify(first));
  });

  it('slows every login down during a spray across emails from many addresses', async () => {
    const logins = await throttle();
    for (let i = 0; i < 31; i++) await logins.failed(`203.0.${i}.1`, `user${i}@shop.example`);
    const someone = await logins.check('198.51.100.1', 'new@shop.example');
    assert.ok(someone.ok && someone.delayMs > 0, JSON.stringify(someone));
  });

  it('forgets failures when the window ends', async () => {
    const logins = await throttle(1000);
    for (let i = 0; i < 3; i++) await logins.failed('198.51.100.1', 'sam@shop.example');
    assert.equal((await logins.check('198.51.100.1', 'sam@shop.example')).ok, false);
    await sleep(1100);
    assert.deepEqual(await logins.check('198.51.100.1', 'sam@shop.example'), { ok: true, delayMs: 0 });
  });
});
