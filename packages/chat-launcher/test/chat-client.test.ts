import { expect } from '@open-wc/testing';
import { AdapterError, LocalStore, store, type MemoryAdapter } from '@shopfront/core';
import { ChatClient, type ChatClientOptions } from '../src/chat-client.js';
import { MessageLog } from '../src/message-log.js';
import { awayStatus } from '../../../test/helpers/sample-data.js';
import { captureWarnings, until } from '../../../test/helpers/mount.js';
import { agentMessage, callsTo, chatAdapter, scriptStream, storedBodies } from './fixtures.js';

const clients: ChatClient[] = [];
let name: string;

/** A client as one page (tab) would have it; `store: new LocalStore()` acts as another page load. */
function client(adapter: MemoryAdapter, options: ChatClientOptions = {}): ChatClient {
  const chat = new ChatClient({ name, ...options });
  clients.push(chat);
  chat.connect(adapter);
  return chat;
}

const bodies = (chat: ChatClient) => chat.items.map((item) => item.body);
const deliveries = (chat: ChatClient) => chat.items.map((item) => item.delivery);

/** A started conversation with the shopper's first message stored and the stream open. */
async function started(adapter: MemoryAdapter, options: ChatClientOptions = {}) {
  const chat = client(adapter, options);
  await chat.send('Hello');
  await until(() => chat.connection === 'open' && chat.items[0]?.delivery === 'sent', 'an open conversation');
  return { chat, id: chat.conversationId! };
}

beforeEach(async () => {
  await store.clear();
  // Locks and channels are per origin: a name per test keeps tests apart.
  name = `chat-test-${Math.random().toString(36).slice(2)}`;
});

afterEach(() => clients.splice(0).forEach((chat) => chat.stop()));

describe('MessageLog', () => {
  it('keeps the server order and each message once', () => {
    const log = new MessageLog();
    expect(log.add(agentMessage('c', 3))).to.equal(true);
    expect(log.add(agentMessage('c', 1))).to.equal(true);
    expect(log.add(agentMessage('c', 2))).to.equal(true);
    expect(log.add(agentMessage('c', 2))).to.equal(false);
    expect(log.add({ ...agentMessage('c', 2), id: 'other-id' })).to.equal(false); // same client id
    expect(log.messages.map((message) => message.seq)).to.deep.equal([1, 2, 3]);
    expect(log.lastSeq).to.equal(3);
  });
});

