/**
 * Shopfront as a Shopify app, end to end in Debian's Chromium, on the fixture
 * storefront (support/fixture-storefront.ts): the extension's real app blocks
 * and app embed in a theme of our own, every call through the signed app proxy
 * to the real reference server on SQLite, Shopify's Admin API faked. A logged-in
 * customer views two products, then uses every widget on the second; a
 * redemption makes its code in Shopify; an `orders/paid` webhook awards the
 * order's points and verifies the customer's review.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { adjustPoints } from '../../packages/server/src/services/loyalty.js';
import { agentSession } from '../../packages/server/test/inbox-session.js';
import { deliverShopifyWebhook } from '../../packages/server/test/shopify-webhooks.js';
import { customerHeaders, sign, until } from '../../packages/server/test/helpers.js';
import { openPage, settled, type Watch } from './support/demo-page.js';
import {
  AGENT,
  CUSTOMERS,
  PRODUCTS,
  SESSION_COOKIE,
  STORE,
  startFixtureStorefront,
  type FixtureStorefront,
} from './support/fixture-storefront.js';
import { axeViolations } from './support/story-sweep.js';

const [CUSTOMER_ID] = Object.keys(CUSTOMERS) as [string];
const [SWEATER, MUG] = PRODUCTS as [(typeof PRODUCTS)[0], (typeof PRODUCTS)[0]];
const STARTING_POINTS = 1200;
let storefront: FixtureStorefront;
let browser: Browser;
let agent: Awaited<ReturnType<typeof agentSession>>;

before(async () => {
  storefront = await startFixtureStorefront();
  browser = await launchChromium();
  const { storage } = storefront.server;
  await adjustPoints(storage, storefront.shop.id, CUSTOMER_ID, { points: STARTING_POINTS, label: 'Welcome', kind: 'earn' });
  agent = await agentSession(storefront.server, AGENT);
  const available = await agent.api('/me/availability', { method: 'PUT', body: { availability: 'available' } });
  assert.equal(available.status, 200);
});

after(async () => {
  await browser?.close();
  await storefront?.close();
});

/** The text of a widget's shadow root (the first `tag` on the page), spaces collapsed. */
const shadowText = (page: Page, tag: string) =>
  page.evaluate((name) => (document.querySelector(name)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(), tag);

/** Waits until the loyalty badge shows `points` (as the shopper reads them, thousands separated). */
const badgeShows = (page: Page, points: number) =>
  page.waitForFunction(
    (expected) =>
      (document.querySelector('sf-loyalty-badge')?.shadowRoot?.textContent ?? '').replace(/[,\s\u202f]/g, '').includes(String(expected)),
    points,
  );

/** A logged-in shopper's page on the storefront (the storefront's session cookie names them). */
async function shopperPage(): Promise<{ page: Page; watch: Watch }> {
  const opened = await openPage(browser);
  await opened.page.context().addCookies([{ name: SESSION_COOKIE, value: CUSTOMER_ID, url: storefront.url }]);
  return opened;
}

describe('the Shopify app on a fixture storefront, in Chromium', () => {
  it('every widget works through the app proxy; a redemption makes a Shopify code; orders/paid awards points and verifies the review', async () => {
    const { page, watch } = await shopperPage();
    await page.goto(`${storefront.url}/products/${MUG.handle}`);
    await settled(page);
    await page.goto(`${storefront.url}/products/${SWEATER.handle}`);
    await settled(page);

    // What the page shows before the shopper does anything.
    assert.match(await shadowText(page, 'sf-star-rating'), /\(2\)/, 'the star rating and its count');
    assert.equal(await page.locator('sf-review-feed [part~=review]').count(), 2, 'the two published reviews');
    await badgeShows(page, STARTING_POINTS);
    await page.locator('sf-recently-viewed [part~=card]', { hasText: MUG.title }).waitFor();
    assert.equal(await page.locator('sf-recently-viewed [part~=card]').count(), 1, 'the product on screen is left out');
    assert.deepEqual(await axeViolations(page, 'html'), []);

    // FAQ search answers.
    await page.locator('sf-faq-search input').fill('shiping');
    await page.locator('sf-faq-search [role=option]').first().waitFor();
    // Done with it: Escape closes the answers, which float over what is below.
    await page.locator('sf-faq-search input').press('Escape');
    await page.locator('sf-faq-search [role=option]').first().waitFor({ state: 'hidden' });

    // A review, as the logged-in customer.
    await page.locator('sf-review-feed button', { hasText: 'Write a review' }).click();
    const form = page.locator('sf-review-feed [part~=form]');
    await form.locator('label:has(input[name=rating][value="5"])').click();
    await form.locator('input[name=title]').fill('My favourite');
    await form.locator('textarea[name=body]').fill('I wear it every day of the winter.');
    await form.locator('input[name=name]').fill('Ada');
    await form.locator('[part~=submit-button]').click();
    await page.locator('sf-review-feed', { hasText: 'Thank you!' }).waitFor();
    const theirs = await storefront.server.storage.reviews.exportCustomer(storefront.shop.id, { customerId: CUSTOMER_ID });
    assert.deepEqual(
      theirs.map((review) => [review.title, !!review.verifiedBuyer]),
      [['My favourite', false]],
      "the proxy's signed customer wrote it, not yet verified",
    );

    // Chat: the shopper starts a conversation; the agent answers from the inbox.
    await page.locator('sf-chat-launcher [part~=launcher-button], sf-chat-launcher button').first().click();
    const panel = page.locator('sf-chat-launcher [role=dialog]');
    await panel.waitFor();
    const start = panel.locator('[part~=prechat] button[type=submit]');
    if (await start.isVisible()) await start.click();
    await panel.locator('[part~=input]').fill('Does the sweater run large?');
    await panel.locator('[part~=send-button]').click();
    let conversationId = '';
    await until(async () => {
      const { conversations } = (await (await agent.api('/conversations')).json()) as { conversations: Array<{ id: string }> };
      conversationId = conversations[0]?.id ?? '';
      return conversationId !== '';
    }, 'the conversation in the inbox');
    const reply = await agent.api(`/conversations/${conversationId}/messages`, {
      method: 'POST',
      body: { body: 'Take your usual size.', clientId: randomUUID() },
    });
    assert.equal(reply.status, 201, await reply.text());
    await panel.locator('[part~=bubble]', { hasText: 'Take your usual size.' }).waitFor();
    await page.keyboard.press('Escape');

    // A redemption: the code is made in Shopify for this customer, and the badge shows it.
    await page.locator('sf-loyalty-badge [part~=trigger]').click();
    await page.locator('sf-loyalty-badge #tab-redeem').click();
    const reward = page.locator('sf-loyalty-badge [id^=reward-][id$=-redeem]', { hasText: /./ }).nth(1);
    await reward.click();
    await page.locator('sf-loyalty-badge [id^=reward-][id$=-confirm]').click();
    const code = await page.locator('sf-loyalty-badge #code').inputValue();
    const discount = storefront.shopify.discounts.get(code);
    assert.ok(discount, `Shopify holds ${code}`);
    assert.deepEqual(discount.customers, [`gid://shopify/Customer/${CUSTOMER_ID}`]);
    const member = await storefront.server.json(`/loyalty/member?shop=${storefront.shop.key}`, {
      headers: customerHeaders(CUSTOMER_ID, sign(CUSTOMER_ID, storefront.shop.secret)),
    });
    const cost = STARTING_POINTS - Number(member.body.points);

    // Shopify reports the customer's paid order: its points, and their review verified.
    const order = {
      id: 5550001001,
      email: CUSTOMERS[CUSTOMER_ID]!.email,
      customer: { id: Number(CUSTOMER_ID) },
      currency: 'EUR',
      total_price: '89.00',
      financial_status: 'paid',
      created_at: new Date().toISOString(),
      line_items: [{ product_id: SWEATER.id, quantity: 1, price: '89.00' }],
    };
    const delivered = await deliverShopifyWebhook(storefront.server, STORE, 'orders/paid', JSON.stringify(order));
    assert.equal(delivered.status, 200, await delivered.text());
    await page.reload();
    await settled(page);
    await badgeShows(page, STARTING_POINTS - cost + 89 * 5);
    await page
      .locator('sf-review-feed [part~=review]', { hasText: 'My favourite' })
      .locator('[part~=badge]', { hasText: 'Verified buyer' })
      .waitFor();

    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.violations, []);
    await page.close();
  });
});
