/**
 * Saved replies in Chromium: written in their tab, then inserted in a reply
 * with the `/` shortcut by keyboard alone, the shopper's first name and order
 * number filled in, and nothing sent until the agent sends it; axe finds
 * nothing with the list of replies open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox } from './inbox-page.js';
import { chatAs, regularCustomer } from './shoppers.js';

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

describe('saved replies in the inbox', () => {
  it('inserts one with / and its placeholders filled, and sends only when the agent does', async () => {
    const customer = await regularCustomer(server);
    const id = await chatAs(
      server,
      { name: 'Ada Lovelace', email: customer.email, customerId: customer.customerId },
      { customerId: customer.customerId, message: 'Has my parcel left?' },
    );
    const page = await signedInInbox(browser, server.url);
    const app = page.locator('sf-inbox-app');

    await app.getByRole('tab', { name: 'Saved replies' }).click();
    await app.getByLabel('Title').fill('Shipped');
    await app.getByLabel('Reply', { exact: true }).fill('Hi {first_name}, order {order_number} left our warehouse today.');
    await app.getByRole('button', { name: 'Save reply' }).click();
    await app.locator('.cards li', { hasText: 'Shipped' }).waitFor();
    await app.getByLabel('Title').fill('Greeting');
    await app.getByLabel('Reply', { exact: true }).fill('Hello {first_name}!');
    await app.getByRole('button', { name: 'Save reply' }).click();
    await app.locator('.cards li', { hasText: 'Greeting' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'sf-inbox-app'), []);

    await app.getByRole('tab', { name: /Conversations/ }).click();
    await app.locator('.list button', { hasText: 'Has my parcel left?' }).click();
    await app.locator('aside.shopper[aria-labelledby]').getByText('Signed-in customer').waitFor();
    const field = app.locator('#reply-body');
    await field.focus();
    await page.keyboard.type('Sure! /');
    const options = app.locator('#saved-reply-options').getByRole('option');
    await options.nth(1).waitFor();
    assert.equal(await field.getAttribute('aria-controls'), 'saved-reply-options');
    assert.deepEqual(await axeViolations(page, 'sf-inbox-app'), []);
    await page.keyboard.type('shi');
    await options.filter({ hasText: 'Shipped' }).waitFor();
    assert.equal(await options.count(), 1);
    await page.keyboard.press('Enter');
    assert.equal(await field.inputValue(), `Sure! Hi Ada, order B-${customer.customerId} left our warehouse today.`);
    assert.equal(await options.count(), 0, 'the list closes');
    const stored = async () => (await server.json(`/chat/conversations/${id}/messages`)).body.messages.length as number;
    assert.equal(await stored(), 1, 'inserting sent nothing');

    await page.keyboard.press('Enter');
    await app.locator('.messages > li.agent', { hasText: 'left our warehouse today' }).waitFor();
    assert.equal(await stored(), 2);
    await page.context().close();
  });
});
