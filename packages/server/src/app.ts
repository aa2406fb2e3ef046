/**
 * The HTTP application: context for every request (client IP, public origin),
 * body limits, the shop and CORS checks in front of the API, the route groups,
 * and errors as JSON without stack traces.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { REVIEW_PHOTO_MAX_BYTES, CHAT_ATTACHMENT_MAX_BYTES } from '@shopfront/core/schemas.js';
import { ALLOWED_HEADERS, ALLOWED_METHODS, EXPOSED_HEADERS, originAllowed } from './cors.js';
import type { Deps } from './deps.js';
import { HttpError, errorBody, type AppContext, type AppEnv } from './http.js';
import { baseUrlOf, clientIp, visitorFrom } from './identity.js';
import { inboxRoutes } from './inbox/routes.js';
import { openApiDocument } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { chatRoutes } from './routes/chat.js';
import { loyaltyRoutes } from './routes/loyalty.js';
import { reviewRoutes } from './routes/reviews.js';
import { siteRoutes } from './routes/site.js';
import { API_CSP } from './security.js';
import { InvalidInputError } from './storage.js';

/** JSON bodies; reviews carry up to 5 photos, chat messages one attachment. */
export const BODY_LIMITS = {
  json: 64 * 1024,
  review: 5 * REVIEW_PHOTO_MAX_BYTES + 256 * 1024,
  chatMessage: CHAT_ATTACHMENT_MAX_BYTES + 64 * 1024,
};

function limitFor(path: string): number {
  if (path === '/api/v1/reviews') return BODY_LIMITS.review;
  if (/^\/api\/v1\/chat\/conversations\/[^/]+\/messages$/.test(path)) return BODY_LIMITS.chatMessage;
  return BODY_LIMITS.json;
}

/** Names the shop (`?shop=`), applies its CORS allowlist, answers preflights, reads the visitor id. */
function shopGate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const key = c.req.query('shop');
    if (!key) throw new HttpError(400, 'Name the shop with the `shop` query parameter.', 'shop');
    const shop = await deps.storage.shopByKey(key);
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

function onError(deps: Deps) {
  return (error: Error, c: AppContext) => {
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
  const app = new Hono<AppEnv>();
  app.onError(onError(deps));
  app.notFound((c) => c.json(errorBody(`Nothing at ${c.req.method} ${c.req.path}.`), 404));

  app.use('*', async (c, next) => {
    c.set('ip', clientIp(c, deps.config.trustProxy));
    c.set('baseUrl', baseUrlOf(c, deps.config));
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });

  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    return bodyLimit({
      maxSize: limitFor(c.req.path),
      onError: (limited) => limited.json(errorBody('The request body is too large.', 'body'), 413),
    })(c, next);
  });

  app.get('/api/v1/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(openApiDocument(`${c.get('baseUrl')}/api/v1`));
  });
  app.get('/api/v1/health', (c) => c.json({ ok: true }));

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    c.header('Content-Security-Policy', API_CSP);
    // Routes that may be cached (the FAQ, with its ETag) say so themselves.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  // The gate sits on the route groups, not on /api/v1/* as a whole, so an unknown path is a plain 404.
  for (const path of ['/products', '/products/*', '/reviews', '/reviews/*', '/loyalty/*', '/chat/*', '/faq', '/faq/*', '/admin/*']) {
    api.use(path, shopGate(deps));
  }
  api.route('/', reviewRoutes(deps));
  api.route('/', loyaltyRoutes(deps));
  api.route('/', chatRoutes(deps));
  api.route('/', catalogueRoutes(deps));
  api.route('/', adminRoutes(deps));
  app.route('/api/v1', api);

  app.route('/', inboxRoutes(deps));
  app.route('/', siteRoutes(deps));
  return app;
}