describe('ChatClient', () => {
  it('starts a conversation with the first message and restores it on the next page load', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    expect(await store.get('chat-conversation')).to.equal(id);
    expect(await store.get('chat-outbox')).to.deep.equal([]);
    chat.stop();

    adapter.agentSays(id, 'Hi! How can I help?');
    const later = client(adapter, { store: new LocalStore() });
    await until(() => later.items.length === 2, 'the restored history');
    expect(bodies(later)).to.deep.equal(['Hello', 'Hi! How can I help?']);
    expect(later.unread).to.equal(1);
  });

  it('orders messages by sequence, never by clock, when they arrive out of order', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const { chat, id } = await started(adapter);
    stream.emit({ type: 'message', message: agentMessage(id, 4) });
    stream.emit({ type: 'message', message: agentMessage(id, 2, { createdAt: '2030-01-01T00:00:00Z' }) });
    stream.emit({ type: 'message', message: agentMessage(id, 3, { createdAt: '2020-01-01T00:00:00Z' }) });
    expect(bodies(chat)).to.deep.equal(['Hello', 'Message 2', 'Message 3', 'Message 4']);
  });

  it('shows a message once, however many times and ways it arrives', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const { chat, id } = await started(adapter);
    const [own] = (await adapter.chat!.history(id, { after: 0 })).messages;
    stream.emit({ type: 'message', message: own }); // the server echoes the shopper's message
    stream.emit({ type: 'message', message: agentMessage(id, 2) });
    stream.emit({ type: 'message', message: agentMessage(id, 2) });
    expect(bodies(chat)).to.deep.equal(['Hello', 'Message 2']);
  });

  it('keeps messages written offline through a reload, then sends each once, in order', async () => {
    const adapter = chatAdapter();
    adapter.offline = true;
    const first = client(adapter);
    for (const body of ['one', 'two', 'three']) expect(await first.send(body)).to.equal(true);
    await until(() => callsTo(adapter, 'chat.start').length > 0, 'a first attempt');
    expect(bodies(first)).to.deep.equal(['one', 'two', 'three']);
    expect(deliveries(first)).to.deep.equal(['sending', 'sending', 'sending']);
    expect((await store.get('chat-outbox'))?.map((entry) => entry.body)).to.deep.equal(['one', 'two', 'three']);
    first.stop(); // the page is closed

    adapter.offline = false;
    const mark = adapter.calls.length;
    const reloaded = client(adapter, { store: new LocalStore() });
    await until(() => reloaded.items.length === 3 && reloaded.items.every((item) => item.delivery === 'sent'), 'everything sent');
    const sent = adapter.calls.slice(mark).filter((call) => call.method === 'chat.send');
    expect(sent.map((call) => (call.args[1] as { body: string }).body)).to.deep.equal(['one', 'two', 'three']);
    expect(await storedBodies(adapter, reloaded.conversationId!)).to.deep.equal(['one', 'two', 'three']);
    expect(await store.get('chat-outbox')).to.deep.equal([]);
  });

  it('sends the outbox once when two tabs flush it at the same time', async () => {
    const adapter = chatAdapter();
    const { chat: first, id } = await started(adapter);
    const second = client(adapter, { store: new LocalStore() });
    await until(() => second.conversationId === id, 'the second tab');
    adapter.offline = true;
    for (const body of ['a', 'b', 'c', 'd']) await first.send(body);
    adapter.offline = false;
    const mark = adapter.calls.length;
    first.wake();
    second.wake();
    await until(() => first.items.length === 5 && first.items.every((item) => item.delivery === 'sent'), 'everything sent');
    await Promise.all([first.flush(), second.flush()]);
    const sent = adapter.calls.slice(mark).filter((call) => call.method === 'chat.send');
    expect(sent.map((call) => (call.args[1] as { body: string }).body)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'a', 'b', 'c', 'd']);
  });

  it('sends again after a lost answer without the shop storing it twice', async () => {
    const adapter = chatAdapter();
    // Neither the stream nor the history echoes it: only a resend can confirm the message.
    scriptStream(adapter);
    const history = adapter.chat!.history;
    adapter.chat!.history = async () => ({ messages: [] });
    const send = adapter.chat!.send;
    let lose = true;
    adapter.chat!.send = async (...args) => {
      const stored = await send(...args);
      if (lose) {
        lose = false;
        throw new TypeError('Failed to fetch'); // stored, but the answer never arrived
      }
      return stored;
    };
    const chat = client(adapter);
    await chat.send('Only once');
    await until(() => callsTo(adapter, 'chat.send').length >= 1, 'the first attempt');
    chat.wake(); // the connection is back (the stream opening may already have sent it again)
    await until(() => chat.items[0]?.delivery === 'sent', 'the message sent');
    const attempts = callsTo(adapter, 'chat.send').map((call) => (call.args[1] as { clientId: string }).clientId);
    expect(attempts).to.have.length(2);
    expect(attempts[0]).to.equal(attempts[1]);
    const { messages } = await history(chat.conversationId!, { after: 0 });
    expect(messages.map((message) => message.body)).to.deep.equal(['Only once']);
    expect(await store.get('chat-outbox')).to.deep.equal([]);
  });

  it('sends again when the connection comes back while a send is still failing', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    const send = adapter.chat!.send;
    let fail: (() => void) | undefined;
    adapter.chat!.send = () => {
      adapter.chat!.send = send; // only this attempt hangs, then fails as a dropped connection does
      return new Promise((_resolve, reject) => (fail = () => reject(new TypeError('Failed to fetch'))));
    };
    await chat.send('Written as the network came back');
    await until(() => fail, 'the attempt under way');
    chat.wake(); // `online` (or the stream reopening) before the attempt has failed
    fail!();
    await until(() => chat.items[1]?.delivery === 'sent', 'the message sent');
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'Written as the network came back']);
  });

  it('marks a failed message as not sent and sends it again on retry', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    adapter.failNext('chat.send', new AdapterError('http', 'Server error', { status: 503 }));
    await chat.send('one');
    await until(() => chat.items[1]?.delivery === 'failed', 'the failure');
    expect(await store.get('chat-outbox')).to.have.length(1);
    await chat.retry(chat.items[1]!.clientId);
    expect(deliveries(chat)).to.deep.equal(['sent', 'sent']);
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'one']);
  });

  it('never sends a message before an earlier one that failed', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    adapter.failNext('chat.send', new AdapterError('http', 'Server error', { status: 503 }));
    await chat.send('two');
    await until(() => chat.items[1]?.delivery === 'failed', 'the failure');
    adapter.pause();
    await chat.send('three');
    await until(() => callsTo(adapter, 'chat.send').length === 3, 'the next attempt');
    // The new message made the client try again: the failed one first.
    expect((callsTo(adapter, 'chat.send')[2]!.args[1] as { body: string }).body).to.equal('two');
    adapter.resume();
    await until(() => chat.items.every((item) => item.delivery === 'sent'), 'both sent');
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'two', 'three']);
  });

  it('lets later messages through when the shop refuses one, and sends that one only on retry', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    adapter.failNext('chat.send', new AdapterError('http', 'Bad request', { status: 400 }));
    await chat.send('refused');
    await until(() => chat.items[1]?.delivery === 'failed', 'the refusal');
    await chat.send('next');
    await until(() => chat.items.some((item) => item.body === 'next' && item.delivery === 'sent'), 'the next message');
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'next']);
    expect(chat.items.find((item) => item.body === 'refused')?.delivery).to.equal('failed');
    await chat.retry(chat.items.find((item) => item.body === 'refused')!.clientId);
    expect(await storedBodies(adapter, id)).to.deep.equal(['Hello', 'next', 'refused']);
    expect(await store.get('chat-outbox')).to.deep.equal([]);
  });

  it('catches up on what was said while the stream was down: nothing lost, nothing twice', async () => {
    const adapter = chatAdapter();
    const { chat, id } = await started(adapter);
    adapter.agentSays(id, 'one');
    await until(() => chat.items.length === 2, 'the first reply');
    adapter.offline = true;
    adapter.dropStreams();
    adapter.agentSays(id, 'two');
    adapter.agentSays(id, 'three');
    expect(bodies(chat)).to.deep.equal(['Hello', 'one']);
    adapter.offline = false;
    chat.wake(); // `online`
    await until(() => chat.items.length >= 4 && chat.connection === 'open', 'the catch-up');
    adapter.agentSays(id, 'four');
    await until(() => chat.items.length >= 5, 'a live message after the reconnect');
    expect(bodies(chat)).to.deep.equal(['Hello', 'one', 'two', 'three', 'four']);
    expect(new Set(chat.items.map((item) => item.clientId)).size).to.equal(5);
    // Resumed after the last message held, and synced the history after it as well.
    expect(callsTo(adapter, 'chat.subscribe').at(-1)!.args[1]).to.equal(2);
    expect(callsTo(adapter, 'chat.history').some((call) => (call.args[1] as { after: number }).after === 2)).to.equal(true);
  });

  it('runs a delta sync after a reconnect, for servers that replay nothing', async () => {
    const adapter = chatAdapter();
    const subscribe = adapter.chat!.subscribe;
    adapter.chat!.subscribe = (id, options, onEvent) => subscribe(id, { ...options, lastEventId: undefined }, onEvent);
    const { chat, id } = await started(adapter);
    adapter.dropStreams();
    adapter.agentSays(id, 'said while down');
    await until(() => chat.items.length === 2, 'the delta sync');
    expect(bodies(chat)).to.deep.equal(['Hello', 'said while down']);
  });

  it('runs a delta sync when a stream that reconnects by itself (EventSource) opens again', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const { chat, id } = await started(adapter);
    // The RestAdapter's EventSource reconnects on its own: `connecting`, then `open`, never `closed`.
    stream.state('connecting');
    adapter.agentSays(id, 'said while reconnecting'); // stored, but this stream replays nothing
    const mark = callsTo(adapter, 'chat.history').length;
    stream.state('open');
    await until(() => chat.items.length === 2, 'the delta sync');
    expect(bodies(chat)).to.deep.equal(['Hello', 'said while reconnecting']);
    expect(callsTo(adapter, 'chat.history')).to.have.length(mark + 1);
    expect(stream.subscriptions).to.have.length(1); // the same stream, not a new one
  });

  it('ignores invalid events from the stream with a warning, and keeps working', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const { chat, id } = await started(adapter);
    const warnings = await captureWarnings(() => {
      stream.emit({ type: 'message', message: { ...agentMessage(id, 2), seq: 'two' } });
      stream.emit({ type: 'message', message: agentMessage(id, 3, { avatarUrl: 'javascript:alert(1)' }) });
      stream.emit({ type: 'confetti' });
      stream.emit('<img src=x onerror=alert(1)>');
      stream.emit({ type: 'message', message: agentMessage('someone-else', 4) });
    });
    expect(warnings.filter((warning) => warning.includes('ignored'))).to.have.length(5);
    expect(bodies(chat)).to.deep.equal(['Hello']);
    stream.emit({ type: 'message', message: agentMessage(id, 5) });
    expect(bodies(chat)).to.deep.equal(['Hello', 'Message 5']);
  });

  it('shows typing, follows the status and marks what the team has seen', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const { chat, id } = await started(adapter);
    stream.emit({ type: 'typing', active: true, authorName: 'Sam' });
    expect(chat.typing).to.equal('Sam');
    stream.emit({ type: 'message', message: agentMessage(id, 2) });
    expect(chat.typing).to.equal(undefined);
    stream.emit({ type: 'read', seq: 1 });
    expect(chat.items[0]?.delivery).to.equal('seen');
    stream.emit({ type: 'status', status: awayStatus });
    expect(chat.status?.state).to.equal('away');
  });

  it('holds one stream for all tabs, shares its events, and hands it over when the tab closes', async () => {
    const adapter = chatAdapter();
    const { chat: first, id } = await started(adapter);
    const second = client(adapter, { store: new LocalStore() });
    await until(() => second.items.length === 1, 'the second tab');
    expect([first.leading, second.leading]).to.deep.equal([true, false]);

    adapter.agentSays(id, 'Hi both');
    await until(() => first.items.length === 2 && second.items.length === 2, 'the message in both tabs');
    expect(callsTo(adapter, 'chat.subscribe')).to.have.length(1);
    expect([first.unread, second.unread]).to.deep.equal([1, 1]);
    first.markRead();
    await until(() => second.unread === 0, 'the read mark in the other tab');

    first.stop();
    await until(() => second.leading && second.connection === 'open', 'the hand-over');
    adapter.agentSays(id, 'Still here');
    await until(() => second.items.length === 3, 'the message after the hand-over');
    expect(callsTo(adapter, 'chat.subscribe')).to.have.length(2);
    expect(second.unread).to.equal(1);
  });

  it('shows a conversation another client started while it was restoring, not the older state on disk', async () => {
    const adapter = chatAdapter();
    const { id } = await adapter.chat!.start({});
    await adapter.chat!.send(id, { clientId: crypto.randomUUID(), body: 'Sent by the page before' });
    // The page before finishes its send just after this client asked the disk for the conversation.
    const get = IDBObjectStore.prototype.get;
    let started: Promise<void> | undefined;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      const request = get.call(this, query);
      if (query === 'chat-conversation') started ??= store.set('chat-conversation', id);
      return request;
    };
    try {
      const chat = client(adapter);
      await until(() => chat.items.length === 1, 'the conversation');
      await started;
      expect(chat.conversationId).to.equal(id);
      expect(bodies(chat)).to.deep.equal(['Sent by the page before']);
    } finally {
      IDBObjectStore.prototype.get = get;
    }
  });

  it('forgets a conversation the shop no longer knows and starts a new one', async () => {
    await store.set('chat-conversation', 'conversation-from-an-old-database');
    const adapter = chatAdapter();
    const chat = client(adapter);
    await until(async () => (await store.get('chat-conversation')) === undefined, 'the stale id dropped');
    expect(chat.conversationId).to.equal(undefined);
    await chat.send('Hello again');
    await until(() => chat.items[0]?.delivery === 'sent', 'a new conversation');
    expect(chat.conversationId).to.not.equal('conversation-from-an-old-database');
  });

  it('does not queue an empty message or a file of the wrong type', async () => {
    const chat = client(chatAdapter());
    expect(await chat.send('   ')).to.equal(false);
    expect(await chat.send('a PDF', new File(['%PDF'], 'order.pdf', { type: 'application/pdf' }))).to.equal(false);
    expect(await chat.send('x'.repeat(4001))).to.equal(false);
    expect((await store.get('chat-outbox')) ?? []).to.deep.equal([]);
    expect(chat.items).to.deep.equal([]);
  });
});
