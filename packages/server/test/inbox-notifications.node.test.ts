/**
 * An agent hears of a shopper's message when it is theirs to answer
 * (unassigned, or assigned to them): a desktop notification once they allowed
 * them, the unread count in the tab's title, and a sound they can turn on. Two
 * agents in two Chromium contexts; notifications granted to one of them. And
 * the shopper's typing, shown with the thread.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { openStream, startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox } from './inbox-page.js';
import { agentSession, anotherAgent } from './inbox-session.js';
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

/** Records the notifications the page raises (each still made by the browser's own Notification). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const raised: Array<{ title: string; body: string; tag: string }> = [];
    (window as unknown as { raised: typeof raised }).raised = raised;
    window.Notification = class extends Real {
      constructor(title: string, options: NotificationOptions = {}) {
        super(title, options);
        raised.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
      }
    } as typeof Notification;
  });
  await page.reload();
  await page.locator(`${app} header`).waitFor();
}

const raised = (page: Page) => page.evaluate(() => (window as unknown as { raised: unknown[] }).raised);
const titleIs = (page: Page, title: string) => page.waitForFunction((expected) => document.title === expected, title);

async function say(conversationId: string, body: string): Promise<void> {
  const sent = await server.api(`/chat/conversations/${conversationId}/messages`, {
    method: 'POST',
    body: JSON.stringify({ clientId: randomUUID(), body }),
  });
  assert.equal(sent.status, 201, await sent.text());
}

const typingNotice = (conversationId: string, active: boolean) =>
  server.api(`/chat/conversations/${conversationId}/typing`, { method: 'POST', body: JSON.stringify({ active }) });

describe('a shopper typing', () => {
  it('reaches every agent’s inbox as it starts and stops; refused for no such conversation or a body without `active`', async () => {
    const kim = await agentSession(server);
    const stream = await openStream(`${server.url}/inbox/api/events`, { cookie: kim.cookie });
    const id = await chatAs(server, { name: 'Bo' }, { message: 'Hi' });
    const started = await typingNotice(id, true);
    assert.deepEqual([started.status, await started.json()], [202, { ok: true }]);
    await stream.next((event) => event.data === JSON.stringify({ type: 'typing', conversationId: id, active: true }));
    assert.equal((await typingNotice(id, false)).status, 202);
    await stream.next((event) => event.data === JSON.stringify({ type: 'typing', conversationId: id, active: false }));

    const unknown = await typingNotice(randomUUID(), true);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.field, 'conversationId');
    const bad = await server.api(`/chat/conversations/${id}/typing`, { method: 'POST', body: JSON.stringify({ active: 'yes' }) });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.field, 'active');
    // Answered: it leaves the unread counts of the next test.
    assert.equal((await kim.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'resolved' } })).status, 200);
  });
});

describe('inbox notifications', () => {
  it('notifies and counts in the title for what is the agent’s to answer, and keeps the sound setting', async () => {
    const kim = await anotherAgent(server, 'Kim');
    const [sam, kimPage] = await Promise.all([
      signedInInbox(browser, server.url, { permissions: ['notifications'] }),
      signedInInbox(browser, server.url, { agent: kim }),
    ]);
    await recordNotifications(sam);
    const title = await sam.title();
    // Allowed already: nothing to turn on. Kim has not been asked yet: the button asks.
    assert.equal(await sam.locator(`${app} header`).getByRole('button', { name: 'Turn on notifications' }).count(), 0);
    await kimPage.locator(`${app} header`).getByRole('button', { name: 'Turn on notifications' }).waitFor();

    const id = await chatAs(server, { name: 'Ada' }, { message: 'Is the sweater in stock?' });
    // Unassigned: everyone's to answer.
    await titleIs(sam, `(1) ${title}`);
    await titleIs(kimPage, `(1) ${title}`);
    assert.deepEqual(await raised(sam), [{ title: 'Ada wrote', body: 'Is the sweater in stock?', tag: id }]);

    // Kim takes it: no longer Sam's to answer, so Sam's title drops it and Sam hears of nothing more.
    await kimPage.locator(`${app} .list button`, { hasText: 'Is the sweater in stock?' }).click();
    await kimPage.locator(`${app} .thread-controls`).getByLabel('Assigned to').selectOption({ label: 'Kim' });
    await titleIs(sam, title);
    // Kim has it open and reads it: Kim's title is clear too.
    await titleIs(kimPage, title);
    await kimPage.getByRole('tab', { name: /Emails/ }).click(); // Kim looks elsewhere
    await say(id, 'Size M, please');
    await titleIs(kimPage, `(1) ${title}`);
    assert.equal((await raised(sam)).length, 1);
    // Back on the conversation: what arrived meanwhile is read, and the title clears.
    await kimPage.getByRole('tab', { name: /Conversations/ }).click();
    await titleIs(kimPage, title);

    // The shopper types: Kim sees it with the thread, until their message arrives.
    const typing = kimPage.locator(`${app} .thread .typing`);
    await typingNotice(id, true);
    await typing.filter({ hasText: 'Ada is typing…' }).waitFor();
    await say(id, 'Or L if M is gone');
    await typing.filter({ hasText: 'is typing' }).waitFor({ state: 'detached' });

    // The sound: off by default, on once ticked, and still on after a reload.
    const sound = sam.locator(`${app} header`).getByLabel('Sound');
    assert.equal(await sound.isChecked(), false);
    await sound.check();
    await sam.reload();
    assert.equal(await sam.locator(`${app} header`).getByLabel('Sound').isChecked(), true);
    assert.deepEqual(await axeViolations(sam, app), []);
    await Promise.all([sam.context().close(), kimPage.context().close()]);
  });
});
