/**
 * The review request email's link, end to end: a fulfilled order arrives, its
 * review request is queued with a signed link per product, and a review sent with
 * that link's token (`invitation`) is the buyer's: their email from the token, the
 * verified badge from their orders, one review per order and product. A token that
 * was changed, is another shop's, or is for another product is a 400 naming
 * `invitation`. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ReviewSubmission } from '@shopfront/core/schemas.js';
import { signToken } from '../src/email/tokens.js';
import { reviewLinkOrder } from '../src/services/email.js';
import { submitInvitedReview } from '../src/services/reviews.js';
import type { Storage } from '../src/storage/index.js';
import { deliverOrder } from './orders.js';
import { PNG, SECRET, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const address = () => `${randomUUID().slice(0, 8)}@example.com`;

/** A fulfilled order for `email`, and the tokens of its review request's links, by product. */
async function fulfilledOrder(email: string): Promise<{ orderId: string; tokens: Map<string, string> }> {
  const orderId = `order-${randomUUID().slice(0, 8)}`;
  // In capitals, as a checkout may send it: the order keeps it in lower case, and so does the token.
  assert.equal((await deliverOrder(server, { id: orderId, email: email.toUpperCase() })).status, 200);
  const job = (await server.storage.email.list(server.shop!.id, 500)).find((candidate) => candidate.key === `review-request:${orderId}`);
  assert.ok(job, 'the review request is queued');
  const tokens = new Map<string, string>();
  for (const [, path, token] of job.text.matchAll(/https?:\/\/\S+?(\/products\/[\w-]+)\?sf_review=([\w.-]+)#reviews/g)) {
    const product = (await server.storage.catalogue.products(server.shop!.id, ['prod-1', 'prod-2'])).find((p) => p.url === path);
    tokens.set(product!.id, token!);
  }
  assert.deepEqual([...tokens.keys()].sort(), ['prod-1', 'prod-2']);
  return { orderId, tokens };
}

const review = (productId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ productId, rating: 5, title: 'Fits well', body: 'Warm and light.', name: 'Ada', ...extra });

const post = (body: string) => server.json('/reviews', { method: 'POST', body });

const stored = (reviewId: string) => server.storage.reviews.moderationReview(server.shop!.id, reviewId);

