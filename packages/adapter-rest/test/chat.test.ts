import { expect } from '@open-wc/testing';
import { type ChatEvent, type StreamState } from '@shopfront/core';
import '../src/register.js';
import { agentSays, dropStreams, restAdapter, restartServer, setAgentAvailability } from '../../../test/helpers/server.js';
import { captureWarnings } from '../../../test/helpers/mount.js';

/** Events and states from a subscription, with a way to wait for the next one that matches. */
function recorder() {
  const events: ChatEvent[] = [];
  const states: StreamState[] = [];
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  return {
    events,
    states,
    onEvent: (event: ChatEvent) => {
      events.push(event);
      wake();
    },
    onState: (state: StreamState) => {
      states.push(state);
      wake();
    },
    bodies: () => events.flatMap((event) => (event.type === 'message' ? [event.message.body] : [])),
    async until(predicate: () => boolean): Promise<void> {
      while (!predicate()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('RestAdapter against the reference server', () => {
  describe('chat', () => {
    it('starts a conversation, sends idempotently and reads history after a sequence number', async () => {
      const adapter = await restAdapter();
      const conversation = await adapter.chat.start({ name: 'Grace' });
      const clientId = crypto.randomUUID();
      const sent = await adapter.chat.send(conversation.id, { clientId, body: 'Hello' });
      const resent = await adapter.chat.send(conversation.id, { clientId, body: 'Hello' });
      expect(resent).to.deep.equal(sent);
      await adapter.chat.send(conversation.id, { clientId: crypto.randomUUID(), body: 'Second' });
      const { messages } = await adapter.chat.history(conversation.id, { after: 1 });
      expect(messages.map((message) => message.body)).to.deep.equal(['Second']);
    });

    it('leaves an email and reports status', async () => {
      const adapter = await restAdapter();
      expect(await adapter.chat.leaveEmail({ email: 'later@example.com', message: 'Please call' })).to.deep.equal({ ok: true });
      expect((await adapter.chat.status()).state).to.equal('away');
      await setAgentAvailability('available');
      expect((await adapter.chat.status()).state).to.equal('online');
      await setAgentAvailability('auto');
    });

    it('delivers live events and reports the stream open', async () => {
      const adapter = await restAdapter();
      const conversation = await adapter.chat.start({});
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe(conversation.id, { onState: record.onState }, record.onEvent);
      await record.until(() => record.states.includes('open'));
      await agentSays(conversation.id, 'Hi, how can I help?');
      await record.until(() => record.bodies().includes('Hi, how can I help?'));
      unsubscribe();
      expect(record.states.slice(0, 2)).to.deep.equal(['connecting', 'open']);
    });

    it('replays what came after lastEventId', async () => {
      const adapter = await restAdapter();
      const conversation = await adapter.chat.start({});
      for (const body of ['one', 'two', 'three']) await adapter.chat.send(conversation.id, { clientId: crypto.randomUUID(), body });
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe(conversation.id, { lastEventId: 1 }, record.onEvent);
      await record.until(() => record.bodies().length === 2);
      unsubscribe();
      expect(record.bodies()).to.deep.equal(['two', 'three']);
    });

    it('resumes after the server drops the stream, losing nothing sent meanwhile', async () => {
      const adapter = await restAdapter();
      const conversation = await adapter.chat.start({});
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe(conversation.id, { onState: record.onState }, record.onEvent);
      await record.until(() => record.states.includes('open'));
      await agentSays(conversation.id, 'before the drop');
      await record.until(() => record.bodies().length === 1);
      expect(await dropStreams()).to.be.at.least(1);
      await agentSays(conversation.id, 'while dropped');
      await record.until(() => record.bodies().length === 2);
      unsubscribe();
      expect(record.bodies()).to.deep.equal(['before the drop', 'while dropped']);
      expect(record.states.filter((state) => state === 'open').length).to.be.at.least(2);
    });

    it('resumes across a server restart', async () => {
      const adapter = await restAdapter();
      const conversation = await adapter.chat.start({});
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe(conversation.id, { onState: record.onState }, record.onEvent);
      await record.until(() => record.states.includes('open'));
      await restartServer();
      await agentSays(conversation.id, 'after the restart');
      await record.until(() => record.bodies().includes('after the restart'));
      unsubscribe();
    });

    it('polls history when the event stream is blocked', async () => {
      /** An EventSource a proxy refuses: it fails at once and for good. */
      class BlockedEventSource extends EventTarget {
        static readonly CONNECTING = 0;
        static readonly OPEN = 1;
        static readonly CLOSED = 2;
        readyState = 0;
        onopen: (() => void) | null = null;
        onmessage: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly url: string) {
          super();
          queueMicrotask(() => {
            this.readyState = 2;
            this.onerror?.();
          });
        }
        close() {
          this.readyState = 2;
        }
      }
      const adapter = await restAdapter({ EventSource: BlockedEventSource as unknown as typeof EventSource, pollInterval: 20 });
      const conversation = await adapter.chat.start({});
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe(conversation.id, { onState: record.onState }, record.onEvent);
      await record.until(() => record.states.includes('open'));
      await agentSays(conversation.id, 'reached you by polling');
      await agentSays(conversation.id, 'and again');
      await record.until(() => record.bodies().length === 2);
      unsubscribe();
      expect(record.bodies()).to.deep.equal(['reached you by polling', 'and again']);
    });

    it('skips a stream event that is not JSON with a warning, and delivers the next', async () => {
      /** A stream behind a proxy that answers one event with an HTML error page. */
      class GarbledEventSource extends EventTarget {
        static readonly CONNECTING = 0;
        static readonly OPEN = 1;
        static readonly CLOSED = 2;
        readyState = 0;
        onopen: (() => void) | null = null;
        onmessage: ((message: { data: string; lastEventId: string }) => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly url: string) {
          super();
          queueMicrotask(() => {
            this.readyState = 1;
            this.onopen?.();
            this.onmessage?.({ data: '<html><body>502 Bad Gateway</body></html>', lastEventId: '' });
            this.onmessage?.({ data: JSON.stringify({ type: 'typing', active: true }), lastEventId: '' });
          });
        }
        close() {
          this.readyState = 2;
        }
      }
      const adapter = await restAdapter({ EventSource: GarbledEventSource as unknown as typeof EventSource });
      const record = recorder();
      const warnings = await captureWarnings(async () => {
        const unsubscribe = adapter.chat.subscribe('a-conversation', { onState: record.onState }, record.onEvent);
        await record.until(() => record.events.length === 1);
        unsubscribe();
      });
      expect(record.events).to.deep.equal([{ type: 'typing', active: true }]);
      expect(warnings.filter((warning) => warning.includes('not JSON'))).to.have.length(1);
    });

    it('reports closed for a conversation the server does not know', async () => {
      const adapter = await restAdapter({ pollInterval: 20 });
      const record = recorder();
      const unsubscribe = adapter.chat.subscribe('no-such-conversation', { onState: record.onState }, record.onEvent);
      await record.until(() => record.states.includes('closed'));
      unsubscribe();
    });
  });
});
