import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChatEvent, ChatHistory, ChatMessage, ChatStatus, Conversation } from '@shopfront/core/schemas.js';
import { PNG, SHOP, openStream, startTestServer, testDatabaseKind, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  // A second shop that is never within business hours.
  const dir = await mkdtemp(join(tmpdir(), 'shopfront-config-'));
  const config = join(dir, 'shops.json');
  await writeFile(
    config,
    JSON.stringify({
      shops: [
        {
          key: 'pk_closed',
          secret: 'closed-shop-secret-0123',
          name: 'Closed shop',
          origins: [],
          businessHours: { timeZone: 'Europe/Paris', hours: [] },
          agents: [{ email: 'closed@example.com', name: 'Nobody', password: 'password123' }],
        },
      ],
    }),
  );
  server = await startTestServer({ shopConfigFile: config });
});
after(() => server.stop());

async function startConversation(body: object = { name: 'Visitor' }) {
  const { status, body: conversation } = await server.json('/chat/conversations', { method: 'POST', body: JSON.stringify(body) });
  assert.equal(status, 201);
  return Conversation.parse(conversation);
}

const send = (conversationId: string, message: object) =>
  server.json(`/chat/conversations/${conversationId}/messages`, { method: 'POST', body: JSON.stringify(message) });

const agentId = async () => (await server.storage.agents.byEmail('agent@example.com'))!.id;

describe('chat status', () => {
  it('is away with no agent present, online when one is available', async () => {
    const away = ChatStatus.parse((await server.json('/chat/status')).body);
    assert.deepEqual([away.state, away.reason], ['away', 'no-agents']);
    await server.storage.agents.setAvailability(await agentId(), 'available');
    const online = ChatStatus.parse((await server.json('/chat/status')).body);
    assert.equal(online.state, 'online');
    assert.deepEqual(online.agents, [{ name: 'Sam' }]);
    await server.storage.agents.setAvailability(await agentId(), 'away');
    assert.equal((await server.json('/chat/status')).body.state, 'away');
    await server.storage.agents.setAvailability(await agentId(), 'auto');
  });

  it('is away outside business hours, with the hours', async () => {
    const { body } = await server.json('/chat/status?shop=pk_closed');
    const status = ChatStatus.parse(body);
    assert.deepEqual([status.state, status.reason, status.nextOpenAt], ['away', 'outside-hours', null]);
    assert.equal(status.businessHours?.timeZone, 'Europe/Paris');
  });
});