describe('a review sent with the review request’s link', () => {
  it('is the buyer’s: no email asked, the order’s email kept, verified by the order', async () => {
    const email = address();
    const { tokens } = await fulfilledOrder(email);
    const { status, body } = await post(review('prod-1', { invitation: tokens.get('prod-1') }));
    assert.equal(status, 201, JSON.stringify(body));
    const submission = ReviewSubmission.parse(body);
    assert.equal(submission.review.verifiedBuyer, true);
    assert.equal(submission.status, 'published');
    assert.equal((await stored(submission.review.id))?.email, email);
  });

  it('takes the email from the token, never the one the browser sends, also as multipart', async () => {
    const email = address();
    const { tokens } = await fulfilledOrder(email);
    const form = new FormData();
    for (const [key, value] of Object.entries({ productId: 'prod-2', rating: '3', title: '', body: 'Runs small.', name: 'Bo' }))
      form.set(key, value);
    form.set('email', 'someone-else@example.com');
    form.set('invitation', tokens.get('prod-2')!);
    form.append('photos', new File([PNG], 'fit.png', { type: 'image/png' }));
    const { status, body } = await server.json('/reviews', { method: 'POST', body: form });
    assert.equal(status, 201, JSON.stringify(body));
    const submission = ReviewSubmission.parse(body);
    assert.equal(submission.review.verifiedBuyer, true);
    assert.equal(submission.status, 'pending');
    assert.equal(submission.review.photos.length, 1);
    const kept = await stored(submission.review.id);
    assert.equal(kept?.email, email);
    assert.equal(kept?.status, 'pending');
  });

  it('gets its badge from the orders, not from the token: a signed token for nobody’s order is not verified', async () => {
    const email = address();
    const token = signToken(SECRET, 'review', { orderId: 'order-never-placed', productId: 'prod-3', email });
    const { status, body } = await post(review('prod-3', { invitation: token }));
    assert.equal(status, 201, JSON.stringify(body));
    const submission = ReviewSubmission.parse(body);
    assert.equal(submission.review.verifiedBuyer, false);
    assert.equal((await stored(submission.review.id))?.email, email);
  });

  it('makes one review per order and product: the second is a 409 naming `invitation`, at once or later', async () => {
    const { tokens } = await fulfilledOrder(address());
    const invitation = tokens.get('prod-1');
    const [first, second] = await Promise.all([post(review('prod-1', { invitation })), post(review('prod-1', { invitation }))]);
    assert.deepEqual([first.status, second.status].sort(), [201, 409]);
    const refused = first.status === 409 ? first : second;
    assert.equal(refused.body.error.field, 'invitation');
    assert.match(refused.body.error.message, /already reviewed/);
    const again = await post(review('prod-1', { invitation, rating: 1, body: 'Changed my mind.' }));
    assert.equal(again.status, 409);
    assert.equal(again.body.error.field, 'invitation');
    // The order's other product still has its own review to give.
    assert.equal((await post(review('prod-2', { invitation: tokens.get('prod-2') }))).status, 201);
  });

  it('answers `already-reviewed` when the same invitation got in between the check and the insert', async () => {
    const { tokens } = await fulfilledOrder(address());
    const invitation = reviewLinkOrder(server.shop!, tokens.get('prod-1')!)!;
    assert.equal((await post(review('prod-1', { invitation: tokens.get('prod-1') }))).status, 201);
    // The check before the insert does not see it yet (the other request had not committed): the insert hits the unique id.
    let checks = 0;
    const { reviews } = server.storage;
    const lateReviews = new Proxy(reviews, {
      get: (target, key: keyof typeof reviews) =>
        key === 'moderationReview' && checks++ === 0 ? async () => undefined : (target[key] as (...args: never[]) => unknown).bind(target),
    });
    const storage = new Proxy(server.storage, {
      get: (target, key: keyof Storage) => (key === 'reviews' ? lateReviews : target[key]),
    });
    const submission = { productId: 'prod-1', rating: 4, title: '', body: 'Again.', authorName: 'Ada', photos: [] };
    assert.equal(await submitInvitedReview({ ...server.deps, storage }, server.shop!, invitation, submission), 'already-reviewed');
    assert.equal(checks, 2);
  });

  it('refuses a changed token, another shop’s or purpose’s, another product’s, or none at all with a 400 naming `invitation`', async () => {
    const email = address();
    const { orderId, tokens } = await fulfilledOrder(email);
    const token = tokens.get('prod-1')!;
    const [payload, signature] = token.split('.') as [string, string];
    const otherEmail = Buffer.from(JSON.stringify({ orderId, productId: 'prod-1', email: 'thief@example.com' })).toString('base64url');
    const cases: Array<[string, string, string]> = [
      ['a changed signature', 'prod-1', token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
      ['another email in the payload', 'prod-1', `${otherEmail}.${signature}`],
      ['no signature', 'prod-1', payload],
      ['another shop’s', 'prod-1', signToken('another-shop-secret', 'review', { orderId, productId: 'prod-1', email })],
      ['an unsubscribe token', 'prod-1', signToken(SECRET, 'unsubscribe', { email })],
      ['words', 'prod-1', 'not a token'],
      ['the link of another product', 'prod-3', token],
      ['longer than any link', 'prod-1', `${token}${'x'.repeat(2048)}`],
      ['empty', 'prod-1', ''],
    ];
    for (const [label, productId, invitation] of cases) {
      const { status, body } = await post(review(productId, { invitation }));
      assert.equal(status, 400, label);
      assert.equal(body.error.field, 'invitation', label);
      assert.match(body.error.message, /^invitation: /, label);
    }
    // None of them used the invitation up.
    assert.equal((await post(review('prod-1', { invitation: token }))).status, 201);
  });

  it('still needs no invitation: a review without one is as before, unverified for an email that bought nothing', async () => {
    const { status, body } = await post(review('prod-1', { email: address() }));
    assert.equal(status, 201);
    assert.equal(ReviewSubmission.parse(body).review.verifiedBuyer, false);
  });
});
