/**
 * The inbox's shopper sidebar in Chromium: a consenting signed customer shows
 * their tier, orders and recently viewed products; a guest who did not consent
 * has them withheld, said so; an earlier conversation opens from the sidebar by
 * keyboard alone; axe finds nothing, on a desktop and a phone-sized screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox, tabTo } from './inbox-page.js';
import { PAGE, chatAs, regularCustomer } from './shoppers.js';

let server: TestServer;
let browser: Browser;
before(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const sidebar = (page: Page) => page.locator('sf-inbox-app aside.shopper[aria-labelledby]');

describe('the shopper beside the conversation', () => {
  it('shows a consenting customer, withholds a guest’s viewed products, and opens an earlier conversation by keyboard', async () => {
    const customer = await regularCustomer(server);
    await chatAs(
      server,
      { name: 'Ada', email: customer.email, customerId: customer.customerId, page: PAGE.start, viewed: ['prod-3'] },
      { customerId: customer.customerId, page: PAGE.now, message: 'Where is my sweater?' },
    );
    await chatAs(server, { name: 'Guest Gus', page: PAGE.start }, { message: 'Just browsing' });
    const { body: viewedProduct } = await server.json<{ products: Array<{ title: string }> }>('/products?ids=prod-3');
    const page = await signedInInbox(browser, server.url);

    await tabTo(page, 'Where is my sweater?');
    await page.keyboard.press('Enter');
    const aside = sidebar(page);
    await aside.getByText('Signed-in customer').waitFor();
    const text = (await aside.textContent())!.replace(/\s+/g, ' ');
    assert.match(text, /Navigator · 995 points/);
    assert.match(text, new RegExp(`#B-${customer.customerId}`));
    assert.match(text, /Orders \(2\)/);
    assert.ok(text.includes(viewedProduct.products[0]!.title), 'the viewed product, by its title');
    assert.match(text, /shop\.example\/cart/);
    assert.deepEqual(await axeViolations(page, 'sf-inbox-app'), []);

    // The earlier conversation, from the sidebar, by keyboard.
    await tabTo(page, '· open');
    await page.keyboard.press('Enter');
    await page.locator('sf-inbox-app .messages > li', { hasText: 'Do you ship to Norway?' }).waitFor();

    await page.locator('sf-inbox-app .list button', { hasText: 'Just browsing' }).click();
    await aside.getByText('Guest', { exact: true }).waitFor();
    const guest = (await aside.textContent())!.replace(/\s+/g, ' ');
    assert.match(guest, /Withheld: the shopper has not consented to sharing the products they viewed\./);
    assert.match(guest, /Guests have no loyalty account\./);
    assert.deepEqual(await axeViolations(page, 'sf-inbox-app'), []);
    await page.context().close();
  });

  it('fits a phone-sized screen with no sideways scrolling and no axe violation', async () => {
    const page = await signedInInbox(browser, server.url, { viewport: { width: 375, height: 740 } });
    await page.locator('sf-inbox-app .list button', { hasText: 'Just browsing' }).click();
    await sidebar(page).getByText('Guest', { exact: true }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the screen');
    assert.deepEqual(await axeViolations(page, 'sf-inbox-app'), []);
    await page.context().close();
  });
});
