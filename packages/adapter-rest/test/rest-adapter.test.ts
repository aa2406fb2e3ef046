import { expect } from '@open-wc/testing';
import { AdapterError, configure, getRuntime, type ChatEvent, type StreamState } from '@shopfront/core';
import { resetSettings } from '@shopfront/core/settings.js';
import { RestAdapter } from '../src/index.js';
import '../src/register.js';
import {
  agentSays,
  demoCustomer,
  dropStreams,
  resetServer,
  restAdapter,
  restartServer,
  setAgentAvailability,
  signedCustomer,
  testServer,
} from '../../../test/helpers/server.js';
import { captureWarnings } from '../../../test/helpers/mount.js';

/** A 1×1 PNG. */
const png = () => {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new File([bytes], 'photo.png', { type: 'image/png' });
};

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

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
  describe('reviews', () => {
    it('loads a summary and sorted, filtered pages that follow the cursor', async () => {
      const adapter = await restAdapter();
      const summary = await adapter.reviews.summary('prod-1');
      expect(summary.count).to.equal(25);
      const first = await adapter.reviews.list('prod-1', { sort: 'highest', limit: 10 });
      expect(first.reviews).to.have.length(10);
      expect(first.nextCursor).to.be.a('string');
      const second = await adapter.reviews.list('prod-1', { sort: 'highest', limit: 10, cursor: first.nextCursor! });
      const ids = new Set([...first.reviews, ...second.reviews].map((review) => review.id));
      expect(ids.size).to.equal(20);
      const withPhotos = await adapter.reviews.list('prod-1', { withMedia: true, limit: 50 });
      expect(withPhotos.reviews.every((review) => review.photos.length > 0)).to.equal(true);
      const fives = await adapter.reviews.list('prod-1', { rating: 5, limit: 50 });
      expect(fives.reviews.every((review) => review.rating === 5)).to.equal(true);
    });

    it('submits a review with a photo, and the photo loads', async () => {
      const adapter = await restAdapter();
      const submission = await adapter.reviews.submit({
        productId: 'prod-2',
        rating: 5,
        title: 'Warm',
        body: 'Lovely hat.',
        name: 'Ada',
        photos: [png()],
      });
      expect(submission.status).to.equal('published');
      const image = new Image();
      image.src = submission.review.photos[0]!.url;
      await image.decode();
      expect(image.naturalWidth).to.equal(1);
    });

    it('counts a helpful vote once per visitor', async () => {
      const adapter = await restAdapter({ visitorId: async () => 'visitor-vote-test' });
      const first = await adapter.reviews.vote('demo-review-002', true);
      const again = await adapter.reviews.vote('demo-review-002', true);
      expect(again.helpfulCount).to.equal(first.helpfulCount);
    });

    it('turns a 400 into an http AdapterError naming the field', async () => {
      const adapter = await restAdapter();
      const error = await rejection(
        adapter.reviews.submit({ productId: 'prod-2', rating: 5, title: '', body: 'x', name: 'N', email: 'nope' }),
      );
      expect([error.kind, error.status, error.field]).to.deep.equal(['http', 400, 'email']);
    });

    it('turns a 404 into an http AdapterError', async () => {
      const adapter = await restAdapter();
      const error = await rejection(adapter.reviews.vote('no-such-review', true));
      expect([error.kind, error.status, error.field]).to.deep.equal(['http', 404, 'reviewId']);
    });
  });

  describe('loyalty', () => {
    it('is a guest without a signed customer', async () => {
      const adapter = await restAdapter();
      expect(await adapter.loyalty.member()).to.deep.equal({ status: 'guest' });
      const error = await rejection(adapter.loyalty.redeem('five-off'));
      expect(error.status).to.equal(401);
    });

    it('shows a signed customer their points, redeems, and lists history', async () => {
      const adapter = await restAdapter({ customer: await demoCustomer() });
      const member = await adapter.loyalty.member();
      expect(member.status).to.equal('member');
      const program = await adapter.loyalty.program();
      expect(program.tiers).to.have.length(3);
      expect((await adapter.loyalty.rewards()).rewards).to.have.length(5);
      const redemption = await adapter.loyalty.redeem('free-shipping');
      expect(redemption.code).to.match(/^SF-/);
      const { activity } = await adapter.loyalty.activity();
      expect(activity[0]).to.include({ kind: 'redeem', points: -300 });
    });

    it('reports 409 when the points do not reach', async () => {
      const adapter = await restAdapter({ customer: await signedCustomer('poor-customer') });
      const error = await rejection(adapter.loyalty.redeem('twenty-off'));
      expect([error.status, error.field]).to.deep.equal([409, 'points']);
    });

    it('reports a forged signature as 401', async () => {
      const adapter = await restAdapter({ customer: { id: 'demo-customer-1', signature: '0'.repeat(64) } });
      const error = await rejection(adapter.loyalty.member());
      expect(error.status).to.equal(401);
    });
  });

  describe('FAQ and products', () => {
    it('loads every FAQ entry and searches', async () => {
      const adapter = await restAdapter();
      const faq = await adapter.faq.entries();
      expect(faq.entries.length).to.be.at.least(80);
      const again = await adapter.faq.entries();
      expect(again.version).to.equal(faq.version);
      const { hits } = await adapter.faq.search!('return');
      expect(hits.length).to.be.greaterThan(0);
    });

    it('hydrates products in the order asked', async () => {
      const adapter = await restAdapter();
      const { products } = await adapter.products.get(['prod-5', 'nope', 'prod-2']);
      expect(products.map((product) => product.id)).to.deep.equal(['prod-5', 'prod-2']);
      expect(products[0]!.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/products\//);
    });
  });

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

  describe('failures', () => {
    const response = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });

    it('retries a GET after a 503 and a dropped connection, then succeeds', async () => {
      let calls = 0;
      const adapter = await restAdapter({
        retryDelay: 1,
        fetch: async (input, init) => {
          calls++;
          if (calls === 1) return response(503, { error: { message: 'busy' } });
          if (calls === 2) throw new TypeError('Failed to fetch');
          return fetch(input, init);
        },
      });
      expect((await adapter.reviews.summary('prod-1')).count).to.equal(25);
      expect(calls).to.equal(3);
    });

    it('gives up after its retries with the last error', async () => {
      let calls = 0;
      const adapter = await restAdapter({
        retryDelay: 1,
        retries: 2,
        fetch: async () => {
          calls++;
          return response(502, {});
        },
      });
      const error = await rejection(adapter.faq.entries());
      expect([error.kind, error.status, calls]).to.deep.equal(['http', 502, 3]);
    });

    it('never retries a write that is not idempotent', async () => {
      let calls = 0;
      const adapter = await restAdapter({
        retryDelay: 1,
        fetch: async () => {
          calls++;
          throw new TypeError('Failed to fetch');
        },
      });
      const error = await rejection(adapter.reviews.vote('demo-review-001', true));
      expect([error.kind, calls]).to.deep.equal(['network', 1]);
      await rejection(adapter.loyalty.redeem('five-off'));
      expect(calls).to.equal(2);
    });

    it('retries a chat send whose answer was lost, and the server keeps one message', async () => {
      let lost = true;
      const adapter = await restAdapter({
        retryDelay: 1,
        fetch: async (input, init) => {
          const answer = await fetch(input, init);
          if (lost && init?.method === 'POST' && String(input).includes('/messages')) {
            lost = false;
            throw new TypeError('The connection dropped after the server stored it');
          }
          return answer;
        },
      });
      const conversation = await adapter.chat.start({});
      const message = await adapter.chat.send(conversation.id, { clientId: crypto.randomUUID(), body: 'Sent once' });
      const { messages } = await adapter.chat.history(conversation.id, {});
      expect(messages.map((item) => item.id)).to.deep.equal([message.id]);
    });

    it('reports Retry-After on a 429 it will not wait out', async () => {
      const adapter = await restAdapter({
        fetch: async () => response(429, { error: { message: 'slow down' } }, { 'retry-after': '120' }),
      });
      const error = await rejection(adapter.reviews.summary('prod-1'));
      expect([error.status, error.retryAfter, error.message]).to.deep.equal([429, 120, 'slow down']);
    });

    it('waits out a short Retry-After on an idempotent request', async () => {
      let calls = 0;
      const adapter = await restAdapter({
        fetch: async (input, init) => (++calls === 1 ? response(429, {}, { 'retry-after': '0' }) : fetch(input, init)),
      });
      expect((await adapter.reviews.summary('prod-1')).count).to.equal(25);
      expect(calls).to.equal(2);
    });

    it('rejects data that breaks the schema as invalid-response, naming the field', async () => {
      const adapter = await restAdapter({ fetch: async () => response(200, { productId: 'prod-1', average: 9, count: 1, histogram: {} }) });
      const error = await rejection(adapter.reviews.summary('prod-1'));
      expect([error.kind, error.field]).to.deep.equal(['invalid-response', 'average']);
      const notJson = await restAdapter({ fetch: async () => new Response('<html>', { status: 200 }) });
      expect((await rejection(notJson.faq.entries())).kind).to.equal('invalid-response');
    });

    it('times out an attempt that hangs', async () => {
      const adapter = await restAdapter({
        timeout: 30,
        retries: 0,
        fetch: (_input, init) =>
          new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true })),
      });
      const error = await rejection(adapter.reviews.summary('prod-1'));
      expect(error.kind).to.equal('timeout');
    });

    it('passes the caller’s abort through as an AbortError', async () => {
      const adapter = await restAdapter();
      const controller = new AbortController();
      const call = adapter.reviews.summary('prod-1', { signal: controller.signal });
      controller.abort();
      let caught: unknown;
      try {
        await call;
      } catch (error) {
        caught = error;
      }
      expect((caught as DOMException).name).to.equal('AbortError');
    });

    it('reports a server that cannot be reached as a network error', async () => {
      const adapter = new RestAdapter({ endpoint: 'http://127.0.0.1:9/api/v1', shop: 'pk_demo', retries: 0 });
      expect((await rejection(adapter.faq.entries())).kind).to.equal('network');
    });

    it('hits the visitor rate limit with 429 and Retry-After', async () => {
      await resetServer({ rateLimits: { writesPerVisitor: 1 } });
      try {
        const adapter = await restAdapter({ visitorId: async () => 'visitor-rate-limited' });
        await adapter.chat.leaveEmail({ email: 'a@example.com' });
        const error = await rejection(adapter.chat.leaveEmail({ email: 'a@example.com' }));
        expect(error.status).to.equal(429);
        expect(error.retryAfter).to.be.greaterThan(0);
      } finally {
        await resetServer();
      }
    });
  });

  describe('registration', () => {
    afterEach(() => resetSettings());

    it('is what configure({ endpoint, shop }) builds', async () => {
      const { endpoint, shop } = await testServer();
      configure({ endpoint, shop });
      const adapter = getRuntime().adapter;
      expect(adapter).to.be.instanceOf(RestAdapter);
      expect((await adapter!.reviews!.summary('prod-1')).count).to.equal(25);
    });

    it('sends the configured customer', async () => {
      const { endpoint, shop } = await testServer();
      configure({ endpoint, shop, customer: await demoCustomer() });
      expect((await getRuntime().adapter!.loyalty!.member()).status).to.equal('member');
    });
  });
});
