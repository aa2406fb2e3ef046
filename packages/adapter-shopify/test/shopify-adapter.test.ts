import { expect } from '@open-wc/testing';
import { AdapterError, configure, getRuntime, type ChatEvent, type StreamState } from '@shopfront/core';
import { resetSettings } from '@shopfront/core/settings.js';
import { ShopifyAdapter } from '../src/index.js';
import '../src/register.js';
import { captureWarnings, until } from '../../../test/helpers/mount.js';

const SHOP = 'shopfront-test.myshopify.com';
const PROXY = `${location.origin}/apps/shopfront/api/v1`;
/** The Shopfront server as the page sees it: another origin (the same test server under its other name). */
const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const STREAM = `${location.protocol}//${otherHost}:${location.port}/__fake-app/api/v1`;

interface Seen {
  kind: 'proxy' | 'stream' | 'product';
  method?: string;
  path: string;
  query?: Record<string, string>;
  cookie?: string;
  visitor?: string;
  customerHeader?: string;
  loggedInCustomerId?: string;
  body?: string;
  origin?: string;
}

/** What the fake storefront received for paths containing `marker`. */
async function seen(marker: string): Promise<Seen[]> {
  const all = (await (await fetch('/__fake-shopify/requests')).json()) as Seen[];
  return all.filter((record) => record.path.includes(marker));
}

const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;
const adapter = (options: Partial<ConstructorParameters<typeof ShopifyAdapter>[0]> = {}) =>
  new ShopifyAdapter({ endpoint: PROXY, shop: SHOP, currency: 'EUR', routesRoot: '/', retries: 0, ...options });

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

afterEach(() => {
  document.cookie = 'fake_customer=; path=/; max-age=0';
  resetSettings();
});

