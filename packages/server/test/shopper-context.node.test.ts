/**
 * `GET /inbox/api/conversations/{id}/context`, the shopper beside a
 * conversation: a signed customer who shared what they viewed, a guest who did
 * not, a guest found only by the email they typed, and the inputs refused on
 * the way in (the pages and viewed products the widget sends). On SQLite and on
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ShopperContext } from '../src/inbox/wire.js';
import { startTestServer, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';
import { PAGE, chatAs, regularCustomer } from './shoppers.js';

let server: TestServer;
let agent: Awaited<ReturnType<typeof agentSession>>;
before(async () => {
  server = await startTestServer();
  agent = await agentSession(server);
});
after(() => server.stop());

async function contextOf(conversationId: string): Promise<ShopperContext> {
  const response = await agent.api(`/conversations/${conversationId}/context`);
  assert.equal(response.status, 200);
  return ShopperContext.parse(await response.json());
}

describe('the shopper beside a conversation', () => {
  it('shows a signed customer: pages, viewed products, tier and points, orders, earlier conversations, reviews', async () => {
    const shopper = await regularCustomer(server);
    const id = await chatAs(
      server,
      { name: 'Ada', email: shopper.email, customerId: shopper.customerId, page: PAGE.start, viewed: ['prod-3', 'prod-404', 'prod-1'] },
      { customerId: shopper.customerId, page: PAGE.now },
    );
    const context = await contextOf(id);
    assert.deepEqual(context.shopper, { kind: 'customer', name: 'Ada', email: shopper.email, customerId: shopper.customerId });
    assert.equal(context.matchedBy, 'customer');
    assert.deepEqual(context.pages, { start: PAGE.start, current: PAGE.now });
    // In the order viewed; a product the shop does not list is left out.
    assert.equal(context.viewed.shared, true);
    assert.deepEqual(
      context.viewed.products.map((product) => product.id),
      ['prod-3', 'prod-1'],
    );
    assert.deepEqual(context.loyalty, { member: true, tier: 'Navigator', points: 995, lifetimePoints: 995 });
    // Newest first, in major units, with the products' titles.
    assert.deepEqual(
      context.orders.map(({ id, status, total, currency }) => ({ id, status, total, currency })),
      [
        { id: `B-${shopper.customerId}`, status: 'paid', total: 89, currency: 'EUR' },
        { id: `A-${shopper.customerId}`, status: 'fulfilled', total: 40, currency: 'EUR' },
      ],
    );
    assert.deepEqual(context.orders[1]!.items, [
      { productId: 'prod-5', title: context.orders[1]!.items[0]!.title, quantity: 2, price: 20 },
    ]);
    assert.ok(context.orders[1]!.items[0]!.title, 'the item is named');
    assert.deepEqual(
      context.conversations.map((conversation) => conversation.id),
      [shopper.earlier],
    );
    assert.deepEqual(
      context.reviews.map(({ title, rating }) => ({ title, rating })),
      [{ title: 'Warm and soft', rating: 5 }],
    );
  });

  it('withholds what a guest who did not consent viewed, and says the records were found by an unverified email', async () => {
    const shopper = await regularCustomer(server);
    // Same email as the customer, no signature: only the address links them.
    const id = await chatAs(server, { name: 'Someone', email: shopper.email.toUpperCase(), page: PAGE.start });
    const context = await contextOf(id);
    assert.equal(context.shopper.kind, 'guest');
    assert.equal(context.matchedBy, 'email');
    assert.deepEqual(context.viewed, { shared: false, products: [] });
    assert.equal(context.loyalty, undefined, 'a guest has no loyalty account');
    assert.deepEqual(context.pages, { start: PAGE.start, current: PAGE.start }, 'no newer page: still where it started');
    assert.equal(context.orders.length, 2);
    assert.ok(context.conversations.some((conversation) => conversation.id === shopper.earlier));
  });

  it('has nothing to look up for a guest who gave no email, and an empty list is consent to share nothing viewed', async () => {
    const id = await chatAs(server, { viewed: [] });
    const context = await contextOf(id);
    assert.equal(context.matchedBy, 'none');
    assert.deepEqual(context.viewed, { shared: true, products: [] });
    assert.deepEqual([context.orders, context.conversations, context.reviews], [[], [], []]);
  });

  it('refuses what the widget may not send, naming the field and the rule', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/chat/conversations', { page: 'javascript:alert(1)' }, 'page'],
      ['/chat/conversations', { viewed: Array.from({ length: 51 }, (_, index) => `prod-${index}`) }, 'viewed'],
      ['/chat/conversations', { viewed: [''] }, 'viewed.0'],
    ];
    const id = await chatAs(server, {});
    cases.push([`/chat/conversations/${id}/messages`, { clientId: randomUUID(), body: 'hi', page: 'not a url' }, 'page']);
    for (const [path, body, field] of cases) {
      const response = await server.json(path, { method: 'POST', body: JSON.stringify(body) });
      assert.equal(response.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.equal(response.body.error.field, field);
      assert.match(response.body.error.message, new RegExp(`^${field.replace('.', '\\.')}: `));
    }
  });

  it('answers only a signed-in agent of the conversation’s shop', async () => {
    const id = await chatAs(server, {});
    assert.equal((await fetch(`${server.url}/inbox/api/conversations/${id}/context`)).status, 401);
    const unknown = await agent.api(`/conversations/${randomUUID()}/context`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.field, 'conversationId');
  });
});
