/**
 * Two agents of one shop in two browsers (Chromium contexts): one takes a
 * conversation, the other's lists follow live (mine, unassigned, everyone's),
 * a snooze moves it out of both open lists, and a resolve by keyboard; axe
 * finds nothing with the thread's controls shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox, tabTo } from './inbox-page.js';
import { anotherAgent } from './inbox-session.js';
import { chatAs } from './shoppers.js';

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

const app = 'sf-inbox-app';
const entry = (page: Page, text: string) => page.locator(`${app} .list button`, { hasText: text });
const showing = (page: Page, label: 'Whose' | 'Status', option: string) =>
  page.locator(`${app} .filters`).getByLabel(label).selectOption(option);

describe('a team in the inbox', () => {
  it('assigns, filters mine and unassigned, snoozes and resolves, live in the other agent’s inbox', async () => {
    const kim = await anotherAgent(server, 'Kim');
    await chatAs(server, { name: 'Team talk' }, { message: 'Who can help me?' });
    const [samPage, kimPage] = await Promise.all([signedInInbox(browser, server.url), signedInInbox(browser, server.url, { agent: kim })]);

    await entry(kimPage, 'Who can help me?').click();
    await kimPage.locator(`${app} .thread-controls`).getByLabel('Assigned to').selectOption({ label: 'Kim' });
    // Sam's list, live: everyone's shows whose it is; unassigned and mine do not have it.
    await entry(samPage, 'Kim').waitFor();
    // The only conversation is Kim's: Sam's unassigned and mine are empty.
    await showing(samPage, 'Whose', 'unassigned');
    await samPage.getByText('No conversations here.').waitFor();
    await showing(samPage, 'Whose', 'me');
    await entry(samPage, 'Who can help me?').waitFor({ state: 'detached' });
    await samPage.getByText('No conversations here.').waitFor();
    await showing(kimPage, 'Whose', 'me');
    await entry(kimPage, 'Who can help me?').waitFor();
    await showing(samPage, 'Whose', 'all');
    await entry(samPage, 'Who can help me?').waitFor();

    await entry(kimPage, 'Who can help me?').click();
    assert.deepEqual(await axeViolations(kimPage, app), []);
    await kimPage.locator(`${app} form.snooze`).getByRole('button', { name: 'Snooze' }).click();
    await kimPage.locator(`${app} .thread-controls [role=status]`, { hasText: 'Snoozed until' }).waitFor();
    // Out of both open lists; there under "Snoozed".
    await samPage.getByText('No conversations here.').waitFor();
    await showing(samPage, 'Status', 'snoozed');
    await entry(samPage, 'Who can help me?').waitFor();

    // Resolved by keyboard alone.
    await tabTo(kimPage, 'Resolve');
    await kimPage.keyboard.press('Enter');
    await kimPage.locator(`${app} .thread-controls [role=status]`, { hasText: 'Resolved' }).waitFor();
    await samPage.getByText('No conversations here.').waitFor();
    await showing(samPage, 'Status', 'resolved');
    await entry(samPage, 'Who can help me?').waitFor();
    assert.deepEqual(await axeViolations(samPage, app), []);
    await Promise.all([samPage.context().close(), kimPage.context().close()]);
  });
});
