// A web-test-runner middleware that plays a Shopify storefront for the
// adapter's browser tests, on the test page's own origin:
// - `/apps/shopfront/api/v1/*`: the app proxy. Like Shopify's, it reads the
//   storefront session cookie (here `fake_customer`) to name the logged-in
//   customer, adds `shop` itself, and refuses a request that brings its own
//   `shop`; it answers with small canned Shopfront payloads and records what it got;
// - `/products/<handle>.js` and `/<locale>/products/<handle>.js`: Shopify's Ajax product JSON;
// - `/__fake-app/api/v1/…/events`: the Shopfront server's chat stream, which the
//   page reaches on another origin (127.0.0.1 for a page on localhost), with CORS;
// - `/__fake-shopify/requests`: what the proxy and the stream saw.
export const FAKE_SHOP = 'shopfront-test.myshopify.com';

const HOSTILE = '"><img src=x onerror=alert(1)>';

/** Shopify's Ajax JSON, trimmed to what matters (prices in cents; image URLs without a scheme). */
const PRODUCTS = {
  'linen-shirt': {
    id: 8123456789012,
    handle: 'linen-shirt',
    title: 'Linen shirt',
    url: '/products/linen-shirt',
    price: 4990,
    compare_at_price: 5990,
    available: true,
    vendor: 'Shopfront',
    featured_image: '//cdn.shopify.com/s/files/1/0001/products/shirt.jpg?v=1',
    media: [
      { alt: 'A linen shirt', preview_image: { width: 1200, height: 1500, src: '//cdn.shopify.com/s/files/1/0001/products/shirt.jpg' } },
    ],
    variants: [{ id: 1, price: 4990 }],
  },
  'sold-out-mug': {
    id: 8123456789013,
    handle: 'sold-out-mug',
    title: HOSTILE,
    url: '/products/sold-out-mug',
    price: 1200,
    compare_at_price: null,
    available: false,
    featured_image: null,
    media: [],
  },
  'odd-price': { handle: 'odd-price', title: 'Odd', url: '/products/odd-price', price: 'free', available: true },
};

const records = [];

const json = (ctx, status, body) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(body);
};

const readBody = (req) =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });

const customerFrom = (cookie) => /(?:^|;\s*)fake_customer=(\d+)/.exec(cookie ?? '')?.[1] ?? '';

async function proxy(ctx) {
  const path = ctx.path.slice('/apps/shopfront/api/v1'.length);
  const params = new URLSearchParams(ctx.querystring);
  const record = {
    kind: 'proxy',
    method: ctx.method,
    path,
    query: Object.fromEntries(params),
    cookie: ctx.get('cookie'),
    visitor: ctx.get('x-shopfront-visitor'),
    customerHeader: ctx.get('x-shopfront-customer'),
    body: ctx.method === 'POST' ? await readBody(ctx.req) : '',
  };
  records.push(record);
  // Shopify appends its own, signed `shop`: one from the page makes the query ambiguous.
  if (params.has('shop')) return json(ctx, 401, { error: { message: 'The "shop" parameter appears more than once.', field: 'shop' } });
  const customer = customerFrom(record.cookie);
  record.loggedInCustomerId = customer;

  if (/^\/products\/[^/]+\/reviews\/summary$/.test(path)) {
    const productId = decodeURIComponent(path.split('/')[2]);
    return json(ctx, 200, { productId, average: 4.5, count: 2, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
  }
  if (path === '/reviews/summaries') {
    const ids = (params.get('ids') ?? '').split(',');
    return json(ctx, 200, {
      summaries: ids.map((productId) => ({ productId, average: 4.5, count: 2, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } })),
    });
  }
  if (path === '/loyalty/member') {
    return json(
      ctx,
      200,
      customer
        ? {
            status: 'member',
            id: customer,
            points: 120,
            lifetimePoints: 300,
            tier: null,
            nextTier: null,
            pointsToNextTier: 0,
            referralCode: 'ADA',
          }
        : { status: 'guest' },
    );
  }
  if (path === '/faq')
    return json(ctx, 200, {
      version: 'v1',
      entries: [{ id: 'shipping', question: 'How long is shipping?', answer: 'Two days.', category: 'Orders' }],
    });
  if (path === '/visitors' && ctx.method === 'POST') {
    // The server signs visitor ids; this fake only needs the shape.
    return json(ctx, 201, { visitorId: `sv_${'1'.repeat(32)}_${'2'.repeat(32)}` });
  }
  if (path === '/chat/conversations' && ctx.method === 'POST') {
    return json(ctx, 201, { id: '6f1c1f5e-8d4e-4a4b-9f65-2a1e7c0d9b11', status: 'open', createdAt: '2026-01-01T10:00:00Z' });
  }
  if (/^\/chat\/conversations\/[^/]+\/events$/.test(path)) {
    // Through the proxy the stream is buffered: it never opens.
    return json(ctx, 504, { error: { message: 'Proxy timed out' } });
  }
  return json(ctx, 404, { error: { message: `No route ${path}` } });
}

function stream(ctx) {
  const origin = ctx.get('origin');
  records.push({
    kind: 'stream',
    path: ctx.path,
    query: Object.fromEntries(new URLSearchParams(ctx.querystring)),
    cookie: ctx.get('cookie'),
    origin,
  });
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
  });
  res.write('retry: 200\n\n');
  res.write(`id: 3\ndata: ${JSON.stringify({ type: 'status', status: { state: 'online' } })}\n\n`);
  const timer = setInterval(() => res.write(': heartbeat\n\n'), 1000);
  ctx.req.on('close', () => clearInterval(timer));
}

export function fakeStorefront() {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/apps/shopfront/api/v1/')) return proxy(ctx);
    const product = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/products\/([^/]+)\.js$/i.exec(ctx.path);
    if (product) {
      const handle = decodeURIComponent(product[1]);
      records.push({ kind: 'product', path: ctx.path, cookie: ctx.get('cookie') });
      if (handle === 'server-error') return json(ctx, 500, { error: 'Internal Server Error' });
      if (handle === 'not-json') {
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Password</title>';
        return;
      }
      return PRODUCTS[handle] ? json(ctx, 200, PRODUCTS[handle]) : json(ctx, 404, { status: 404, description: 'Not Found' });
    }
    if (ctx.path.startsWith('/__fake-app/api/v1/chat/conversations/') && ctx.path.endsWith('/events')) return stream(ctx);
    if (ctx.path === '/__fake-shopify/requests') return json(ctx, 200, records);
    return next();
  };
}
