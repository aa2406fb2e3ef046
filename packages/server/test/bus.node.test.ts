/**
 * The event bus that lets several instances on one PostgreSQL share chat
 * events: every instance hears every event in the same order, events larger
 * than a notification arrive whole, a dropped connection is reported as a gap
 * and heals, and agents connected to one instance count on the others.
 * Runs when the tests run on PostgreSQL (`SHOPFRONT_TEST_DATABASE_URL`).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import type { BusEvent } from '../src/bus/index.js';
import { PostgresBus } from '../src/bus/postgres.js';
import { ChatHub, type StreamHandle } from '../src/chat-hub.js';
import { EVERY_TAG } from '../src/read-cache.js';
import { openTestStorage } from './helpers.js';
import { newShop } from './storage/fixtures.js';
import { until } from './until.js';

const url = process.env.SHOPFRONT_TEST_DATABASE_URL;
const onPostgres = url?.startsWith('postgres') ? false : 'runs on PostgreSQL (SHOPFRONT_TEST_DATABASE_URL=postgres://…)';

/** A started bus that records what it hears. */
async function listeningBus() {
  const bus = new PostgresBus(url!);
  const heard: BusEvent[] = [];
  let gaps = 0;
  await bus.start({ event: (event) => heard.push(event), gap: () => gaps++ });
  return { bus, heard, gaps: () => gaps };
}

/** Ends the bus's listening connection from the database's side, as a restart or a network cut would. */
async function dropConnectionOf(bus: PostgresBus): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      `shopfront-bus-${bus.instance}`,
    ]);
    assert.equal(rowCount, 1);
  } finally {
    await admin.end();
  }
}

const message = (body: string, seq: number): BusEvent => ({
  kind: 'conversation',
  conversationId: 'c-1',
  event: {
    type: 'message',
    message: {
      id: `m-${seq}`,
      clientId: `k-${seq}`,
      conversationId: 'c-1',
      seq,
      author: 'visitor',
      body,
      createdAt: new Date(0).toISOString(),
    },
  },
});

describe('PostgresBus', { skip: onPostgres }, () => {
  const open: Array<{ close(): Promise<void> }> = [];
  after(() => Promise.all(open.map((item) => item.close())));

  it('gives every instance every event, the sender included, in the order they were sent', async () => {
    const a = await listeningBus();
    const b = await listeningBus();
    open.push(a.bus, b.bus);
    const sent = Array.from({ length: 50 }, (_, i) => message(`hello ${i}`, i + 1));
    for (const event of sent) await a.bus.publish(event);
    await until(() => a.heard.length === 50 && b.heard.length === 50, 'fifty events on both');
    assert.deepEqual(a.heard, sent);
    assert.deepEqual(b.heard, sent);
  });

  it('keeps the order of events published together without waiting, large ones among them', async () => {
    const a = await listeningBus();
    const b = await listeningBus();
    open.push(a.bus, b.bus);
    // Sent as a hub sends them: one after another, none awaited (an agent who joins and leaves at once).
    const sent = Array.from({ length: 200 }, (_, i) => message(i % 50 === 7 ? '€'.repeat(4000) : `burst ${i}`, i + 1));
    await Promise.all(sent.map((event) => a.bus.publish(event)));
    await until(() => b.heard.length === 200, 'two hundred events');
    assert.deepEqual(b.heard, sent);
  });

  it('delivers an event larger than a notification holds, whole', async () => {
    const a = await listeningBus();
    const b = await listeningBus();
    open.push(a.bus, b.bus);
    // 4,000 characters of three bytes each, and a long name: well over PostgreSQL's 8,000-byte payload.
    const big = message('€'.repeat(4000), 1);
    await a.bus.publish(big);
    await a.bus.publish(message('after', 2));
    await until(() => b.heard.length === 2, 'both events');
    assert.deepEqual(b.heard, [big, message('after', 2)]);
  });

  it('reports a gap when its connection drops, then hears again', async () => {
    const a = await listeningBus();
    const b = await listeningBus();
    open.push(a.bus, b.bus);
    await dropConnectionOf(b.bus);
    await until(() => b.gaps() === 1, 'the gap reported');
    await a.bus.publish(message('back', 1));
    await until(() => b.heard.length === 1, 'the event after the gap');
    assert.equal(a.gaps(), 0);
  });
});

