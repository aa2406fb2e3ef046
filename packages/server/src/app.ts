/**
 * The HTTP application: context for every request (client IP, public origin),
 * body limits, the shop and CORS checks in front of the API, the route groups
 * (each operation mounted and recorded for the OpenAPI document by one
 * registry), and errors as JSON without stack traces.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Acknowledgement, REVIEW_PHOTO_MAX_BYTES, CHAT_ATTACHMENT_MAX_BYTES } from '@shopfront/core/schemas.js';
import { ALLOWED_HEADERS, ALLOWED_METHODS, EXPOSED_HEADERS, originAllowed } from './cors.js';
import type { Deps } from './deps.js';
import { HttpError, errorBody, type AppContext, type AppEnv } from './http.js';
import { baseUrlOf, clientIp, visitorFrom } from './identity.js';
import { proxyTrust } from './proxy.js';
import { buildDocument } from './api/document.js';
import { bytes } from './api/errors.js';
import { mountWith } from './api/handle.js';
import { referenceRoutes } from './api/reference.js';
import { ApiRegistry, defineRoute } from './api/route.js';
import { OpenApiDocument, Readiness } from './api/schemas.js';
import { inboxRoutes } from './inbox/routes.js';
import { emailRoutes } from './routes/email.js';
import { shopifyInstallRoutes } from './routes/shopify-install.js';
import { shopKeyOf, shopifyRoutes } from './routes/shopify.js';
import { isShopDomain } from './shopify/oauth.js';
import { discountRoutes } from './routes/discounts.js';
import { adminRoutes } from './routes/admin.js';
import { privacyRoutes } from './routes/privacy.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { chatRoutes } from './routes/chat.js';
import { loyaltyRoutes } from './routes/loyalty.js';
import { reviewRoutes } from './routes/reviews.js';
import { siteRoutes } from './routes/site.js';
import { visitorRoutes } from './routes/visitors.js';
import { webhookRoutes } from './routes/webhooks.js';
import { API_CSP } from './security.js';
import { InvalidInputError } from './storage/index.js';

/** JSON bodies; reviews carry up to 5 photos, chat messages one attachment. */
export const BODY_LIMITS = {
  json: 64 * 1024,
  review: 5 * REVIEW_PHOTO_MAX_BYTES + 256 * 1024,
  chatMessage: CHAT_ATTACHMENT_MAX_BYTES + 64 * 1024,
  // A Shopify order with hundreds of lines, addresses and tax lines runs to a few hundred KB.
  shopifyWebhook: 1024 * 1024,
};

function limitFor(fullPath: string): number {
  // Through Shopify's app proxy, a call has its API path's limit.
  const path = fullPath.startsWith('/shopify/proxy/') ? fullPath.slice('/shopify/proxy'.length) : fullPath;
  if (path === '/api/v1/reviews') return BODY_LIMITS.review;
  if (/^\/api\/v1\/chat\/conversations\/[^/]+\/messages$/.test(path)) return BODY_LIMITS.chatMessage;
  if (path === '/shopify/webhooks') return BODY_LIMITS.shopifyWebhook;
  return BODY_LIMITS.json;
}

/** Names the shop (`?shop=`), applies its CORS allowlist, answers preflights, reads the visitor id. */
function shopGate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const named = c.req.query('shop');
    if (!named) throw new HttpError(400, 'Name the shop with the `shop` query parameter.', 'shop');
    // A Shopify storefront's direct calls (the chat stream) name the store by its myshopify domain.
    const key = isShopDomain(named) ? shopKeyOf(named) : named;
    const shop = await deps.shops.byKey(key);
    if (!shop) throw new HttpError(404, 'No such shop.', 'shop');
    c.set('shop', shop);
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const own = [new URL(c.req.url).origin, c.get('baseUrl')];
      if (!own.includes(origin) && !originAllowed(shop, origin, c.get('baseUrl'))) {
        throw new HttpError(403, 'This origin is not allowed to use this shop.', 'origin');
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    c.set('visitorId', visitorFrom(c));
    await next();
  };
}

/**
 * A refusal of a request that carries a body closes the connection after it:
 * the body may be unread (refused on its length or its credentials) and still
 * arriving, and the server drops such a connection soon after; a client told
 * `Connection: close` opens a new one instead of losing its next request on it.
 */
