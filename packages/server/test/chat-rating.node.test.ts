/**
 * How it went: an agent resolves a conversation, the shopper's stream hears
 * `resolved`, the shopper rates it once (1–5, a comment), every inbox sees the
 * rating, and the team report counts conversations, answers, the median first
 * answer and the average rating. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { ConversationList, TeamReport } from '../src/inbox/wire.js';
import { SHOP, openStream, startTestServer, type TestServer } from './helpers.js';
import { axeViolations, signedInInbox } from './inbox-page.js';
import { agentSession } from './inbox-session.js';
import { chatAs } from './shoppers.js';

let server: TestServer;
let sam: Awaited<ReturnType<typeof agentSession>>;
let browser: Browser;
before(async () => {
  server = await startTestServer();
  sam = await agentSession(server);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const rate = (id: string, body: unknown) =>
  server.json<{ error?: { field?: string } }>(`/chat/conversations/${id}/rating`, { method: 'POST', body: JSON.stringify(body) });

describe('a resolved conversation, rated by the shopper', () => {
  it('asks once resolved, keeps the first rating, shows it in the inbox, and counts it in the report', async () => {
    const id = await chatAs(server, { name: 'Ada' }, { message: 'Does the sweater run small?' });
    const answered = await sam.api(`/conversations/${id}/messages`, {
      method: 'POST',
      body: { clientId: randomUUID(), body: 'A little: take one size up.' },
    });
    assert.equal(answered.status, 201);
    const early = await rate(id, { rating: 5 });
    assert.deepEqual([early.status, early.body.error?.field], [409, 'conversationId']);

    const stream = await openStream(`${server.url}/api/v1/chat/conversations/${id}/events?shop=${SHOP}`);
    const resolved = await sam.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'resolved' } });
    assert.equal(resolved.status, 200);
    await stream.next((event) => event.data === JSON.stringify({ type: 'resolved' }));

    const bad = await rate(id, { rating: 6 });
    assert.deepEqual([bad.status, bad.body.error?.field], [400, 'rating']);
    const kept = await rate(id, { rating: 4, comment: 'Quick and kind.' });
    assert.equal(kept.status, 201);
    const again = await rate(id, { rating: 1 });
    assert.deepEqual([again.status, again.body.error?.field], [409, 'rating']);

    const list = ConversationList.parse(await (await sam.api('/conversations?status=resolved')).json());
    const rated = list.conversations.find((conversation) => conversation.id === id);
    assert.deepEqual([rated?.rating, rated?.ratingComment], [4, 'Quick and kind.']);

    const report = TeamReport.parse(await (await sam.api('/report?days=7')).json());
    assert.equal(report.conversations, 1);
    assert.equal(report.answered, 1);
    assert.ok(report.medianFirstResponseSeconds !== undefined && report.medianFirstResponseSeconds >= 0);
    assert.deepEqual([report.ratings, report.averageRating], [1, 4]);
    const period = await sam.api('/report?days=13');
    assert.deepEqual([period.status, (await period.json()).error.field], [400, 'days']);
  });

  it('shows the rating with the thread and the report in the inbox page', async () => {
    const page = await signedInInbox(browser, server.url);
    const app = 'sf-inbox-app';
    await page.locator(`${app} .filters`).getByLabel('Status').selectOption('resolved');
    await page.locator(`${app} .list button`, { hasText: 'A little: take one size up.' }).click();
    await page.locator(`${app} .thread-head .rated`, { hasText: 'Rated 4 / 5: “Quick and kind.”' }).waitFor();
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.locator(`${app} .figures`, { hasText: '4 / 5 (1 ratings)' }).waitFor();
    assert.equal(await page.locator(`${app} .figures dd`).first().textContent(), '1');
    await page.locator(`${app} .report`).getByLabel('Period').selectOption('7');
    await page.locator(`${app} .figures`, { hasText: '4 / 5 (1 ratings)' }).waitFor();
    assert.deepEqual(await axeViolations(page, app), []);
    await page.context().close();
  });
});
