import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginThrottle, MAX_LOGIN_DELAY_MS } from '../src/inbox/login-throttle.js';
import { RateLimiter } from '../src/rate-limit.js';

const limits = { loginsPerIp: 3, loginWindowMs: 60_000 };
const throttle = (now = () => 0) => new LoginThrottle(new RateLimiter(now), () => limits);

describe('inbox login throttle', () => {
  it('counts failures only: an agent who signs in again and again is never refused', () => {
    const logins = throttle();
    for (let i = 0; i < 20; i++) {
      assert.deepEqual(logins.check('198.51.100.1', 'sam@shop.example'), { ok: true, delayMs: 0 });
      logins.succeeded('198.51.100.1', 'sam@shop.example');
    }
  });

  it('refuses one address after its failures for one email, and a success clears them', () => {
    const logins = throttle();
    for (let i = 0; i < 2; i++) logins.failed('198.51.100.1', 'sam@shop.example');
    assert.equal(logins.check('198.51.100.1', 'sam@shop.example').ok, true);
    logins.succeeded('198.51.100.1', 'sam@shop.example');
    for (let i = 0; i < 3; i++) logins.failed('198.51.100.1', 'Sam@Shop.example ');
    const refused = logins.check('198.51.100.1', 'sam@shop.example');
    assert.deepEqual(refused, { ok: false, retryAfter: 60 });
  });

  it('refuses one address spraying many emails', () => {
    const logins = throttle();
    for (const name of ['a', 'b', 'c']) logins.failed('203.0.113.5', `${name}@shop.example`);
    assert.equal(logins.check('203.0.113.5', 'd@shop.example').ok, false);
  });

  it('never locks the real agent out because others guessed their email from elsewhere: it slows down instead', () => {
    const logins = throttle();
    for (let i = 0; i < 30; i++) logins.failed(`203.0.113.${i}`, 'sam@shop.example');
    const agent = logins.check('198.51.100.1', 'sam@shop.example');
    assert.equal(agent.ok, true);
    assert.equal(agent.ok && agent.delayMs, MAX_LOGIN_DELAY_MS);
    // The slow-down grows with the failures: the first beyond the limit waits least.
    const early = throttle();
    for (let i = 0; i < 4; i++) early.failed(`203.0.113.${i}`, 'sam@shop.example');
    const first = early.check('198.51.100.1', 'sam@shop.example');
    assert.ok(first.ok && first.delayMs > 0 && first.delayMs < MAX_LOGIN_DELAY_MS, JSON.stringify(first));
  });

  it('slows every login down during a spray across emails from many addresses', () => {
    const logins = throttle();
    for (let i = 0; i < 31; i++) logins.failed(`203.0.${i}.1`, `user${i}@shop.example`);
    const someone = logins.check('198.51.100.1', 'new@shop.example');
    assert.ok(someone.ok && someone.delayMs > 0, JSON.stringify(someone));
  });

  it('forgets failures when the window ends', () => {
    let time = 0;
    const logins = throttle(() => time);
    for (let i = 0; i < 3; i++) logins.failed('198.51.100.1', 'sam@shop.example');
    assert.equal(logins.check('198.51.100.1', 'sam@shop.example').ok, false);
    time = 60_001;
    assert.deepEqual(logins.check('198.51.100.1', 'sam@shop.example'), { ok: true, delayMs: 0 });
  });
});