function closeAfterRefusedBody(c: AppContext) {
  const length = c.req.header('content-length');
  if ((length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined) c.header('Connection', 'close');
}

function onError(deps: Deps) {
  return (error: Error, c: AppContext) => {
    closeAfterRefusedBody(c);
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(errorBody(error.message, error.field), error.status);
    }
    if (error instanceof InvalidInputError) return c.json(errorBody(error.message, error.field), 400);
    // A malformed percent-encoding in the path or query.
    if (error instanceof URIError) return c.json(errorBody('The URL is malformed.', 'url'), 400);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return c.json(errorBody(error.message || 'Bad request.'), status >= 500 ? 500 : status);
    }
    deps.config.log(`[shopfront] ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.json(errorBody('Something went wrong on our side.'), 500);
  };
}

export function createApp(deps: Deps): Hono<AppEnv> {
  return createApi(deps).app;
}

/** The app and the registry of its operations (for the document, and for tests that compare the two). */
export function createApi(deps: Deps): { app: Hono<AppEnv>; registry: ApiRegistry } {
  const app = new Hono<AppEnv>();
  app.onError(onError(deps));
  // `path` is the input at fault, as every 4xx names one.
  app.notFound((c) => c.json(errorBody(`Nothing at ${c.req.method} ${c.req.path}.`, 'path'), 404));

  const proxies = proxyTrust(deps.config.trustProxy);
  app.use('*', async (c, next) => {
    c.set('ip', clientIp(c, proxies));
    c.set('baseUrl', baseUrlOf(c, { publicUrl: deps.config.publicUrl, proxies }));
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    // Here, outside every other middleware, the headers are the ones sent.
    const read = c.get('cachedRead');
    const incoming = c.env?.incoming;
    if (read && incoming && c.res.status === 200) deps.hot.record(incoming, read.tag, read.key, c.res.headers);
  });

  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    return bodyLimit({
      maxSize: limitFor(c.req.path),
      onError: (limited) => {
        closeAfterRefusedBody(limited);
        return limited.json(errorBody(`body: too large: at most ${bytes(limitFor(c.req.path))}.`, 'body'), 413);
      },
    })(c, next);
  });

  const registry = new ApiRegistry(mountWith(deps));
  let document: ReturnType<typeof buildDocument> | undefined;
  app.route('/', referenceRoutes());
  registry.router(app, '')(
    defineRoute({
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'OpenAPI 3.1, generated from the route definitions; readable from any origin. Rendered at `/api/v1/docs`.',
      tags: ['Meta'],
      security: 'none',
      responses: { 200: { description: 'The document', schema: OpenApiDocument } },
      handler: (_input, c) => {
        c.header('Access-Control-Allow-Origin', '*');
        document ??= buildDocument(registry.routes, '');
        return { status: 200, body: { ...document, servers: [{ url: c.get('baseUrl'), description: 'This server' }] } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/health',
      operationId: 'getHealth',
      summary: 'Health check',
      tags: ['Meta'],
      security: 'none',
      responses: { 200: { description: 'Up', schema: Acknowledgement } },
      handler: () => ({ status: 200, body: { ok: true } }),
    }),
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getReadiness',
      summary: 'Readiness, for a load balancer',
      description: 'Asks the database for its schema version: 503 when this instance cannot reach it, so traffic goes elsewhere.',
      tags: ['Meta'],
      security: 'none',
      responses: {
        200: { description: 'Ready', schema: Readiness },
        503: { description: 'The database cannot be reached', schema: Readiness },
      },
      handler: async (_input, c) => {
        c.header('Cache-Control', 'no-store');
        try {
          return { status: 200, body: { ok: true, database: 'ok', schemaVersion: await deps.storage.schemaVersion() } };
        } catch {
          return { status: 503, body: { ok: false, database: 'unreachable' } };
        }
      },
    }),
  );

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    c.header('Content-Security-Policy', API_CSP);
    // Routes that may be cached (the FAQ, with its ETag) say so themselves.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  // The gate sits on the route groups, not on /api/v1/* as a whole, so an unknown path is a plain 404.
  for (const path of [
    '/products',
    '/products/*',
    '/reviews',
    '/reviews/*',
    '/loyalty/*',
    '/chat/*',
    '/faq',
    '/faq/*',
    '/visitors',
    '/admin/*',
    '/webhooks/*',
  ]) {
    api.use(path, shopGate(deps));
  }
  registry.router(api, '/api/v1')(
    ...reviewRoutes(deps),
    ...loyaltyRoutes(deps),
    ...chatRoutes(deps),
    ...catalogueRoutes(deps),
    ...visitorRoutes(),
    ...adminRoutes(deps),
    ...discountRoutes(deps),
    ...privacyRoutes(deps),
    ...webhookRoutes(deps),
  );
  app.route('/api/v1', api);

  app.route('/', inboxRoutes(deps, registry));
  app.route('/', emailRoutes(deps));
  app.route('/', shopifyInstallRoutes(deps));
  app.route(
    '/',
    shopifyRoutes(deps, async (request) => app.fetch(request)),
  );
  app.route(
    '/',
    siteRoutes(deps, async (request) => app.fetch(request)),
  );
  return { app, registry };
}
