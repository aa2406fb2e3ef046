/**
 * Everything that is not the JSON API: the demo shop's pages and assets, the
 * CDN build under /cdn/, uploaded photos and the demo's drawn images.
 */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cdnRoutes } from './cdn.js';
import { WEBHOOK_SIGNATURE_HEADER, bodySignature, isSameOrigin } from '../api/security.js';
import type { Deps } from '../deps.js';
import { DEMO_CUSTOMER, DEMO_PRODUCTS } from '../demo/catalogue.js';
import { DEMO_CSS, DEMO_JS, FAVICON_SVG } from '../demo/assets.js';
import { accountPage, faqPage, homePage, notFoundPage, productPage, type PageContext } from '../demo/pages.js';
import { DEMO_KEY } from '../demo/seed.js';
import { productSvg, reviewPhotoSvg } from '../demo/svg.js';
import { signCustomer } from '../identity.js';
import { errorBody, type AppContext, type AppEnv } from '../http.js';
import { productForResponse } from '../responses.js';
import { orderPoints } from '../services/orders.js';
import type { OrderRecord, Shop } from '../storage/index.js';
import { notFoundUncached, reviewPhotoFile } from '../review-photos.js';
import { mediaResponse, setPageHeaders } from '../security.js';

/** Hands a request to the whole app, in process: the demo's order goes through the real, signed webhook. */
export type Deliver = (request: Request) => Promise<Response>;

export function siteRoutes(deps: Deps, deliver: Deliver) {
  const app = new Hono<AppEnv>();
  const cdnRoot = resolve(deps.config.cdnDir);

  const demoShop = async () => (deps.config.demo === false ? undefined : deps.storage.shops.byKey(deps.config.demo.key ?? DEMO_KEY));
  const pageContext = (c: AppContext, shop: { key: string; name: string }): PageContext => ({
    baseUrl: c.get('baseUrl'),
    shopKey: shop.key,
    shopName: shop.name,
    hasLoader: existsSync(join(cdnRoot, 'shopfront.js')),
  });
  const pointsFor = async (shop: Shop, order: OrderRecord) => orderPoints(order, (await deps.storage.loyalty.setup(shop.id)).waysToEarn);
  const page = (c: AppContext, body: string, status: 200 | 404 = 200) => {
    setPageHeaders(c);
    return c.html(body, status);
  };

  app.get('/', async (c) => {
    const shop = await demoShop();
    if (!shop)
      return c.json({
        name: 'Shopfront server',
        api: `${c.get('baseUrl')}/api/v1`,
        openapi: `${c.get('baseUrl')}/api/v1/openapi.json`,
        reference: `${c.get('baseUrl')}/api/v1/docs`,
      });
    const products = (await deps.storage.catalogue.allProducts(shop.id)).map((product) => productForResponse(product, c.get('baseUrl')));
    return page(c, homePage(pageContext(c, shop), products));
  });

  app.get('/products/:handle', async (c) => {
    const shop = await demoShop();
    if (!shop) return c.notFound();
    const product = await deps.storage.catalogue.productByHandle(shop.id, c.req.param('handle'));
    if (!product) return page(c, notFoundPage(pageContext(c, shop)), 404);
    return page(
      c,
      productPage(pageContext(c, shop), { ...productForResponse(product, c.get('baseUrl')), description: product.description }),
    );
  });

  app.get('/faq', async (c) => {
    const shop = await demoShop();
    if (!shop) return c.notFound();
    const { entries } = await deps.storage.catalogue.faq(shop.id);
    return page(c, faqPage(pageContext(c, shop), entries));
  });

  // The demo's "signed-in shopper": what a shop's own page would render for its customer.
  app.get('/account', async (c) => {
    const shop = await demoShop();
    if (!shop) return c.notFound();
    const customer = { ...DEMO_CUSTOMER, signature: signCustomer(shop.secret, DEMO_CUSTOMER.id) };
    const orderId = c.req.query('order');
    const order = orderId ? await deps.storage.orders.byId(shop.id, orderId) : undefined;
    const placed = order?.customerId === DEMO_CUSTOMER.id ? { orderId: order.id, points: await pointsFor(shop, order) } : undefined;
    return page(c, accountPage(pageContext(c, shop), customer, placed));
  });

  // "Place demo order": what a shop's backend does when an order ships (paid and fulfilled at once, so its
  // review request follows too), a signed webhook, for the demo's shopper.
  app.post('/demo/orders', async (c) => {
    const shop = await demoShop();
    if (!shop) return c.notFound();
    if (!isSameOrigin(c)) return c.json(errorBody('Cross-site request refused.', 'origin'), 403);
    const form = await c.req.parseBody();
    const product = typeof form.product === 'string' ? await deps.storage.catalogue.productByHandle(shop.id, form.product) : undefined;
    if (!product) return c.json(errorBody('product: no such product.', 'product'), 400);
    const order = {
      id: `demo-${randomUUID().slice(0, 8)}`,
      customerId: DEMO_CUSTOMER.id,
      email: DEMO_CUSTOMER.email,
      status: 'fulfilled',
      currency: product.currency,
      total: product.price,
      lines: [{ productId: product.id, quantity: 1, price: product.price }],
      createdAt: new Date().toISOString(),
      locale: 'en',
    };
    const body = JSON.stringify(order);
    const delivered = await deliver(
      new Request(new URL(`/api/v1/webhooks/orders?shop=${encodeURIComponent(shop.key)}`, c.req.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: bodySignature(shop.secret, body) },
        body,
      }),
    );
    if (!delivered.ok) throw new Error(`the demo's order webhook answered ${delivered.status}: ${await delivered.text()}`);
    return c.redirect(`/account?order=${order.id}`, 303);
  });

  app.get('/assets/demo.css', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(DEMO_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/assets/demo.js', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(DEMO_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/assets/favicon.svg', (c) => mediaResponse(c, FAVICON_SVG, 'image/svg+xml', 'public, max-age=86400'));
  // Browsers ask for it on every page that names no icon.
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));

  app.get('/media/demo/products/:file', (c) => {
    const handle = c.req.param('file').replace(/\.svg$/, '');
    const product = DEMO_PRODUCTS.find((candidate) => candidate.handle === handle);
    if (!product || !c.req.param('file').endsWith('.svg')) return c.notFound();
    return mediaResponse(c, productSvg(product.shape, product.hue, product.title), 'image/svg+xml', 'public, max-age=86400');
  });

  app.get('/media/demo/photos/:file', (c) => {
    const match = /^(\d{1,2})-(\d{1,2})\.svg$/.exec(c.req.param('file'));
    const product = match ? DEMO_PRODUCTS[Number(match[1])] : undefined;
    if (!match || !product) return c.notFound();
    return mediaResponse(c, reviewPhotoSvg(product.shape, product.hue, Number(match[2])), 'image/svg+xml', 'public, max-age=86400');
  });

  app.get('/media/u/:file', async (c) => {
    const file = await deps.media.read(c.req.param('file'));
    if (!file) return c.notFound();
    return mediaResponse(c, file.bytes, file.type, 'public, max-age=31536000, immutable');
  });

  // A review's photos are public while it is published. A day's caching rather than a year's:
  // a review rejected after publication should not stay visible in caches for long.
  app.get('/media/r/:reviewId/:file', async (c) => {
    const photo = await reviewPhotoFile(deps, c.req.param('reviewId'), c.req.param('file'));
    if (photo?.status !== 'published') return notFoundUncached(c);
    return mediaResponse(c, photo.bytes, photo.type, 'public, max-age=86400');
  });

  app.route('/', cdnRoutes(deps.config.cdnDir));

  return app;
}
