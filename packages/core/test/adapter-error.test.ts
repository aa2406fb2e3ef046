import { expect } from '@open-wc/testing';
import { AdapterError, MemoryAdapter, request, ReviewSummary, toAdapterError, type BackendAdapter } from '@shopfront/core';

const summary = { productId: 'p', average: 4, count: 1, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } };

function adapterWith(summaryImpl: (productId: string, options?: { signal?: AbortSignal }) => Promise<unknown>): BackendAdapter {
  return { reviews: { summary: summaryImpl } } as unknown as BackendAdapter;
}

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    return error as AdapterError;
  }
  throw new Error('expected a failure');
}

const call = (adapter: BackendAdapter | undefined, options = {}) =>
  request(adapter, 'reviews', ReviewSummary, (reviews, signal) => reviews.summary('p', { signal }), options);

describe('request: the one adapter wrapper', () => {
  it('returns the validated data', async () => {
    expect(await call(adapterWith(async () => summary))).to.deep.equal(summary);
  });

  it('turns a fetch failure (TypeError) into a network error', async () => {
    const error = await failure(
      call(
        adapterWith(async () => {
          throw new TypeError('Failed to fetch');
        }),
      ),
    );
    expect(error).to.be.instanceOf(AdapterError);
    expect(error.kind).to.equal('network');
    expect(error.retryable).to.equal(true);
  });

  it('turns a synchronous throw into an AdapterError', async () => {
    const error = await failure(
      call(
        adapterWith(() => {
          throw new Error('boom');
        }),
      ),
    );
    expect(error.kind).to.equal('network');
    expect(error.message).to.contain('boom');
  });

  it('turns an error with an HTTP status into an http error', async () => {
    const error = await failure(
      call(
        adapterWith(async () => {
          throw Object.assign(new Error('Server Error'), { status: 503 });
        }),
      ),
    );
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
  });

  it('keeps an AdapterError the adapter threw', async () => {
    const thrown = new AdapterError('http', 'Too many', { status: 429, retryAfter: 7 });
    const error = await failure(
      call(
        adapterWith(async () => {
          throw thrown;
        }),
      ),
    );
    expect(error).to.equal(thrown);
    expect(error.retryAfter).to.equal(7);
  });

  it('times out an adapter that never answers', async () => {
    const error = await failure(
      call(
        adapterWith(() => new Promise(() => {})),
        { timeout: 30 },
      ),
    );
    expect(error.kind).to.equal('timeout');
  });

  it('reports invalid data with the field that is wrong', async () => {
    const error = await failure(call(adapterWith(async () => ({ ...summary, average: 'four' }))));
    expect(error.kind).to.equal('invalid-response');
    expect(error.field).to.equal('average');
  });

  it('reports a missing capability as unsupported', async () => {
    const error = await failure(call(new MemoryAdapter({ products: [] })));
    expect(error.kind).to.equal('unsupported');
    expect((await failure(call(undefined))).kind).to.equal('unsupported');
  });

  it("passes the abort signal to the adapter and rethrows the caller's abort as-is", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = call(
      adapterWith((_, options) => {
        seen = options?.signal;
        return new Promise(() => {});
      }),
      { signal: controller.signal },
    );
    controller.abort();
    const error = await failure(pending);
    expect(seen?.aborted).to.equal(true);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
  });

  it('maps a DOMException timeout to timeout', () => {
    expect(toAdapterError(new DOMException('late', 'TimeoutError')).kind).to.equal('timeout');
  });
});
