import { expect, html as testHtml, oneEvent } from '@open-wc/testing';
import { html, render } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AdapterError,
  coreMessages,
  errorView,
  type SfLoadErrorEvent,
  LoadController,
  MemoryAdapter,
  ReviewSummary,
  savedCopyNotice,
  ShopfrontElement,
  store,
  type BackendAdapter,
} from '@shopfront/core';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReviews } from '../../../test/helpers/sample-data.js';

class SfSummaryProbe extends ShopfrontElement {
  @property({ attribute: 'product-id' }) productId?: string;

  readonly summary = new LoadController(this, {
    capability: 'reviews',
    schema: ReviewSummary,
    args: () => (this.productId ? ([this.productId] as const) : undefined),
    load: (reviews, [productId], signal) => reviews.summary(productId, { signal }),
    cacheKey: ([productId]) => `probe-summary:${productId}`,
  });

  override render() {
    return this.summary.render({
      pending: () => html`<p class="pending">${this.coreText.loading}</p>`,
      complete: (summary) => html`<p class="value">${summary.count} reviews${this.summary.stale ? ' (saved)' : ''}</p>`,
      error: (error) => errorView(error, this.coreText, () => this.summary.retry()),
    });
  }
}
SfSummaryProbe.define('sf-summary-probe');

const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const seeded = () => new MemoryAdapter({ reviews: sampleReviews('p1', 3) });
/** An adapter that answers only when the test says so. */
const paused = (adapter = seeded()) => (adapter.pause(), adapter);

