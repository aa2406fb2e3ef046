/**
 * A referral end to end, in Debian's Chromium against the demo shop: the
 * advocate's link from the loyalty badge, the friend's visit through it (the
 * loader keeps the code in the shop's first-party cookie), the friend's first
 * order carrying that code as the shop's checkout sends it, and the advocate's
 * points arriving in their badge. Then the friend's second order, which
 * credits nothing more.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../packages/server/src/index.js';
import { DEMO_CUSTOMER } from '../../packages/server/src/demo/catalogue.js';
import { signCustomer } from '../../packages/server/src/identity.js';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { openPage, settled } from './support/demo-page.js';

const SECRET = 'referral-test-secret-0123456789';
let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'shopfront-referral-'));

before(async () => {
  if (!existsSync('dist/cdn/shopfront.js'))
    execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
  server = await startServer({ port: 0, dataDir, demo: { secret: SECRET }, log: () => {} });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The advocate as their badge sees them. */
async function advocate(): Promise<{ points: number; referralUrl: string }> {
  const response = await fetch(`${server.url}/api/v1/loyalty/member?shop=pk_demo`, {
    headers: { 'x-shopfront-customer': DEMO_CUSTOMER.id, 'x-shopfront-customer-signature': signCustomer(SECRET, DEMO_CUSTOMER.id) },
  });
  return (await response.json()) as { points: number; referralUrl: string };
}

/** What the shop's checkout sends when the friend pays: the order, with the code their visit kept. */
async function friendOrders(id: string, referralCode: string | undefined) {
  const body = JSON.stringify({
    id,
    customerId: 'friend-1',
    email: 'friend@example.com',
    status: 'paid',
    currency: 'EUR',
    total: 40,
    lines: [{ productId: 'prod-1', quantity: 1, price: 40 }],
    createdAt: new Date().toISOString(),
    ...(referralCode ? { referralCode } : {}),
  });
  const response = await fetch(`${server.url}/api/v1/webhooks/orders?shop=pk_demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopfront-hmac-sha256': createHmac('sha256', SECRET).update(body).digest('base64') },
    body,
  });
  assert.equal(response.status, 200, await response.text());
}

describe('a referral in Chromium', () => {
  it('advocate link → friend’s visit → order with the code → the advocate’s points in their badge', async () => {
    const before = await advocate();
    const link = new URL(before.referralUrl);
    assert.equal(link.origin, new URL(server.url).origin, "the demo shop's own site");
    const code = link.searchParams.get('sf_ref');
    assert.ok(code);

    // The friend follows the link, in a browser of their own.
    const friend = await openPage(browser);
    await friend.page.goto(link.toString());
    await settled(friend.page);
    await friend.page.waitForFunction(() => document.cookie.includes('sf_ref='));
    const kept = (await friend.page.context().cookies()).find((cookie) => cookie.name === 'sf_ref');
    assert.equal(kept?.value, code);
    assert.equal(kept?.sameSite, 'Lax');
    assert.ok(kept!.expires > Date.now() / 1000 + 29 * 86400, 'kept for 30 days');
    // The friend browses on: the code stays without the parameter.
    await friend.page.goto(`${server.url}/faq`);
    assert.equal((await friend.page.context().cookies()).find((cookie) => cookie.name === 'sf_ref')?.value, code);
    assert.deepEqual(friend.watch.errors, []);
    assert.deepEqual(friend.watch.violations, []);
    await friend.page.close();

    await friendOrders('friend-order-1', kept!.value);

    // The advocate opens their account: the referral's points are in the badge.
    const { page, watch } = await openPage(browser);
    await page.goto(`${server.url}/account`);
    await settled(page);
    const expected = before.points + 200;
    await page.waitForFunction(
      (points) => (document.querySelector('sf-loyalty-badge')!.shadowRoot!.textContent ?? '').replace(/,/g, '').includes(`${points}`),
      expected,
    );
    assert.equal((await advocate()).points, expected);

    // The friend's second order credits nothing more: one credit per friend, for their first order.
    await friendOrders('friend-order-2', kept!.value);
    assert.equal((await advocate()).points, expected);
    assert.deepEqual(watch.errors, []);
    await page.close();
  });
});
