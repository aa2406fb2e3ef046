/**
 * Email end to end through a real SMTP server on loopback, read back with
 * mailparser: the review request after fulfilment with its signed links, the
 * agent's answer to a shopper who left an email, the transcript on request,
 * one-click unsubscribe, an SMTP server that is down for a while, two senders
 * on one database, and the outbox. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AddressObject, ParsedMail } from 'mailparser';
import { configFromEnv } from '../src/config.js';
import { EmailQueue } from '../src/email/queue.js';
import { smtpTransport } from '../src/email/transport.js';
import { reviewLinkOrder } from '../src/services/email.js';
import { deliverOrder } from './orders.js';
import { startTestServer, until, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';
import { startSmtp, type TestSmtp } from './smtp.js';

let smtp: TestSmtp;
let server: TestServer;
before(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ smtpUrl: smtp.url });
});
after(async () => {
  await server.stop();
  await smtp.stop();
});

const address = () => `${randomUUID().slice(0, 8)}@example.com`;
const recipient = (mail: ParsedMail) => (mail.to as AddressObject).value[0]?.address;
const mailsTo = (email: string) => smtp.mails.filter((mail) => recipient(mail) === email);
/** A header as it was sent (mailparser turns `List-*` headers into a structure of its own). */
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((candidate) => candidate.key === name)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
};
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

const jobsTo = async (email: string) => (await server.storage.email.list(server.shop!.id, 200)).filter((job) => job.to === email);

async function conversationWithMessage(body = 'Do you ship to Norway?') {
  const conversation = await server.json('/chat/conversations', { method: 'POST', body: JSON.stringify({}) });
  const id = conversation.body.id as string;
  await server.api(`/chat/conversations/${id}/messages`, { method: 'POST', body: JSON.stringify({ clientId: randomUUID(), body }) });
  return id;
}

