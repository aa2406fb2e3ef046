/**
 * A customer's data export and erasure through the admin API: a customer with
 * an order and its refund, a review with a photo, points and a redemption, a
 * conversation with messages and an attachment, a left email, email jobs and
 * an unsubscribe, next to a customer whose id and email look alike. On SQLite
 * and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CustomerErasure, CustomerExport } from '../src/api/schemas.js';
import { PNG, SECRET, customerHeaders, sendWebhook, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const admin = { authorization: `Bearer ${SECRET}` };
const PRODUCT = 'prod-5';

const webhook = async (path: string, payload: Record<string, unknown>) => {
  const response = await sendWebhook(server, path, payload);
  assert.equal(response.status, 200, `${path}: ${await response.text()}`);
};

/** Everything a customer can leave behind, through the routes a shop and its shoppers use. */
async function seed(customerId: string, email: string) {
  const orderId = `order-${randomUUID().slice(0, 8)}`;
  // Fulfilled: the order queues a review request email to the address.
  await webhook('/webhooks/orders', {
    id: orderId,
    customerId,
    email: email.toUpperCase(),
    status: 'fulfilled',
    currency: 'EUR',
    total: 40,
    lines: [{ productId: PRODUCT, quantity: 2, price: 20 }],
    createdAt: '2026-11-30T10:00:00Z',
  });
  await webhook('/webhooks/refunds', { orderId, id: `refund-${orderId}`, amount: 5, createdAt: '2026-12-01T10:00:00Z' });

  const form = new FormData();
  for (const [key, value] of Object.entries({ productId: PRODUCT, rating: '5', title: 'Great', body: `By ${email}`, name: 'Ada', email })) {
    form.set(key, value);
  }
  form.append('photos', new File([PNG], 'p.png', { type: 'image/png' }));
  const review = await server.json('/reviews', { method: 'POST', body: form, headers: customerHeaders(customerId) });
  assert.equal(review.status, 201);

  const points = await server.api('/admin/loyalty/points', {
    method: 'POST',
    visitor: null,
    headers: admin,
    body: JSON.stringify({ customerId, points: 5000, label: 'Welcome gift' }),
  });
  assert.equal(points.status, 200);
  const rewards = (await server.json('/loyalty/rewards')).body.rewards as Array<{ id: string }>;
  assert.equal(
    (await server.api(`/loyalty/rewards/${rewards[0]!.id}/redeem`, { method: 'POST', headers: customerHeaders(customerId) })).status,
    201,
  );

  const conversation = await server.json('/chat/conversations', {
    method: 'POST',
    headers: customerHeaders(customerId),
    body: JSON.stringify({ name: 'Ada', email }),
  });
  const conversationId = conversation.body.id as string;
  for (const body of ['Hello', 'Is it in stock?']) {
    await server.api(`/chat/conversations/${conversationId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body }),
    });
  }
  const attached = new FormData();
  attached.set('clientId', randomUUID());
  attached.set('body', 'A photo of it');
  attached.set('attachment', new File([PNG], 'it.png', { type: 'image/png' }));
  const attachment = await server.json(`/chat/conversations/${conversationId}/messages`, { method: 'POST', body: attached });
  assert.equal(attachment.status, 201);
  // Left in another conversation, with the address only: still theirs.
  const other = await server.json('/chat/conversations', { method: 'POST', body: JSON.stringify({}) });
  assert.equal(
    (
      await server.api('/chat/email', {
        method: 'POST',
        body: JSON.stringify({ email, message: 'Call me back', conversationId: other.body.id }),
      })
    ).status,
    201,
  );
  await server.storage.email.unsubscribe(server.shop!.id, email, '2026-12-02T10:00:00.000Z');
  return {
    orderId,
    review: review.body.review as { id: string; photos: Array<{ url: string; thumbnailUrl: string }> },
    conversationIds: [conversationId, other.body.id as string],
    attachmentUrl: attachment.body.attachment.url as string,
  };
}

const exported = async (query: string) => {
  const { status, body } = await server.json(`/admin/customers/export?${query}`, { visitor: null, headers: admin });
  assert.equal(status, 200, JSON.stringify(body));
  return CustomerExport.parse(body);
};
const erase = (body: unknown, headers: Record<string, string> = admin) =>
  server.json('/admin/customers/erase', { method: 'POST', visitor: null, headers, body: JSON.stringify(body) });
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const storedPhoto = (url: string) => join(server.dataDir, 'media', 'reviews', url.split('/').pop()!);
const storedUpload = (url: string) => join(server.dataDir, 'media', url.split('/').pop()!);
/** An export without the moment it was made, to compare two of them. */
const timeless = ({ exportedAt: _at, ...rest }: CustomerExport) => rest;

describe('privacy requests', () => {
  const id = `${Date.now()}`;
  const ada = { customerId: `cust-${id}`, email: `ada.${id}@example.com` };
  // Alike, never the same: an id with Ada's as its prefix, an address with hers inside it.
  const bea = { customerId: `cust-${id}0`, email: `x${ada.email}` };
  let adaSeed: Awaited<ReturnType<typeof seed>>;
  let beaBefore: CustomerExport;

  before(async () => {
    adaSeed = await seed(ada.customerId, ada.email);
    await seed(bea.customerId, bea.email);
    beaBefore = await exported(`customerId=${bea.customerId}&email=${bea.email}`);
  });

  it('exports everything kept about the customer, by id and email, and nothing of a look-alike', async () => {
    const data = await exported(`customerId=${ada.customerId}&email=${encodeURIComponent(ada.email.toUpperCase())}`);
    assert.deepEqual(data.subject, ada, 'the email lower-cased');
    assert.deepEqual(
      data.orders.map((order) => [order.id, order.email, order.total, order.refundedTotal, order.refunds.map((refund) => refund.amount)]),
      [[adaSeed.orderId, ada.email, 40, 5, [5]]],
    );
    assert.deepEqual(
      data.reviews.map((review) => [review.id, review.status, review.customerId, review.email]),
      [[adaSeed.review.id, 'published', ada.customerId, ada.email]],
    );
    assert.match(data.reviews[0]!.photos[0]!.url, /^http:\/\/127\.0\.0\.1:\d+\/media\/r\//);
    const { member, activity, redemptions, ledger } = data.loyalty;
    assert.equal(member?.customerId, ada.customerId);
    assert.ok(member!.lifetimePoints >= 5000 && member!.referralCode);
    // Earned (the order, the gift), taken back (the refund's share) and spent.
    assert.deepEqual(new Set(activity.map((entry) => entry.kind)), new Set(['earn', 'adjust', 'redeem']));
    assert.equal(redemptions.length, 1);
    assert.match(redemptions[0]!.code, /^SF-/);
    assert.ok(
      ledger.some((entry) => entry.key.includes(adaSeed.orderId)),
      'the order’s points in the ledger',
    );
    assert.deepEqual(data.chat.conversations.map((conversation) => conversation.id).sort(), [...adaSeed.conversationIds].sort());
    const started = data.chat.conversations.find((conversation) => conversation.id === adaSeed.conversationIds[0])!;
    assert.deepEqual(
      started.messages.map((message) => message.body),
      ['Hello', 'Is it in stock?', 'A photo of it'],
    );
    assert.deepEqual(
      data.chat.leftEmails.map((left) => [left.email, left.message]),
      [[ada.email, 'Call me back']],
    );
    assert.ok(data.email.jobs.length >= 1 && data.email.jobs.every((job) => job.to === ada.email));
    assert.ok(data.email.jobs.some((job) => job.kind === 'review-request'));
    assert.equal(data.email.unsubscribedAt, '2026-12-02T10:00:00.000Z');

    // Nothing of Bea's anywhere in Ada's document.
    const text = JSON.stringify(data);
    for (const value of [bea.customerId, bea.email]) assert.ok(!text.includes(`"${value}"`), value);
  });

  it('finds by either key alone: the email finds what carries it, the id what carries that', async () => {
    const byEmail = await exported(`email=${ada.email}`);
    assert.equal(byEmail.orders.length, 1);
    assert.equal(byEmail.reviews.length, 1);
    assert.equal(byEmail.loyalty.member, null, 'members carry no email');
    const byId = await exported(`customerId=${ada.customerId}`);
    assert.equal(byId.loyalty.member?.customerId, ada.customerId);
    assert.deepEqual(byId.email.jobs, [], 'email jobs carry only the address');
  });

  it('erases it all, once: the review leaves the cached page, its photo and the attachment leave the disk', async () => {
    const page = async () => (await server.json(`/products/${PRODUCT}/reviews?limit=50`)).body.reviews as Array<{ id: string }>;
    // The page is read (and cached) before the erasure: the erasure must drop it.
    assert.ok((await page()).some((review) => review.id === adaSeed.review.id));
    const photo = adaSeed.review.photos[0]!;
    assert.ok((await exists(storedPhoto(photo.url))) && (await exists(storedUpload(adaSeed.attachmentUrl))));

    const first = await erase({ customerId: ada.customerId, email: ada.email.toUpperCase() });
    assert.equal(first.status, 200);
    const report = CustomerErasure.parse(first.body);
    assert.deepEqual(report.orders, { orders: 1, refunds: 1 });
    assert.deepEqual(report.reviews, { reviews: 1, photoFiles: 2 });
    assert.equal(report.loyalty.members, 1);
    assert.equal(report.loyalty.redemptions, 1);
    assert.ok(report.loyalty.activity >= 2 && report.loyalty.ledger >= 1);
    assert.deepEqual(report.chat, { conversations: 2, messages: 3, leftEmails: 1, attachmentFiles: 1 });
    assert.ok(report.email.jobs >= 1);
    assert.equal(report.email.unsubscribeKept, true);

    const after = await exported(`customerId=${ada.customerId}&email=${ada.email}`);
    assert.deepEqual(
      { ...timeless(after), email: { ...after.email, unsubscribedAt: undefined } },
      {
        subject: ada,
        orders: [],
        reviews: [],
        loyalty: { member: null, activity: [], redemptions: [], ledger: [] },
        chat: { conversations: [], leftEmails: [] },
        email: { jobs: [], unsubscribedAt: undefined },
      },
    );
    assert.ok(after.email.unsubscribedAt, 'the unsubscribe is kept, so the address is never emailed again');
    assert.ok(!(await page()).some((review) => review.id === adaSeed.review.id), 'gone from the cached page');
    assert.equal((await fetch(photo.url)).status, 404);
    assert.equal(await exists(storedPhoto(photo.url)), false);
    assert.equal(await exists(storedPhoto(photo.thumbnailUrl)), false);
    assert.equal(await exists(storedUpload(adaSeed.attachmentUrl)), false);

    const again = await erase({ customerId: ada.customerId, email: ada.email });
    assert.equal(again.status, 200);
    assert.deepEqual(CustomerErasure.parse(again.body), {
      subject: ada,
      orders: { orders: 0, refunds: 0 },
      reviews: { reviews: 0, photoFiles: 0 },
      loyalty: { members: 0, activity: 0, redemptions: 0, ledger: 0 },
      chat: { conversations: 0, messages: 0, leftEmails: 0, attachmentFiles: 0 },
      email: { jobs: 0, unsubscribeKept: true },
    });

    assert.deepEqual(
      timeless(await exported(`customerId=${bea.customerId}&email=${bea.email}`)),
      timeless(beaBefore),
      "Bea's data untouched",
    );
  });

  it('answers 400 naming the field for no key or a bad email, and 401 without the shop secret', async () => {
    const none = await server.json('/admin/customers/export', { visitor: null, headers: admin });
    assert.deepEqual([none.status, none.body.error.field], [400, 'customerId']);
    const bad = await server.json('/admin/customers/export?email=not-an-email', { visitor: null, headers: admin });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'email']);
    const empty = await erase({});
    assert.deepEqual([empty.status, empty.body.error.field], [400, 'customerId']);
    const badBody = await erase({ email: 'not-an-email' });
    assert.deepEqual([badBody.status, badBody.body.error.field], [400, 'email']);

    const anonymous = await server.json(`/admin/customers/export?customerId=${bea.customerId}`, { visitor: null });
    assert.deepEqual([anonymous.status, anonymous.body.error.field], [401, 'authorization']);
    const wrong = await erase({ customerId: bea.customerId }, { authorization: 'Bearer not-the-secret' });
    assert.deepEqual([wrong.status, wrong.body.error.field], [401, 'authorization']);
    assert.equal((await exported(`customerId=${bea.customerId}`)).orders.length, 1, 'nothing erased by a refused request');
  });
});