describe('conversations and messages', () => {
  it('sends, and stores a resend with the same client id once', async () => {
    const conversation = await startConversation({ name: 'Ada', email: 'ada@example.com' });
    const clientId = randomUUID();
    const first = await send(conversation.id, { clientId, body: 'Hello' });
    assert.equal(first.status, 201);
    const message = ChatMessage.parse(first.body);
    assert.deepEqual([message.seq, message.author, message.body, message.clientId], [1, 'visitor', 'Hello', clientId]);
    const again = await send(conversation.id, { clientId, body: 'Hello (resent)' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
  });

  it('stores SQL-looking text verbatim', async () => {
    const name = "Robert'); DROP TABLE messages;--";
    const conversation = await startConversation({ name });
    const body = "' OR 1=1; UPDATE conversations SET status = 'closed' --";
    const { status } = await send(conversation.id, { clientId: randomUUID(), body });
    assert.equal(status, 201);
    const history = await server.json(`/chat/conversations/${conversation.id}/messages`);
    assert.equal(history.body.messages[0].body, body);
    const shop = (await server.storage.shops.byKey(SHOP))!;
    assert.equal((await server.storage.chat.conversation(shop.id, conversation.id))?.visitorName, name);
    assert.equal((await server.storage.chat.conversation(shop.id, conversation.id))?.status, 'open');
  });

  const sqliteOnly =
    testDatabaseKind === 'sqlite' ? false : "a pragma of SQLite's file; Postgres commits are durable by its own synchronous_commit";
  it('answers a send only once it is on disk: SQLite commits with synchronous = FULL', { skip: sqliteOnly }, async () => {
    const { SqliteStorage } = await import('../src/sqlite/index.js');
    assert.ok(server.storage instanceof SqliteStorage, 'these tests run on SQLite');
    // 2 is FULL: NORMAL (1) in WAL mode may lose the last commits to a power cut.
    assert.equal(server.storage.db.pragma('synchronous', { simple: true }), 2);
  });

  it('keeps one row under 50 concurrent duplicates', async () => {
    const conversation = await startConversation();
    const clientId = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => send(conversation.id, { clientId, body: 'Only once' })));
    assert.ok(results.every((result) => result.status === 201 || result.status === 200));
    assert.equal(results.filter((result) => result.status === 201).length, 1);
    assert.equal(new Set(results.map((result) => result.body.id)).size, 1);
    const history = ChatHistory.parse((await server.json(`/chat/conversations/${conversation.id}/messages`)).body);
    assert.equal(history.messages.length, 1);
  });

  it('numbers messages in order and returns history after a sequence number', async () => {
    const conversation = await startConversation();
    for (const body of ['one', 'two', 'three', 'four']) await send(conversation.id, { clientId: randomUUID(), body });
    const { body } = await server.json(`/chat/conversations/${conversation.id}/messages?after=2`);
    assert.deepEqual(
      body.messages.map((message: ChatMessage) => [message.seq, message.body]),
      [
        [3, 'three'],
        [4, 'four'],
      ],
    );
  });

  it('refuses an agent message the widgets could not show, so the conversation stays readable', async () => {
    const conversation = await startConversation();
    await server.agentSays(conversation.id, 'Hello from Sam');
    // A bot posting through `agentSays` gets what the inbox gets: a message within the schema, or an error.
    await assert.rejects(server.agentSays(conversation.id, 'x'.repeat(4001)), /body/);
    await assert.rejects(server.agentSays(conversation.id, '   '), /body/);
    await assert.rejects(server.agentSays(conversation.id, 'Hi', 'N'.repeat(81)), /authorName/);
    const { status, body } = await server.json(`/chat/conversations/${conversation.id}/messages`);
    assert.equal(status, 200);
    assert.deepEqual(
      ChatHistory.parse(body).messages.map((message) => message.body),
      ['Hello from Sam'],
    );
  });

  it('accepts an image attachment as multipart', async () => {
    const conversation = await startConversation();
    const form = new FormData();
    form.set('clientId', randomUUID());
    form.set('body', '');
    form.set('attachment', new File([PNG], 'receipt.png', { type: 'image/png' }));
    const response = await server.api(`/chat/conversations/${conversation.id}/messages`, { method: 'POST', body: form });
    assert.equal(response.status, 201);
    const message = ChatMessage.parse(await response.json());
    assert.deepEqual(
      [message.attachment?.name, message.attachment?.type, message.attachment?.size],
      ['receipt.png', 'image/png', PNG.length],
    );
    assert.equal((await fetch(message.attachment!.url)).status, 200);
  });

  for (const [message, field, what] of [
    [{ clientId: 'x'.repeat(129), body: 'x' }, 'clientId', 'a client id over 128 characters'],
    [{ clientId: randomUUID(), body: '   ' }, 'body', 'a blank message'],
    [{ clientId: randomUUID(), body: 'x'.repeat(4001) }, 'body', 'a message over 4000 characters'],
    [{ body: 'x' }, 'clientId', 'a message without a client id'],
  ] as const) {
    it(`answers 400 naming "${field}" for ${what}`, async () => {
      const conversation = await startConversation();
      const { status, body } = await send(conversation.id, message);
      assert.equal(status, 400);
      assert.equal(body.error.field, field);
    });
  }

  it('answers 404 for an unknown conversation, or one of another shop', async () => {
    const unknown = await send(randomUUID(), { clientId: randomUUID(), body: 'x' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'conversationId');
    const conversation = await startConversation();
    const elsewhere = await server.json(`/chat/conversations/${conversation.id}/messages?shop=pk_closed`);
    assert.equal(elsewhere.status, 404);
  });

  it('answers 400 for a bad sequence number or visitor details', async () => {
    const conversation = await startConversation();
    const after = await server.json(`/chat/conversations/${conversation.id}/messages?after=-1`);
    assert.deepEqual([after.status, after.body.error.field], [400, 'after']);
    const email = await server.json('/chat/conversations', { method: 'POST', body: JSON.stringify({ email: 'nope' }) });
    assert.deepEqual([email.status, email.body.error.field], [400, 'email']);
  });
});

describe('email capture', () => {
  it('keeps an email left while away', async () => {
    const conversation = await startConversation();
    const { status, body } = await server.json('/chat/email', {
      method: 'POST',
      body: JSON.stringify({ email: 'later@example.com', message: 'Call me back', conversationId: conversation.id }),
    });
    assert.deepEqual([status, body], [201, { ok: true }]);
    const shop = (await server.storage.shops.byKey(SHOP))!;
    const [email] = await server.storage.chat.emails(shop.id, 10);
    assert.deepEqual([email!.email, email!.message, email!.conversationId], ['later@example.com', 'Call me back', conversation.id]);
  });

  it('refuses a bad email or an unknown conversation', async () => {
    const bad = await server.json('/chat/email', { method: 'POST', body: JSON.stringify({ email: 'x' }) });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'email']);
    const unknown = await server.json('/chat/email', { method: 'POST', body: JSON.stringify({ email: 'a@b.co', conversationId: 'nope' }) });
    assert.deepEqual([unknown.status, unknown.body.error.field], [404, 'conversationId']);
  });
});