describe('LoadController', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('shows pending, then the data', async () => {
    const adapter = paused();
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    expect(shown(el)).to.equal('Loading…');
    adapter.resume();
    await until(() => shown(el) === '3 reviews', 'the data');
  });

  it('starts a load, and renders its result, each in a task of its own', async () => {
    const microtasks = async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`);
    const adapter = seeded();
    // The adapter arrives: every element on a page would start loading in this task.
    el.reconfigure({ adapter });
    await microtasks();
    expect(adapter.calls, 'asked in the task the adapter arrived in').to.deep.equal([]);
    await until(() => adapter.calls.length > 0, 'the request');
    expect(adapter.calls.map((call) => call.method)).to.deep.equal(['reviews.summary']);

    // The answer was parsed in one task; its render waits for the next.
    el.productId = 'p2';
    const answered = new Promise<void>((resolve) => {
      const reviews = adapter.reviews!;
      const original = reviews.summary.bind(reviews);
      reviews.summary = (...args) => original(...args).finally(() => queueMicrotask(resolve));
    });
    await answered;
    await microtasks();
    expect(shown(el), 'rendered in the task that parsed it').to.not.equal('0 reviews');
    await until(() => shown(el) === '0 reviews', 'the new data');
  });

  it('stays pending until there is an adapter, then loads', async () => {
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`);
    expect(shown(el)).to.equal('Loading…');
    el.reconfigure({ adapter: seeded() });
    await until(() => shown(el) === '3 reviews', 'the data');
  });

  it('shows the error state, never a blank, for bad data — and retry recovers', async () => {
    const adapter = seeded();
    adapter.respondNext('reviews.summary', { productId: 'p1', average: 'great', count: 3 });
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error state');
    expect(el.summary.error?.kind).to.equal('invalid-response');
    expect(el.summary.error?.field).to.equal('average');
    expect(shown(el)).to.contain("We received something we didn't understand");
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => shown(el) === '3 reviews', 'the retried data');
  });

  it('fires sf-load-error with the AdapterError', async () => {
    const adapter = seeded();
    adapter.failNext('reviews.summary', new AdapterError('http', 'down', { status: 503 }));
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const event = oneEvent(wrapper, 'sf-load-error') as unknown as Promise<SfLoadErrorEvent>;
    const { provideRuntime } = await import('@shopfront/core');
    provideRuntime(wrapper, { adapter });
    wrapper.innerHTML = '<sf-summary-probe product-id="p1"></sf-summary-probe>';
    expect((await event).error.status).to.equal(503);
    wrapper.remove();
  });

  it('renders the saved copy first, then the revalidated data', async () => {
    const first = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter: seeded() });
    await until(() => shown(first) === '3 reviews', 'the first load');
    await until(async () => (await store.get('cache:probe-summary:p1')) !== undefined, 'the saved copy');

    const fresher = paused(new MemoryAdapter({ reviews: sampleReviews('p1', 5) }));
    const second = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter: fresher });
    await until(() => shown(second) === '3 reviews (saved)', 'the saved copy');
    expect(second.summary.loading).to.equal(true);
    fresher.resume();
    await until(() => shown(second) === '5 reviews', 'the revalidated data');
  });

  it('offline with a saved copy: shows it, marked stale with the error, and reloads when back online', async () => {
    const first = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter: seeded() });
    await until(() => shown(first) === '3 reviews', 'the first load');
    await until(async () => (await store.get('cache:probe-summary:p1')) !== undefined, 'the saved copy');

    const adapter = seeded();
    adapter.offline = true;
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    await until(() => el.summary.error, 'the failure');
    expect(shown(el)).to.equal('3 reviews (saved)');
    expect(el.summary.error?.kind).to.equal('network');
    expect(el.summary.offline).to.equal(true);

    adapter.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => shown(el) === '3 reviews', 'fresh data after reconnecting');
    expect(el.summary.offline).to.equal(false);
  });

  it('ignores a corrupt saved copy', async () => {
    await store.set('cache:probe-summary:p1', { count: 'lots' });
    const adapter = paused();
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    await until(() => adapter.calls.length === 1, 'the request');
    expect(shown(el)).to.equal('Loading…');
    adapter.resume();
    await until(() => shown(el) === '3 reviews', 'the data');
  });

  it('aborts the request when the element leaves the page, and loads again when it returns', async () => {
    const signals: AbortSignal[] = [];
    const adapter = {
      reviews: {
        summary: (productId: string, options?: { signal?: AbortSignal }) => {
          signals.push(options!.signal!);
          return new Promise((resolve) =>
            setTimeout(() => resolve({ productId, average: 4, count: 9, histogram: { 1: 0, 2: 0, 3: 0, 4: 9, 5: 0 } }), 100),
          );
        },
      },
    } as unknown as BackendAdapter;
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    await until(() => signals.length === 1, 'the request');
    const parent = el.parentElement!;
    el.remove();
    expect(signals[0]!.aborted).to.equal(true);
    parent.append(el);
    await until(() => shown(el) === '9 reviews', 'the reload');
    expect(signals).to.have.length(2);
  });

  it('reloads when its arguments change', async () => {
    const adapter = new MemoryAdapter({ reviews: [...sampleReviews('p1', 3), ...sampleReviews('p2', 6)] });
    const el = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
    await until(() => shown(el) === '3 reviews', 'p1');
    el.productId = 'p2';
    await until(() => shown(el) === '6 reviews', 'p2');
  });

  it('renders nothing and warns once when the backend lacks the capability', async () => {
    const adapter = new MemoryAdapter({ products: [] });
    const warnings = await captureWarnings(async () => {
      const a = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p1"></sf-summary-probe>`, { adapter });
      const b = await mount<SfSummaryProbe>(testHtml`<sf-summary-probe product-id="p2"></sf-summary-probe>`, { adapter });
      await until(() => a.summary.error && b.summary.error, 'both failures');
      await a.updateComplete;
      expect(shown(a)).to.equal('');
      expect(shown(b)).to.equal('');
    });
    expect(warnings.filter((w) => w.includes('"reviews" capability'))).to.have.length(1);
  });

  describe('the notice over a saved copy', () => {
    const notice = (...loads: Array<{ stale: boolean; error?: AdapterError }>) => {
      const container = document.createElement('div');
      render(savedCopyNotice(coreMessages.for('en'), ...loads), container);
      return container.querySelector('[part=notice]');
    };

    it('says nothing while the data is fresh, or failed with nothing saved', () => {
      expect(notice({ stale: false })).to.equal(null);
      expect(notice({ stale: false, error: new AdapterError('network', 'down') })).to.equal(null);
    });

    it('says "offline" when the network is down, and what went wrong otherwise', () => {
      const offline = notice({ stale: false }, { stale: true, error: new AdapterError('network', 'down') })!;
      expect(offline.textContent).to.equal("You're offline. Showing what was saved earlier.");
      expect(offline.getAttribute('role')).to.equal('status');
      expect(notice({ stale: true, error: new AdapterError('http', 'boom', { status: 500 }) })!.textContent).to.equal(
        'Something went wrong on our side. Please try again in a moment.',
      );
    });
  });
});