describe('the review request', () => {
  it('follows a fulfilled order once, in the shopper’s language, with a signed link per product and one-click unsubscribe', async () => {
    const email = address();
    const orderId = `order-${randomUUID().slice(0, 8)}`;
    assert.equal((await deliverOrder(server, { id: orderId, email: email.toUpperCase(), locale: 'de-AT' })).status, 200);
    await until(() => mailsTo(email).length === 1, 'the email');
    const mail = mailsTo(email)[0]!;
    assert.equal(mail.subject, 'Wie war Ihre Bestellung bei Harbour & Co.?');
    assert.match(mail.text ?? '', new RegExp(`Bestellung #${orderId}`));
    assert.equal(header(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(header(mail, 'list-unsubscribe'), /^<http:\/\/127\.0\.0\.1:\d+\/email\/unsubscribe\?shop=pk_demo&token=[\w.-]+>$/);
    const links = [...(mail.text ?? '').matchAll(/https?:\/\/\S+sf_review=([\w.-]+)#reviews/g)];
    assert.equal(links.length, 2, 'one per product');
    assert.deepEqual(
      links.map((link) => reviewLinkOrder(server.shop!, link[1]!)),
      [
        { orderId, productId: 'prod-1', email },
        { orderId, productId: 'prod-2', email },
      ],
    );
    assert.match(String(mail.html), /href="http:\/\/127\.0\.0\.1:\d+\/products\/[\w-]+\?sf_review=/);
    assert.equal(
      reviewLinkOrder(
        server.shop!,
        links[0]![1]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
      undefined,
      'tampered',
    );

    // Delivered again (a retry, or the same order's next update): the same email, never a second one.
    await deliverOrder(server, { id: orderId, email, locale: 'de-AT' });
    await server.deps.email.round();
    assert.equal(mailsTo(email).length, 1);
    assert.equal((await jobsTo(email)).length, 1);
  });

  it('is not sent once its order is refunded or cancelled', async () => {
    const email = address();
    const orderId = `order-${randomUUID().slice(0, 8)}`;
    // Queued for later (a shop waiting the default 7 days), then the order is cancelled before then.
    await server.storage.shops.upsert({
      key: server.shop!.key,
      secret: server.shop!.secret,
      name: server.shop!.name,
      settings: { ...server.shop!.settings, email: { reviewRequestDays: 7 } },
    });
    server.deps.shops.invalidate();
    try {
      await deliverOrder(server, { id: orderId, email });
      assert.deepEqual(
        (await jobsTo(email)).map((job) => job.status),
        ['queued'],
      );
      await deliverOrder(server, { id: orderId, email, status: 'cancelled' });
      assert.deepEqual(
        (await jobsTo(email)).map((job) => [job.status, job.lastError]),
        [['skipped', 'The order was cancelled.']],
      );
      await server.deps.email.round(later(8 * 24 * 60));
      assert.equal(mailsTo(email).length, 0);
    } finally {
      await server.storage.shops.upsert({
        key: server.shop!.key,
        secret: server.shop!.secret,
        name: server.shop!.name,
        settings: server.shop!.settings,
      });
      server.deps.shops.invalidate();
    }
  });

  it('is not sent for an order that is only paid, or has no email', async () => {
    const email = address();
    await deliverOrder(server, { email, status: 'paid' });
    await deliverOrder(server, { status: 'fulfilled' });
    assert.deepEqual(await jobsTo(email), []);
  });
});

describe('unsubscribing', () => {
  it('asks on the page, unsubscribes with one click, and stops the next email', async () => {
    const email = address();
    await deliverOrder(server, { email });
    await until(() => mailsTo(email).length === 1, 'the email');
    const link = /^<(.+)>$/.exec(header(mailsTo(email)[0]!, 'list-unsubscribe'))![1]!;

    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post">/);
    assert.equal(await server.storage.email.isUnsubscribed(server.shop!.id, email), false, 'opening the link changes nothing');
    const tampered = await fetch(link.replace('token=', 'token=x'));
    assert.equal(tampered.status, 400);

    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    assert.equal(await server.storage.email.isUnsubscribed(server.shop!.id, email), true);
    assert.match(await (await fetch(link)).text(), /You are unsubscribed/);

    await deliverOrder(server, { email });
    await server.deps.email.round();
    assert.equal((await jobsTo(email)).length, 1, 'nothing more is queued');
    assert.equal(mailsTo(email).length, 1);
  });

  it('skips an email queued before the address unsubscribed', async () => {
    const email = address();
    const conversationId = await conversationWithMessage();
    // Queued now, sent only once due: it is still waiting when the shopper unsubscribes.
    await server.storage.email.enqueue(server.shop!.id, {
      key: `test:${randomUUID()}`,
      kind: 'transcript',
      to: email,
      from: 'Shop <shop@example.com>',
      subject: 'Later',
      text: 'Later',
      html: '<p>Later</p>',
      headers: {},
      messageId: `<${randomUUID()}@example.com>`,
      sendAfter: new Date(Date.now() + 3600_000).toISOString(),
      createdAt: new Date().toISOString(),
    });
    await server.storage.email.unsubscribe(server.shop!.id, email, new Date().toISOString());
    assert.ok(conversationId);
    const result = await server.deps.email.round(later(61));
    assert.ok(result.skipped >= 1);
    assert.deepEqual(
      (await jobsTo(email)).map((job) => job.status),
      ['skipped'],
    );
    assert.equal(mailsTo(email).length, 0);
  });
});

describe('answers by email', () => {
  it('sends the agent’s answer to the shopper who left an email while away, once, with a way back', async () => {
    const email = address();
    const conversationId = await conversationWithMessage();
    const left = await server.api('/chat/email', {
      method: 'POST',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
      body: JSON.stringify({ email, conversationId, message: 'Please answer by email' }),
    });
    assert.equal(left.status, 201);
    const agent = await agentSession(server);
    const reply = { clientId: randomUUID(), body: 'Yes, we ship to Norway <in 3 days>.' };
    for (let i = 0; i < 2; i++) {
      const sent = await agent.api(`/conversations/${conversationId}/messages`, { method: 'POST', body: reply });
      assert.equal(sent.status, i === 0 ? 201 : 200);
    }
    await until(() => mailsTo(email).length === 1, 'the email');
    await server.deps.email.round();
    assert.equal(mailsTo(email).length, 1, 'a resend of the reply is the same email');
    const mail = mailsTo(email)[0]!;
    assert.equal(mail.subject, 'Harbour & Co. a répondu à votre message');
    assert.match(mail.text ?? '', /> Yes, we ship to Norway <in 3 days>\./);
    assert.match(String(mail.html), /Yes, we ship to Norway &#60;in 3 days&#62;\./, 'escaped in HTML');
    assert.match(mail.text ?? '', /https:\/\/shop\.example\/\?sf_chat=open/);

    const quiet = await conversationWithMessage();
    await agent.api(`/conversations/${quiet}/messages`, { method: 'POST', body: { clientId: randomUUID(), body: 'Hello' } });
    await server.deps.email.round();
    assert.equal((await server.storage.email.list(server.shop!.id, 200)).filter((job) => job.key.includes(quiet)).length, 0);
  });

  it('emails the transcript on request: asked twice with nothing new, sent once', async () => {
    const email = address();
    const conversationId = await conversationWithMessage('Where is my parcel?');
    await server.agentSays(conversationId, 'It left our warehouse today.');
    for (let i = 0; i < 2; i++) {
      const asked = await server.api(`/chat/conversations/${conversationId}/transcript`, {
        method: 'POST',
        body: JSON.stringify({ email, locale: 'es' }),
      });
      assert.equal(asked.status, 202);
    }
    await until(() => mailsTo(email).length === 1, 'the email');
    await server.deps.email.round();
    assert.equal(mailsTo(email).length, 1);
    const mail = mailsTo(email)[0]!;
    assert.equal(mail.subject, 'Tu conversación con Harbour & Co.');
    assert.match(mail.text ?? '', /Tú \([^)]+\):\nWhere is my parcel\?/);
    assert.match(mail.text ?? '', /Sam \([^)]+\):\nIt left our warehouse today\./);

    const bad = await server.json(`/chat/conversations/${conversationId}/transcript`, {
      method: 'POST',
      body: JSON.stringify({ email: 'not an address' }),
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'email');
    const unknown = await server.api(`/chat/conversations/${randomUUID()}/transcript`, { method: 'POST', body: JSON.stringify({ email }) });
    assert.equal(unknown.status, 404);
  });
});

describe('the queue', () => {
  it('keeps emails while the SMTP server is down and sends each once it is back', async () => {
    const email = address();
    await smtp.stop();
    try {
      const conversationId = await conversationWithMessage();
      await server.api(`/chat/conversations/${conversationId}/transcript`, { method: 'POST', body: JSON.stringify({ email }) });
      await until(async () => (await jobsTo(email))[0]?.lastError !== undefined, 'the failed attempt');
      const [waiting] = await jobsTo(email);
      assert.deepEqual([waiting?.status, waiting?.attempts], ['queued', 1]);
      assert.ok(Date.parse(waiting!.nextAttemptAt) > Date.now() + 50_000, 'a minute later');
      assert.equal((await server.deps.email.round()).sent, 0, 'not before its next attempt');
    } finally {
      await smtp.start();
    }
    assert.equal((await server.deps.email.round(later(2))).sent, 1);
    assert.equal(mailsTo(email).length, 1);
    assert.deepEqual(
      (await jobsTo(email)).map((job) => [job.status, job.attempts]),
      [['sent', 2]],
    );
  });

  it('gives each email to one sender when two instances send from one database', async () => {
    const emails = Array.from({ length: 12 }, address);
    for (const email of emails) {
      await server.storage.email.enqueue(server.shop!.id, {
        key: `test:${email}`,
        kind: 'transcript',
        to: email,
        from: 'Shop <shop@example.com>',
        subject: 'Hello',
        text: 'Hello',
        html: '<p>Hello</p>',
        headers: {},
        messageId: `<${randomUUID()}@example.com>`,
        sendAfter: new Date(Date.now() + 3600_000).toISOString(),
        createdAt: new Date().toISOString(),
      });
    }
    const senders = [0, 1].map(() => new EmailQueue(server.storage, smtpTransport(smtp.url)));
    const rounds = await Promise.all(senders.map((sender) => sender.round(later(61))));
    await Promise.all(senders.map((sender) => sender.stop()));
    assert.ok(rounds.reduce((sum, round) => sum + round.sent, 0) >= 12);
    for (const email of emails) assert.equal(mailsTo(email).length, 1, email);
  });
});

describe('the outbox', () => {
  it('lists every email with its status for the shop’s agents', async () => {
    const agent = await agentSession(server);
    const outbox = await (await agent.api('/outbox')).json();
    assert.equal(outbox.sending, true);
    assert.ok(outbox.emails.some((email: { status: string; kind: string }) => email.status === 'sent' && email.kind === 'review-request'));
    assert.equal((await fetch(`${server.url}/inbox/api/outbox`)).status, 401);
  });

  it('keeps the emails there when the server has no SMTP settings', async () => {
    const quiet = await startTestServer();
    try {
      const email = address();
      await deliverOrder(quiet, { email });
      const outbox = await (await (await agentSession(quiet)).api('/outbox')).json();
      assert.equal(outbox.sending, false);
      assert.deepEqual(
        outbox.emails.map((entry: { to: string; status: string; attempts: number }) => [entry.to, entry.status, entry.attempts]),
        [[email, 'queued', 0]],
      );
    } finally {
      await quiet.stop();
    }
  });
});

describe('SHOPFRONT_SMTP_URL', () => {
  it('must be an smtp:// or smtps:// URL', () => {
    assert.throws(() => configFromEnv({ SHOPFRONT_SMTP_URL: 'http://mail.example.com' }), /SHOPFRONT_SMTP_URL must be an smtp:\/\//);
    assert.throws(() => configFromEnv({ SHOPFRONT_SMTP_URL: 'not a url' }), /SHOPFRONT_SMTP_URL/);
    assert.equal(configFromEnv({ SHOPFRONT_SMTP_URL: 'smtps://u:p@mail.example.com' }).smtpUrl, 'smtps://u:p@mail.example.com');
  });
});
