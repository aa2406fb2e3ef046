/**
 * The hub delivers a stored message by reading it back from storage, and keeps
 * the order the bus gave: what follows a message is never heard before it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChatEvent } from '@shopfront/core/schemas.js';
import { ChatHub } from '../src/chat-hub.js';
import { openTestStorage, type TestStorage } from './helpers.js';
import { newShop } from './storage/fixtures.js';
import { until } from './until.js';

let opened: TestStorage;
before(async () => (opened = await openTestStorage()));
after(() => opened.dispose());

describe('ChatHub', () => {
  it('delivers a message read back from storage, before the events published after it', async () => {
    const hub = new ChatHub(undefined, opened.storage.chat);
    await hub.start();
    try {
      const shop = await newShop(opened.storage);
      const conversation = await opened.storage.chat.createConversation(shop.id, {});
      const heard: ChatEvent[] = [];
      hub.subscribe(shop.id, conversation.id, (event) => heard.push(event));
      const sent = [];
      for (const body of ['one', 'two']) {
        const { message } = await opened.storage.chat.appendMessage(conversation.id, { clientId: body, author: 'agent', body });
        sent.push(message);
      }
      hub.publishMessage(shop.id, conversation.id, 1);
      hub.publish(conversation.id, { type: 'read', seq: 1 });
      hub.publishMessage(shop.id, conversation.id, 2);
      hub.publish(conversation.id, { type: 'typing', active: false });
      await until(() => heard.length === 4, 'four events');
      assert.deepEqual(heard, [
        { type: 'message', message: sent[0] },
        { type: 'read', seq: 1 },
        { type: 'message', message: sent[1] },
        { type: 'typing', active: false },
      ]);
    } finally {
      await hub.close();
    }
  });

  it('ends its streams when a message cannot be read back, so their clients resume from storage', async () => {
    const hub = new ChatHub(undefined, opened.storage.chat);
    await hub.start();
    const errors = console.error;
    console.error = () => undefined;
    try {
      let closed = 0;
      hub.track({ close: () => closed++ });
      hub.publishMessage(1, 'no-such-conversation', 1);
      await until(() => closed === 1, 'the stream ended');
    } finally {
      console.error = errors;
      await hub.close();
    }
  });
});
