/**
 * A fake Shopify storefront for end-to-end tests and benches: a small theme of
 * our own (`fixture-theme/`) rendered with liquidjs, its product section holding
 * the extension's real app blocks and the app embed inserted before `</body>`,
 * as Shopify renders them. Behind it, the real reference server, installed for
 * the store as a Shopify app, with Shopify's Admin API played by `FakeAdminApi`.
 * The storefront does what Shopify's does for the app:
 * - `/extensions/fixture/assets/<name>`: the extension's built `assets/` (where
 *   `asset_url` points);
 * - `/apps/shopfront/*`: the app proxy, to the server's `/shopify/proxy/*` with
 *   Shopify's signed query (`logged_in_customer_id` from the storefront's own
 *   session cookie; the shopper's cookies are not passed on);
 * - `/products/<handle>`: the product page; `/products/<handle>.js` its Ajax JSON;
 * - product metafields `reviews.rating` and `reviews.rating_count` as the server
 *   last set them in the Admin API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Liquid, type Context, type Emitter, type TagToken } from 'liquidjs';
import { DEMO_REWARDS, DEMO_TIERS, DEMO_WAYS_TO_EARN } from '../../../packages/server/src/demo/catalogue.js';
import { demoFaq } from '../../../packages/server/src/demo/faq.js';
import { hashPassword } from '../../../packages/server/src/inbox/passwords.js';
import { SHOPIFY_SCOPES } from '../../../packages/server/src/routes/shopify-install.js';
import { shopKeyOf } from '../../../packages/server/src/routes/shopify.js';
import { signProxyParams } from '../../../packages/server/src/shopify/proxy-signature.js';
import type { Shop } from '../../../packages/server/src/storage/index.js';
import { APP_SECRET } from '../../../packages/server/test/shopify-webhooks.js';
import { startTestServer, until, type TestServer } from '../../../packages/server/test/helpers.js';
import { FakeAdminApi } from '../../../packages/server/testing/fake-admin-api.js';
import { EXTENSION, blockSchema, createEngine, defaultSettings, renderBlock } from '../../../packages/shopify-extension/test/liquid.js';

export const STORE = 'harbour-fixture.myshopify.com';
/** The storefront's session cookie: who is logged in to the shop (Shopify's is opaque; the fixture's holds the id). */
export const SESSION_COOKIE = 'storefront_customer';
export const AGENT = { email: 'agent@harbour-fixture.example', password: 'fixture agent password', name: 'Grace' };
export const CUSTOMERS: Record<string, { first_name: string; email: string }> = {
  '7012345678901': { first_name: 'Ada', email: 'ada@example.com' },
};

export interface FixtureProduct {
  id: number;
  handle: string;
  title: string;
  description: string;
  /** Hundredths of EUR, as Liquid and the Ajax API give prices. */
  price: number;
}

export const PRODUCTS: FixtureProduct[] = [
  { id: 8123456789012, handle: 'harbour-sweater', title: 'Harbour sweater', description: 'Undyed wool, knitted close.', price: 8900 },
  { id: 8123456789013, handle: 'driftwood-mug', title: 'Driftwood mug', description: 'Stoneware, glazed inside.', price: 2400 },
];

/** The app blocks the merchant placed in the product section, in order. */
const PRODUCT_BLOCKS = ['star-rating', 'loyalty-badge', 'faq-search', 'review-feed', 'recently-viewed'];
export const ASSET_ROOT = '/extensions/fixture/assets';
const ASSETS = join(EXTENSION, 'assets');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export interface FixtureStorefront {
  url: string;
  server: TestServer;
  shopify: FakeAdminApi;
  shop: Shop;
  close(): Promise<void>;
}

/** The rating metafields as Liquid reads them (`rating.value.rating`), from what the server last set. */
function reviewMetafields(shopify: FakeAdminApi, product: FixtureProduct) {
  const owner = `gid://shopify/Product/${product.id}`;
  const rating = shopify.metafield(owner, 'reviews', 'rating');
  const count = shopify.metafield(owner, 'reviews', 'rating_count');
  if (!rating || !count) return {};
  const { value, scale_min, scale_max } = JSON.parse(rating.value) as Record<string, string>;
  return { rating: { value: { rating: value, scale_min, scale_max } }, rating_count: { value: Number(count.value) } };
}

/** Shopify's Ajax product JSON (`/products/<handle>.js`), trimmed to what a theme reads. */
const ajaxProduct = (product: FixtureProduct) => ({
  id: product.id,
  handle: product.handle,
  title: product.title,
  url: `/products/${product.handle}`,
  price: product.price,
  compare_at_price: null,
  available: true,
  featured_image: null,
  media: [],
});