describe('ChatHub on a shared bus', { skip: onPostgres }, () => {
  it('counts an agent connected to another instance as connected, until they leave', async () => {
    const one = new ChatHub(new PostgresBus(url!));
    const two = new ChatHub(new PostgresBus(url!));
    await one.start();
    await two.start();
    try {
      const disconnect = one.agentConnected('agent-1');
      await until(() => two.isConnected('agent-1'), 'the agent seen on the other instance');
      disconnect();
      await until(() => !two.isConnected('agent-1'), 'the agent gone on the other instance');

      // A conversation's stream on one instance hears what the other publishes.
      const heard: unknown[] = [];
      one.subscribe(1, 'c-9', (event) => heard.push(event));
      two.publish('c-9', { type: 'read', seq: 3 });
      await until(() => heard.length === 1, 'the event from the other instance');
      assert.deepEqual(heard, [{ type: 'read', seq: 3 }]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('tells the other instances of a write once, and does not hear its own again (a read cached since is current)', async () => {
    const one = new ChatHub(new PostgresBus(url!));
    const two = new ChatHub(new PostgresBus(url!));
    await one.start();
    await two.start();
    try {
      const onOne: string[] = [];
      const onTwo: string[] = [];
      one.onInvalidate((tag) => onOne.push(tag));
      two.onInvalidate((tag) => onTwo.push(tag));
      one.invalidate('reviews:1');
      assert.deepEqual(onOne, ['reviews:1'], 'told at once');
      // An event sent after it arrives after it: by then the echo would have come back.
      const heard: unknown[] = [];
      one.subscribe(1, 'c-after', (event) => heard.push(event));
      one.publish('c-after', { type: 'read', seq: 1 });
      await until(() => heard.length === 1 && onTwo.length === 1, 'the invalidation on the other instance');
      assert.deepEqual(onOne, ['reviews:1']);
      assert.deepEqual(onTwo, ['reviews:1']);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('after a gap, ends its streams and drops every cached read: an invalidation may have been missed', async () => {
    const bus = new PostgresBus(url!);
    const hub = new ChatHub(bus);
    await hub.start();
    try {
      const told: string[] = [];
      hub.onInvalidate((tag) => told.push(tag));
      let closed = 0;
      const stream: StreamHandle = { close: () => closed++ };
      hub.track(stream);
      await dropConnectionOf(bus);
      await until(() => told.includes(EVERY_TAG), 'every tag invalidated');
      assert.equal(closed, 1);
    } finally {
      await hub.close();
    }
  });

  it('sends a stored message as its conversation and number only; every instance reads it back from the database', async () => {
    const opened = await openTestStorage();
    const watcher = new pg.Client({ connectionString: url });
    const one = new ChatHub(new PostgresBus(url!), opened.storage.chat);
    const two = new ChatHub(new PostgresBus(url!), opened.storage.chat);
    try {
      const shop = await newShop(opened.storage);
      const conversation = await opened.storage.chat.createConversation(shop.id, { name: 'Ada' });
      // Longer than one notification could carry.
      const { message } = await opened.storage.chat.appendMessage(conversation.id, {
        clientId: 'c-1',
        author: 'visitor',
        body: 'ü'.repeat(4000),
      });
      const payloads: string[] = [];
      await watcher.connect();
      watcher.on('notification', ({ payload }) => payloads.push(payload!));
      await watcher.query('LISTEN shopfront_events');
      await one.start();
      await two.start();
      const onStream: unknown[] = [];
      const inInbox: unknown[] = [];
      two.subscribe(shop.id, conversation.id, (event) => onStream.push(event));
      two.subscribeInbox(shop.id, (event) => inInbox.push(event));

      one.publishMessage(shop.id, conversation.id, message.seq);
      await until(() => onStream.length === 1 && inInbox.length === 2, 'the message on the other instance');
      assert.deepEqual(onStream, [{ type: 'message', message }]);
      assert.deepEqual(inInbox[0], { type: 'message', message });
      const summary = inInbox[1] as { type: string; conversation: { id: string; lastSeq: number; lastMessage: unknown } };
      assert.equal(summary.type, 'conversation');
      assert.deepEqual(
        [summary.conversation.id, summary.conversation.lastSeq, summary.conversation.lastMessage],
        [conversation.id, 1, message],
      );
      const notified = payloads.map((payload) => JSON.parse(payload)).filter((event) => event.kind === 'message');
      assert.deepEqual(notified, [{ kind: 'message', shopId: shop.id, conversationId: conversation.id, seq: 1 }]);
    } finally {
      await watcher.end();
      await one.close();
      await two.close();
      await opened.dispose();
    }
  });
});
