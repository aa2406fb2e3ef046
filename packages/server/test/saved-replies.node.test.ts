/**
 * Saved replies through `/inbox/api/replies`: written, changed and deleted by
 * the shop's people, kept per shop, refused with an unknown placeholder; and
 * how the inbox fills the placeholders from the shopper beside the
 * conversation (what it cannot fill stays for the agent to see). On SQLite and
 * on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fillPlaceholders, placeholderValues, unknownPlaceholders } from '../src/inbox/placeholders.js';
import { ShopperContext, SavedReply } from '../src/inbox/wire.js';
import { startTestServer, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';
import { chatAs, regularCustomer } from './shoppers.js';

let server: TestServer;
let agent: Awaited<ReturnType<typeof agentSession>>;
before(async () => {
  server = await startTestServer();
  agent = await agentSession(server);
});
after(() => server.stop());

describe('saved replies', () => {
  it('are written, listed by title, changed and deleted', async () => {
    const created = await agent.api('/replies', {
      method: 'POST',
      body: { title: 'Where is my order', body: 'Hi {first_name}, order {order_number} left today.' },
    });
    assert.equal(created.status, 201);
    const reply = SavedReply.parse(await created.json());
    await agent.api('/replies', { method: 'POST', body: { title: 'A greeting', body: 'Hello!' } });
    const titles = async () => ((await (await agent.api('/replies')).json()).replies as SavedReply[]).map((saved) => saved.title);
    assert.deepEqual(await titles(), ['A greeting', 'Where is my order']);

    const changed = await agent.api(`/replies/${reply.id}`, { method: 'PUT', body: { title: 'Order on its way', body: 'Sent, {name}.' } });
    assert.equal(changed.status, 200);
    assert.equal((await changed.json()).body, 'Sent, {name}.');
    assert.equal((await agent.api(`/replies/${reply.id}`, { method: 'DELETE' })).status, 200);
    assert.deepEqual(await titles(), ['A greeting']);
    const again = await agent.api(`/replies/${reply.id}`, { method: 'DELETE' });
    assert.equal(again.status, 404);
    assert.equal((await again.json()).error.field, 'replyId');
  });

  it('refuses an unknown placeholder, an empty title and a signed-out writer, naming the field', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ title: 'Typo', body: 'Hi {frist_name}' }, 'body', /^body: unknown placeholder \{frist_name\}/],
      [{ title: '', body: 'Hi' }, 'title', /^title: /],
      [{ title: 'No body' }, 'body', /^body: /],
    ];
    for (const [body, field, message] of cases) {
      const response = await agent.api('/replies', { method: 'POST', body });
      assert.equal(response.status, 400, JSON.stringify(body));
      const { error } = await response.json();
      assert.equal(error.field, field);
      assert.match(error.message, message);
    }
    const anonymous = await fetch(`${server.url}/inbox/api/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(anonymous.status, 401);
    assert.equal((await agent.api(`/replies/${randomUUID()}`, { method: 'PUT', body: { title: 'x', body: 'y' } })).status, 404);
  });

  it('fill in from the shopper: first name and latest order; what has no value stays as written', async () => {
    const customer = await regularCustomer(server);
    const id = await chatAs(
      server,
      { name: 'Ada Lovelace', email: customer.email, customerId: customer.customerId },
      { customerId: customer.customerId },
    );
    const context = ShopperContext.parse(await (await agent.api(`/conversations/${id}/context`)).json());
    const values = placeholderValues(context, 'Sam', 'Harbour & Co.');
    assert.equal(
      fillPlaceholders('Hi {first_name}, {agent_name} of {shop_name} here: order {order_number} is on its way.', values),
      `Hi Ada, Sam of Harbour & Co. here: order B-${customer.customerId} is on its way.`,
    );
    const guest = placeholderValues(undefined, 'Sam', 'Shop');
    assert.equal(
      fillPlaceholders('Hi {first_name}, order {order_number}? {unknown}', guest),
      'Hi {first_name}, order {order_number}? {unknown}',
    );
    assert.deepEqual(unknownPlaceholders('{name} {nmae} {nmae} {order_number}'), ['nmae']);
  });
});