describe('event stream', () => {
  const streamUrl = (conversationId: string, query = '') =>
    `${server.url}/api/v1/chat/conversations/${conversationId}/events?shop=${SHOP}${query}`;

  it('sends a retry hint, replays after lastEventId, then live events with their sequence as id', async () => {
    const conversation = await startConversation();
    for (const body of ['one', 'two', 'three']) await send(conversation.id, { clientId: randomUUID(), body });
    const stream = await openStream(streamUrl(conversation.id, '&lastEventId=1'));
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream');
    await stream.next((event) => event.retry !== undefined);
    assert.equal(stream.events.find((event) => event.retry !== undefined)!.retry, 500);
    await stream.next((event) => event.id === '3');
    await send(conversation.id, { clientId: randomUUID(), body: 'four' });
    await stream.next((event) => event.id === '4');
    const messages = stream.messages().filter((event) => event.data.type === 'message');
    assert.deepEqual(
      messages.map((event) => [event.id, event.data.message.seq, event.data.message.body]),
      [
        ['2', 2, 'two'],
        ['3', 3, 'three'],
        ['4', 4, 'four'],
      ],
    );
    for (const event of stream.messages()) ChatEvent.parse(event.data);
    stream.close();
  });

  it('prefers the Last-Event-ID header, as a reconnecting EventSource sends it', async () => {
    const conversation = await startConversation();
    for (const body of ['one', 'two', 'three']) await send(conversation.id, { clientId: randomUUID(), body });
    const stream = await openStream(streamUrl(conversation.id, '&lastEventId=0'), { 'Last-Event-ID': '2' });
    await stream.next((event) => event.data?.includes('"status"') === true);
    assert.deepEqual(
      stream
        .messages()
        .filter((event) => event.data.type === 'message')
        .map((event) => event.id),
      ['3'],
    );
    stream.close();
  });

  it('replays nothing without a last event id, and tells the status', async () => {
    const conversation = await startConversation();
    await send(conversation.id, { clientId: randomUUID(), body: 'before' });
    const stream = await openStream(streamUrl(conversation.id));
    const status = await stream.next((event) => event.data?.includes('"status"') === true);
    assert.equal(JSON.parse(status.data!).status.state, 'away');
    assert.equal(status.id, '1', 'the opening status names the last sequence number covered');
    assert.equal(stream.messages().filter((event) => event.data.type === 'message').length, 0);
    stream.close();
  });

  it('sends heartbeat comments', async () => {
    const conversation = await startConversation();
    const stream = await openStream(streamUrl(conversation.id));
    await stream.next((event) => event.comment === 'heartbeat');
    stream.close();
  });

  it('ends every stream on demand, and a reconnect loses nothing', async () => {
    const conversation = await startConversation();
    const stream = await openStream(streamUrl(conversation.id, '&lastEventId=0'));
    await stream.next((event) => event.data?.includes('"status"') === true);
    assert.ok(server.dropStreams() >= 1);
    await stream.end();
    await send(conversation.id, { clientId: randomUUID(), body: 'while away' });
    const again = await openStream(streamUrl(conversation.id), { 'Last-Event-ID': '0' });
    const event = await again.next((candidate) => candidate.id === '1');
    assert.equal(JSON.parse(event.data!).message.body, 'while away');
    again.close();
  });

  it('never sends an id older than one already sent: a message arriving while the opening status is read', async () => {
    const conversation = await startConversation();
    await send(conversation.id, { clientId: randomUUID(), body: 'one' });
    // The opening status reads the shop's agents; a message lands while it does.
    const agents = server.storage.agents;
    const list = agents.list.bind(agents);
    let sent: Promise<unknown> | undefined;
    agents.list = async (shopId) => {
      agents.list = list;
      sent = send(conversation.id, { clientId: randomUUID(), body: 'meanwhile' });
      await sent;
      return list(shopId);
    };
    try {
      const stream = await openStream(streamUrl(conversation.id, '&lastEventId=0'));
      await stream.next((event) => event.data?.includes('"status"') === true);
      await sent;
      await stream.next((event) => event.id === '2');
      const ids = stream.events.filter((event) => event.id !== undefined).map((event) => Number(event.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
        `ids in order: ${ids}`,
      );
      assert.equal(ids.at(-1), 2, 'a reconnect resumes after the newest message');
      stream.close();
    } finally {
      agents.list = list;
    }
  });

  it('answers 400 for a bad Last-Event-ID and 404 for an unknown conversation', async () => {
    const conversation = await startConversation();
    const bad = await fetch(streamUrl(conversation.id), { headers: { 'Last-Event-ID': 'abc' } });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.field, 'Last-Event-ID');
    const unknown = await fetch(streamUrl(randomUUID()));
    assert.equal(unknown.status, 404);
  });
});