/** The theme's engine: `{% render block %}` renders an app block from the extension, as Shopify does. */
function themeEngine(renderAppBlock: (block: AppBlock, context: Context) => Promise<string>): Liquid {
  const engine = new Liquid({ root: join(import.meta.dirname, 'fixture-theme'), extname: '.liquid', strictFilters: true });
  engine.registerFilter('money', (cents: number) => `€${(cents / 100).toFixed(2)}`);
  engine.registerTag('render', {
    parse(token: TagToken) {
      if (token.args.trim() !== 'block') throw new Error('the fixture theme renders nothing but app blocks');
    },
    async render(context: Context, emitter: Emitter) {
      emitter.write(await renderAppBlock(context.get(['block']) as AppBlock, context));
    },
  });
  return engine;
}

interface AppBlock {
  id: string;
  type: '@app';
  name: string;
  settings: Record<string, unknown>;
  shopify_attributes: string;
}

/**
 * Starts the reference server (a Shopify app with `APP_SECRET`), installs the
 * store in it as the install flow leaves it, and starts the storefront.
 * `embed: false` renders the theme without the app embed (for Lighthouse).
 */
export async function startFixtureStorefront({ embed = true } = {}): Promise<FixtureStorefront> {
  if (!existsSync(join(ASSETS, 'shopfront.js')))
    execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c'], { stdio: 'ignore' });
  const shopify = new FakeAdminApi({ shop: STORE });
  const server = await startTestServer({ shopifyApiSecret: APP_SECRET, shopifyFetch: shopify.fetch });
  const http = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error.stack);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const shop = await installStore(server, shopify, url);

  const extension = createEngine('en', { assetRoot: `${url}${ASSET_ROOT}`.replace(/^http:/, '') });
  const theme = themeEngine((block, context) =>
    renderBlock(extension, block.name, { ...(context.getAll() as Record<string, never>), block } as never),
  );

  async function productPage(product: FixtureProduct, customerId: string | undefined): Promise<string> {
    const customer = customerId && CUSTOMERS[customerId] ? { id: Number(customerId), ...CUSTOMERS[customerId] } : undefined;
    const liquidProduct = {
      ...ajaxProduct(product),
      description: product.description,
      metafields: { reviews: reviewMetafields(shopify, product) },
    };
    const globals = {
      product: liquidProduct,
      customer,
      shop: { name: 'Harbour fixture', permanent_domain: STORE },
      cart: { currency: { iso_code: 'EUR' } },
      request: { origin: url, page_type: 'product', design_mode: false, locale: { iso_code: 'en' } },
      routes: { root_url: '/' },
      app: { metafields: { shopfront: { server_origin: { value: server.url } } } },
    };
    const blocks: AppBlock[] = PRODUCT_BLOCKS.map((name, index) => ({
      id: `app-block-${index}`,
      type: '@app',
      name,
      settings: { ...defaultSettings(`${name}.liquid`), product: liquidProduct },
      shopify_attributes: '',
    }));
    // Shopify loads each block's stylesheet (and the embed's) from content_for_header.
    const stylesheets = new Set([...PRODUCT_BLOCKS, ...(embed ? ['embed'] : [])].map((name) => blockSchema(`${name}.liquid`).stylesheet));
    const header = [
      `<script>window.Shopify = ${JSON.stringify({ shop: STORE, routes: { root: '/' }, currency: { active: 'EUR' } })};</script>`,
      ...[...stylesheets].filter(Boolean).map((name) => `<link rel="stylesheet" href="${ASSET_ROOT}/${name}">`),
    ].join('\n');
    const content = await theme.renderFile('product', { section: { blocks } }, { globals });
    let html = await theme.renderFile(
      'theme',
      { content_for_header: header, content_for_layout: content, page_title: product.title, page_description: product.description },
      { globals },
    );
    if (embed) {
      const block = { id: 'app-embed', type: 'shopfront', settings: defaultSettings('embed.liquid'), shopify_attributes: '' };
      const appEmbed = await renderBlock(extension, 'embed', { ...globals, block } as never);
      html = html.replace('</body>', `${appEmbed}\n</body>`);
    }
    return html;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requested = new URL(request.url!, url);
    const customerId = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=(\\d+)`).exec(request.headers.cookie ?? '')?.[1];
    if (requested.pathname.startsWith('/apps/shopfront/')) return proxy(request, response, requested, customerId);
    if (requested.pathname.startsWith(`${ASSET_ROOT}/`)) {
      const name = requested.pathname.slice(ASSET_ROOT.length + 1);
      if (!/^[\w.-]+$/.test(name)) return notFound(response);
      const body = await readFile(join(ASSETS, name)).catch(() => undefined);
      if (!body) return notFound(response);
      response.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'max-age=31536000' });
      return void response.end(body);
    }
    const match = /^\/products\/([\w-]+?)(\.js)?$/.exec(requested.pathname);
    const product = PRODUCTS.find((candidate) => candidate.handle === match?.[1]);
    if (!product) return notFound(response);
    if (match![2]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify(ajaxProduct(product)));
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(await productPage(product, customerId));
  }

  /** Shopify's app proxy: the shopper's query, then Shopify's own parameters, signed with the app's secret. */
  async function proxy(request: IncomingMessage, response: ServerResponse, requested: URL, customerId: string | undefined) {
    const target = new URL(`${server.url}/shopify/proxy${requested.pathname.slice('/apps/shopfront'.length)}`);
    const params = new URLSearchParams(requested.search);
    params.append('shop', STORE);
    params.append('logged_in_customer_id', customerId ?? '');
    params.append('path_prefix', '/apps/shopfront');
    params.append('timestamp', String(Math.floor(Date.now() / 1000)));
    params.append('signature', signProxyParams(params, APP_SECRET));
    target.search = params.toString();
    const headers = new Headers();
    for (const name of ['content-type', 'accept', 'x-shopfront-visitor', 'x-shopfront-idempotency-key', 'last-event-id']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const answer = await fetch(target, {
      method: request.method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    const passed = Object.fromEntries(
      [...answer.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)),
    );
    response.writeHead(answer.status, passed);
    if (!answer.body) return void response.end();
    Readable.fromWeb(answer.body as never).pipe(response);
  }

  return {
    url,
    server,
    shopify,
    shop,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      http.closeAllConnections();
      await server.stop();
    },
  };
}

const notFound = (response: ServerResponse) => {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('Not found');
};

/**
 * The store as the install flow leaves it (`shopify-install.node.test.ts` goes
 * through the flow itself): its shop, which also answers the storefront's origin
 * (a custom domain), the offline token, and the app's data: the catalogue, the
 * FAQ, the loyalty programme, an agent who is available, and two published
 * reviews of the sweater sent through the API, so its rating metafields are set.
 */
async function installStore(server: TestServer, shopify: FakeAdminApi, origin: string): Promise<Shop> {
  const { storage } = server;
  const { shop } = await storage.shops.upsert({
    key: shopKeyOf(STORE),
    secret: 'fixture-shop-secret-0123456789abcdef',
    name: 'Harbour fixture',
    settings: { origins: [origin, `https://${STORE}`], currency: 'EUR', autoPublishAt: 4 },
  });
  await storage.shopify.install({
    shopId: shop.id,
    domain: STORE,
    accessToken: shopify.accessToken,
    scopes: [...SHOPIFY_SCOPES],
    installedAt: new Date().toISOString(),
  });
  await storage.catalogue.replaceProducts(
    shop.id,
    PRODUCTS.map((product) => ({
      id: String(product.id),
      handle: product.handle,
      title: product.title,
      url: `${origin}/products/${product.handle}`,
      price: product.price / 100,
      currency: 'EUR',
      available: true,
    })),
  );
  await storage.catalogue.replaceFaq(shop.id, demoFaq());
  await storage.loyalty.replaceSetup(shop.id, { tiers: DEMO_TIERS, waysToEarn: DEMO_WAYS_TO_EARN, rewards: DEMO_REWARDS });
  await storage.agents.upsert({ shopId: shop.id, email: AGENT.email, name: AGENT.name, passwordHash: await hashPassword(AGENT.password) });
  const [sweater] = PRODUCTS;
  for (const [rating, name] of [
    [5, 'Maud'],
    [4, 'Olu'],
  ] as const) {
    const sent = await server.json(`/reviews?shop=${shop.key}`, {
      method: 'POST',
      body: JSON.stringify({
        productId: String(sweater!.id),
        rating,
        title: 'Warm',
        body: 'Warm and soft after a wash.',
        name,
        email: `${name.toLowerCase()}@example.com`,
      }),
    });
    if (sent.status !== 201) throw new Error(`seeding a review: ${sent.status} ${JSON.stringify(sent.body)}`);
  }
  await until(
    () => shopify.metafield(`gid://shopify/Product/${sweater!.id}`, 'reviews', 'rating_count')?.value === '2',
    'the rating metafields',
  );
  return shop;
}