describe('ShopifyAdapter through the app proxy', () => {
  it('calls the proxy on the shop’s own origin, without a shop parameter (Shopify adds it, signed)', async () => {
    const productId = unique('8123');
    const summary = await adapter().reviews.summary(productId);
    expect(summary).to.deep.equal({ productId, average: 4.5, count: 2, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
    const [request] = await seen(productId);
    expect(request!.path).to.equal(`/products/${productId}/reviews/summary`);
    expect(request!.query).to.deep.equal({});
  });

  it('asks for many products’ summaries in one request through the proxy (product cards), without a shop parameter', async () => {
    const ids = [unique('8124'), unique('8125')];
    const { summaries } = await adapter().reviews.summaries!(ids);
    expect(summaries.map((summary) => summary.productId)).to.deep.equal(ids);
    const requests = (await seen('/reviews/summaries')).filter((request) => request.query?.ids === ids.join(','));
    expect(requests).to.have.length(1);
    expect(Object.keys(requests[0]!.query!)).to.deep.equal(['ids']);
  });

  it('sends the storefront’s cookies, so Shopify names the logged-in customer; the page never names one itself', async () => {
    const guest = await adapter().loyalty.member();
    expect(guest).to.deep.equal({ status: 'guest' });
    document.cookie = 'fake_customer=7001234567890; path=/';
    const member = await adapter({ retries: 0 }).loyalty.member();
    expect(member).to.include({ status: 'member', id: '7001234567890', points: 120 });
    const requests = (await seen('/loyalty/member')).slice(-2);
    expect(requests.map((r) => r.loggedInCustomerId)).to.deep.equal(['', '7001234567890']);
    expect(requests.every((r) => !r.customerHeader)).to.equal(true);
  });

  it('posts writes with the visitor id, and parses what comes back', async () => {
    const conversation = await adapter().chat.start({ name: 'Ada' });
    expect(conversation.status).to.equal('open');
    const [request] = (await seen('/chat/conversations')).filter((r) => r.method === 'POST').slice(-1);
    // An id the server issued through the same proxy, asked for before the first write.
    expect(request!.visitor).to.match(/^sv_[0-9a-f]{32}_[0-9a-f]{32}$/);
    expect((await seen('/visitors')).some((r) => r.method === 'POST' && !r.visitor)).to.equal(true);
    expect(JSON.parse(request!.body!)).to.deep.equal({ name: 'Ada' });
    expect(request!.query).to.deep.equal({});
  });

  it('reads the FAQ, schema-checked like every answer', async () => {
    const { entries } = await adapter().faq.entries();
    expect(entries.map((entry) => entry.id)).to.deep.equal(['shipping']);
  });

  it('turns the proxy’s refusal into an AdapterError naming the field', async () => {
    // A page that sends its own shop (the plain RestAdapter would) is refused, as Shopify's signed query would be ambiguous.
    const response = await fetch(`${PROXY}/faq?shop=evil.myshopify.com`);
    expect(response.status).to.equal(401);
    const error = await rejection(adapter().reviews.list(unique('404'), { sort: 'newest' }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
  });
});

describe('ShopifyAdapter chat stream', () => {
  function subscribe(shopify: ShopifyAdapter, conversationId: string) {
    const events: ChatEvent[] = [];
    const states: StreamState[] = [];
    const stop = shopify.chat.subscribe(conversationId, { onState: (state) => states.push(state) }, (event) => events.push(event));
    return { events, states, stop };
  }

  it('goes straight to the Shopfront server with CORS, naming the shop, without cookies', async () => {
    document.cookie = 'fake_customer=7001234567890; path=/';
    const conversationId = unique('c');
    const stream = subscribe(adapter({ streamEndpoint: STREAM }), conversationId);
    await until(() => stream.events.length > 0, 'an event arrives');
    stream.stop();
    expect(stream.events[0]).to.deep.equal({ type: 'status', status: { state: 'online' } });
    expect(stream.states).to.include('open');
    const [request] = await seen(conversationId);
    expect(request!.kind).to.equal('stream');
    expect(request!.path).to.equal(`/__fake-app/api/v1/chat/conversations/${conversationId}/events`);
    expect(request!.query).to.deep.equal({ shop: SHOP });
    expect(request!.origin).to.equal(location.origin);
    expect(request!.cookie ?? '').to.equal('');
  });

  it('without a server origin, streams through the proxy (no shop parameter) and falls back to polling there', async () => {
    const conversationId = unique('p');
    const stream = subscribe(adapter({ pollInterval: 50 }), conversationId);
    await until(() => stream.states.includes('closed'), 'the conversation is closed after the fallback');
    stream.stop();
    const requests = await seen(conversationId);
    expect(requests.map((r) => r.path)).to.deep.equal([
      `/chat/conversations/${conversationId}/events`,
      `/chat/conversations/${conversationId}/messages`,
    ]);
    expect(requests.every((r) => r.kind === 'proxy' && !('shop' in r.query!))).to.equal(true);
  });

  it('ignores a stream endpoint that is not an http(s) URL, with one warning', async () => {
    const warnings = await captureWarnings(() => adapter({ streamEndpoint: 'javascript:alert(1)' }));
    expect(warnings.join()).to.match(/ignored streamEndpoint/);
  });
});

describe('ShopifyAdapter products (Shopify’s Ajax API)', () => {
  it('fetches /products/<handle>.js and maps it to Shopfront’s Product', async () => {
    const { products } = await adapter().products.get(['linen-shirt', 'sold-out-mug', 'gone']);
    expect(products).to.deep.equal([
      {
        id: 'linen-shirt',
        handle: 'linen-shirt',
        title: 'Linen shirt',
        url: `${location.origin}/products/linen-shirt`,
        image: {
          url: 'https://cdn.shopify.com/s/files/1/0001/products/shirt.jpg?v=1&width=480',
          alt: 'A linen shirt',
          width: 1200,
          height: 1500,
        },
        price: 49.9,
        compareAtPrice: 59.9,
        currency: 'EUR',
        available: true,
      },
      {
        id: 'sold-out-mug',
        handle: 'sold-out-mug',
        title: '"><img src=x onerror=alert(1)>',
        url: `${location.origin}/products/sold-out-mug`,
        image: null,
        price: 12,
        compareAtPrice: null,
        currency: 'EUR',
        available: false,
      },
    ]);
  });

  it('asks under the market’s language root (Shopify.routes.root)', async () => {
    const handle = unique('fr-shirt');
    window.Shopify = { routes: { root: '/fr/' } };
    try {
      await new ShopifyAdapter({ endpoint: PROXY, shop: SHOP, currency: 'EUR' }).products.get([handle]);
    } finally {
      delete window.Shopify;
    }
    const [request] = await seen(handle);
    expect(request!.path).to.equal(`/fr/products/${handle}.js`);
  });

  it('leaves out a product Shopify describes oddly, with a warning, and skips ids that cannot be handles', async () => {
    let ids: string[] = [];
    const warnings = await captureWarnings(async () => {
      const { products } = await adapter().products.get(['odd-price', 'linen-shirt', 'a/b', '']);
      ids = products.map((product) => product.id);
    });
    expect(ids).to.deep.equal(['linen-shirt']);
    expect(warnings.join()).to.match(/odd-price/);
  });

  it('fails with an AdapterError when the shop errors or answers HTML', async () => {
    expect((await rejection(adapter().products.get(['server-error']))).status).to.equal(500);
    expect((await rejection(adapter().products.get(['not-json']))).kind).to.equal('invalid-response');
  });
});

describe('the `shopify` adapter name', () => {
  it('is what the app embed’s settings build', () => {
    configure({ adapterName: 'shopify', endpoint: PROXY, shop: SHOP, currency: 'EUR' });
    expect(getRuntime().adapter).to.be.instanceOf(ShopifyAdapter);
  });

  it('needs the storefront currency, and says so', async () => {
    const warnings = await captureWarnings(() => configure({ adapterName: 'shopify', endpoint: PROXY, shop: SHOP }));
    expect(getRuntime().adapter).to.equal(undefined);
    expect(warnings.join()).to.match(/currency/);
  });
});
