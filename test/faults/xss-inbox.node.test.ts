/**
 * The XSS corpus (xss-corpus.ts) through every text and URL field a shopper
 * writes that the agent's inbox shows: the visitor's name, each message, an
 * attachment's file name, the pages the shopper wrote from, an email left
 * while away, and a review's author, title and text. The real inbox page in
 * Chromium opens every section and every conversation with its sidebar: no
 * dialog may open, no shadow root may hold a script element or an `on*`
 * attribute, and every `href`/`src` must be http(s).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../bench/lib/browser.mjs';
import { MAX_LENGTH } from '../../packages/core/src/schemas/index.js';
import { PNG, startTestServer, type TestServer } from '../../packages/server/test/helpers.js';
import { signedInInbox } from '../../packages/server/test/inbox-page.js';
import { chatAs } from '../../packages/server/test/shoppers.js';
import { recordFigures } from '../helpers/figures.js';
import { CORPUS, shadowFindings } from './xss-corpus.js';

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
/** A payload inside an address the server accepts as a page (http(s) only: `javascript:` pages are refused). */
const pageWith = (payload: string) => `https://shop.example/search?q=${encodeURIComponent(payload)}#${payload.replace(/\s/g, '')}`;

/** Writes every payload into every field a shopper fills that the inbox shows; how many fields were filled. */
async function writeCorpus(): Promise<{ fields: number; conversations: string[] }> {
  let fields = 0;
  const conversations: string[] = [];
  for (const [index, payload] of CORPUS.entries()) {
    const name = payload.slice(0, MAX_LENGTH.name);
    const id = await chatAs(server, { name, page: pageWith(payload) }, { message: payload, page: pageWith(payload) });
    conversations.push(id);
    const photo = new FormData();
    photo.set('clientId', randomUUID());
    photo.set('body', payload);
    photo.set('attachment', new File([PNG], `${payload}.png`, { type: 'image/png' }));
    const sent = await server.api(`/chat/conversations/${id}/messages`, { method: 'POST', body: photo });
    assert.equal(sent.status, 201, await sent.text());
    const left = await server.api('/chat/email', {
      method: 'POST',
      body: JSON.stringify({ email: `shopper${index}@example.com`, message: payload }),
    });
    assert.equal(left.status, 201, await left.text());
    const review = new FormData();
    for (const [key, value] of Object.entries({ productId: 'prod-1', rating: '4', title: payload, body: payload, name }))
      review.set(key, value);
    const reviewed = await server.api('/reviews', { method: 'POST', body: review });
    assert.equal(reviewed.status, 201, await reviewed.text());
    fields += 8; // name, start page, message, its page, attachment name, email message, review author, title and text (one form)
  }
  return { fields, conversations };
}

/** The findings in the inbox as it is shown now, named by what is shown. */
async function check(page: Page, shown: string, problems: string[]): Promise<void> {
  for (const finding of await page.evaluate(shadowFindings)) problems.push(`${shown}: ${finding}`);
}

describe('an XSS corpus through every field the inbox shows', () => {
  it('opens no dialog and leaves no script, no on* attribute and no URL but http(s) in any section or conversation', async () => {
    const { fields, conversations } = await writeCorpus();
    const page = await signedInInbox(browser, server.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const problems: string[] = [];
    const list = page.locator(`${app} .list button`);
    await list.first().waitFor();
    await check(page, 'the conversation list', problems);
    // Every conversation, with its thread and the shopper beside it.
    for (let i = 0; i < conversations.length; i++) {
      await list.nth(i).click();
      await page.locator(`${app} .thread .message.visitor`).first().waitFor();
      await page.locator(`${app} .shopper`).first().waitFor();
      await check(page, `conversation ${i + 1}`, problems);
    }
    for (const section of ['Emails', 'Reviews']) {
      await page.getByRole('tab', { name: new RegExp(`^${section}`) }).click();
      await page.locator(`${app} #panel li, ${app} #panel article, ${app} #panel tr`).first().waitFor();
      await check(page, section, problems);
    }
    recordFigures({ suite: 'XSS corpus (inbox)', cases: fields, failures: problems.length + dialogs.length });
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, []);
    await page.context().close();
  });
});
