/**
 * Several agents on one shop: conversations assigned to one of them or to
 * nobody, snoozed until a time (or until the shopper writes), resolved, and
 * the lists that filter them (mine, unassigned, all, by status), with every
 * change reaching the other agents' live inbox. On SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConversationList } from '../src/inbox/wire.js';
import { openStream, startTestServer, type TestServer } from './helpers.js';
import { agentSession, anotherAgent } from './inbox-session.js';
import { chatAs } from './shoppers.js';

let server: TestServer;
let sam: Awaited<ReturnType<typeof agentSession>>;
let kim: Awaited<ReturnType<typeof agentSession>>;
let kimId: string;
before(async () => {
  server = await startTestServer();
  const second = await anotherAgent(server, 'Kim');
  kimId = second.id;
  [sam, kim] = await Promise.all([agentSession(server), agentSession(server, second)]);
});
after(() => server.stop());

const inFuture = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function listed(agent: typeof sam, query: string, only: string[]): Promise<string[]> {
  const response = await agent.api(`/conversations?${query}`);
  assert.equal(response.status, 200);
  const ids = ConversationList.parse(await response.json()).conversations.map((conversation) => conversation.id);
  return ids.filter((id) => only.includes(id));
}

describe('conversations shared by a team', () => {
  it('assigns to an agent, and each agent filters mine, unassigned and all', async () => {
    const [first, second] = [await chatAs(server, { name: 'One' }), await chatAs(server, { name: 'Two' })];
    const both = [first, second];
    const agents = (await (await sam.api('/agents')).json()).agents as Array<{ id: string; name: string }>;
    assert.deepEqual(
      agents.map((agent) => agent.name),
      ['Sam', 'Kim'],
    );

    const stream = await openStream(`${server.url}/inbox/api/events`, { cookie: kim.cookie });
    const assigned = await sam.api(`/conversations/${first}/assignee`, { method: 'PUT', body: { agentId: kimId } });
    assert.equal(assigned.status, 200);
    assert.equal((await assigned.json()).conversation.assigneeId, kimId);
    // Kim's open inbox hears of it.
    await stream.next((event) => event.data?.includes(`"assigneeId":"${kimId}"`) ?? false);

    assert.deepEqual(await listed(kim, 'assignee=me', both), [first]);
    assert.deepEqual(await listed(sam, 'assignee=me', both), []);
    assert.deepEqual(await listed(sam, 'assignee=unassigned', both), [second]);
    assert.deepEqual((await listed(sam, 'assignee=all', both)).sort(), [...both].sort());

    const unassigned = await kim.api(`/conversations/${first}/assignee`, { method: 'PUT', body: { agentId: null } });
    assert.equal((await unassigned.json()).conversation.assigneeId, undefined);
    assert.deepEqual((await listed(sam, 'assignee=unassigned', both)).sort(), [...both].sort());
  });

  it('snoozes out of the open list until the shopper writes, and resolves', async () => {
    const id = await chatAs(server, { name: 'Sleepy' });
    const snoozed = await sam.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'snoozed', until: inFuture(2) } });
    assert.equal(snoozed.status, 200);
    assert.ok((await snoozed.json()).conversation.snoozedUntil);
    assert.deepEqual(await listed(sam, 'status=open', [id]), []);
    assert.deepEqual(await listed(sam, 'status=snoozed', [id]), [id]);

    const wrote = await server.api(`/chat/conversations/${id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body: 'Still there?' }),
    });
    assert.equal(wrote.status, 201);
    assert.deepEqual(await listed(sam, 'status=open', [id]), [id], 'the shopper writing wakes it');

    await sam.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'resolved' } });
    assert.deepEqual(await listed(sam, 'status=open', [id]), []);
    assert.deepEqual(await listed(sam, 'status=resolved', [id]), [id]);
    assert.deepEqual(await listed(sam, 'status=closed', [id]), [id], '`closed` is the same list');
    await sam.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'open' } });
    assert.deepEqual(await listed(sam, 'status=open', [id]), [id]);
  });

  it('refuses a snooze without a time to come, an agent of no such shop, and unknown filters, naming the field', async () => {
    const id = await chatAs(server, {});
    const cases: Array<[string, string, unknown, string]> = [
      [`/conversations/${id}/status`, 'POST', { status: 'snoozed' }, 'until'],
      [`/conversations/${id}/status`, 'POST', { status: 'snoozed', until: new Date(Date.now() - 60_000).toISOString() }, 'until'],
      [`/conversations/${id}/status`, 'POST', { status: 'snoozed', until: 'tomorrow' }, 'until'],
      [`/conversations/${id}/status`, 'POST', { status: 'asleep' }, 'status'],
      [`/conversations/${id}/assignee`, 'PUT', { agentId: randomUUID() }, 'agentId'],
      [`/conversations/${id}/assignee`, 'PUT', {}, 'agentId'],
      ['/conversations?assignee=someone', 'GET', undefined, 'assignee'],
      ['/conversations?status=asleep', 'GET', undefined, 'status'],
    ];
    for (const [path, method, body, field] of cases) {
      const response = await sam.api(path, { method, body });
      assert.equal(response.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
      const { error } = await response.json();
      assert.equal(error.field, field, `${method} ${path} ${JSON.stringify(body)}`);
      assert.match(error.message, new RegExp(`^${field}: `));
    }
    assert.equal((await sam.api(`/conversations/${randomUUID()}/assignee`, { method: 'PUT', body: { agentId: null } })).status, 404);
  });
});
