/**
 * The inbox in Chromium with a long conversation: every message shows, past
 * the server's page of 1,000, and after a dropped connection the inbox asks
 * only for what came after the last message it shows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../bench/lib/browser.mjs';
import { startTestServer, type TestServer } from './helpers.js';
import { signedInInbox } from './inbox-page.js';

const LONG = 1050;
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

async function conversationWith(count: number): Promise<string> {
  const { body: conversation } = await server.json<{ id: string }>('/chat/conversations', {
    method: 'POST',
    body: JSON.stringify({ name: 'Long talker' }),
  });
  for (let start = 1; start <= count; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - start + 1) }, (_, index) => say(conversation.id, `message ${start + index}`)),
    );
  }
  return conversation.id;
}

async function say(conversationId: string, body: string): Promise<void> {
  const response = await server.json(`/chat/conversations/${conversationId}/messages`, {
    method: 'POST',
    body: JSON.stringify({ clientId: randomUUID(), body }),
  });
  assert.equal(response.status, 201);
}

describe('the inbox with a long conversation', () => {
  it('shows every message past the first page, and resumes after a dropped connection from the last one', async () => {
    const conversationId = await conversationWith(LONG);
    const page = await signedInInbox(browser, server.url);
    const historyCalls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith(`/conversations/${conversationId}/messages`) && request.method() === 'GET') historyCalls.push(url.search);
    });
    const messages = page.locator('sf-inbox-app .messages > li');
    await page.locator('sf-inbox-app .list button', { hasText: 'Long talker' }).click();
    await page.waitForFunction(
      (count) => document.querySelector('sf-inbox-app')!.shadowRoot!.querySelectorAll('.messages > li').length === count,
      LONG,
    );
    // Sends made at once are numbered in the order they take the conversation's lock (on a
    // networked database not always the order they were made): the last shown is number LONG.
    const { body: tail } = await server.json<{ messages: Array<{ body: string }> }>(
      `/chat/conversations/${conversationId}/messages?after=${LONG - 1}`,
    );
    assert.match((await messages.last().textContent()) ?? '', new RegExp(`${tail.messages[0]!.body}\\b`));
    assert.deepEqual(historyCalls.slice(0, 2), ['?after=0', '?after=1000']);

    historyCalls.length = 0;
    assert.ok(server.dropStreams() >= 1);
    await say(conversationId, 'while the inbox was away');
    await page.waitForFunction(
      (count) => document.querySelector('sf-inbox-app')!.shadowRoot!.querySelectorAll('.messages > li').length === count,
      LONG + 1,
    );
    // After the last message shown: LONG, or LONG + 1 when the live event won the race.
    const resumedAfter = Number(/^\?after=(\d+)$/.exec(historyCalls[0] ?? '')?.[1]);
    assert.ok(resumedAfter >= LONG, `the reconnect reads only what came after the last message shown (${historyCalls[0]})`);
    const texts = await messages.allTextContents();
    assert.equal(new Set(texts).size, texts.length, 'no message twice');
    await page.context().close();
  });
});
