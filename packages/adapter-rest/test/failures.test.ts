import { expect } from '@open-wc/testing';
import { AdapterError } from '@shopfront/core';
import { RestAdapter } from '../src/index.js';
import '../src/register.js';
import { resetServer, restAdapter } from '../../../test/helpers/server.js';

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

describe('RestAdapter against the reference server', () => {
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
});
