/**
 * Installing the Shopify app: `GET /shopify/install?shop=<store>.myshopify.com`
 * sends the merchant to Shopify's consent screen with a fresh `state` (kept in a
 * short-lived HttpOnly cookie), and `GET /shopify/auth/callback` checks
 * Shopify's signed redirect and that state, swaps the code for the offline
 * Admin API token, creates (or keeps) the store's Shopfront shop and keeps the
 * token, then opens the theme editor with the app embed to turn on. The token
 * is never logged or shown.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import { errorBody, type AppEnv } from '../http.js';
import { SHOPS_TAG } from '../shop-cache.js';
import { AdminClient } from '../shopify/admin-api.js';
import { setServerOrigin } from '../shopify/admin-operations.js';
import {
  OAuthError,
  authorizeUrl,
  createState,
  exchangeCode,
  missingScopes,
  normaliseShopDomain,
  verifyCallback,
} from '../shopify/oauth.js';
import { shopKeyOf } from './shopify.js';

/** What the app asks for: products (rating metafields), discounts (reward codes), orders and customers (the commerce loop). */
export const SHOPIFY_SCOPES = ['write_products', 'write_discounts', 'read_orders', 'read_customers'] as const;
const STATE_COOKIE = 'sf_shopify_state';

export function shopifyInstallRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const credentials = () => {
    const { shopifyApiKey: clientId, shopifyApiSecret: secret } = deps.config;
    return clientId && secret ? { clientId, secret } : undefined;
  };
  const notSetUp = errorBody('This server is not set up as a Shopify app: set SHOPIFY_API_KEY and SHOPIFY_API_SECRET.', 'shopify');

  app.get('/shopify/install', (c) => {
    const app = credentials();
    if (!app) return c.json(notSetUp, 404);
    const shop = normaliseShopDomain(c.req.query('shop') ?? '');
    if (!shop) return c.json(errorBody('shop: must be a *.myshopify.com domain.', 'shop'), 400);
    const state = createState();
    const secure = c.get('baseUrl').startsWith('https:');
    setCookie(c, STATE_COOKIE, state, { httpOnly: true, sameSite: 'Lax', path: '/shopify', maxAge: 600, secure });
    return c.redirect(
      authorizeUrl({
        shop,
        clientId: app.clientId,
        scopes: SHOPIFY_SCOPES,
        redirectUri: `${c.get('baseUrl')}/shopify/auth/callback`,
        state,
      }),
      302,
    );
  });

  app.get('/shopify/auth/callback', async (c) => {
    const app = credentials();
    if (!app) return c.json(notSetUp, 404);
    try {
      const callback = verifyCallback(new URL(c.req.url).searchParams, {
        secret: app.secret,
        state: getCookie(c, STATE_COOKIE) ?? '',
        now: Date.now(),
      });
      deleteCookie(c, STATE_COOKIE, { path: '/shopify' });
      const token = await exchangeCode({
        shop: callback.shop,
        code: callback.code,
        clientId: app.clientId,
        clientSecret: app.secret,
        fetch: deps.config.shopifyFetch,
      });
      const missing = missingScopes(SHOPIFY_SCOPES, token.scopes);
      if (missing.length) return c.json(errorBody(`scope: the install did not grant ${missing.join(', ')}.`, 'scope'), 400);
      const key = shopKeyOf(callback.shop);
      const existing = await deps.storage.shops.byKey(key);
      const { shop } = await deps.storage.shops.upsert({
        key,
        secret: existing?.secret ?? randomBytes(32).toString('hex'),
        name: existing?.name ?? callback.shop.replace(/\.myshopify\.com$/, ''),
        settings: existing?.settings ?? { origins: [`https://${callback.shop}`], currency: 'USD', autoPublishAt: 4 },
      });
      await deps.storage.shopify.install({
        shopId: shop.id,
        domain: callback.shop,
        accessToken: token.accessToken,
        scopes: token.scopes,
        installedAt: new Date().toISOString(),
      });
      // Every instance learns of the new shop.
      deps.hub.invalidate(SHOPS_TAG);
      await announceServer(deps, callback.shop, token.accessToken, c.get('baseUrl'));
      return c.redirect(`https://${callback.shop}/admin/themes/current/editor?context=apps&activateAppId=${app.clientId}/embed`, 302);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const status = error.field === 'network' || error.field === 'code' || error.field === 'access_token' ? 502 : 400;
      return c.json(errorBody(`${error.field}: ${error.message}`, error.field), status);
    }
  });

  return app;
}

/**
 * Tells the store's theme extension where this server is (the app-data metafield
 * the embed reads to open chat streams straight here). Only an https origin can
 * serve a storefront; a failure is logged and does not undo the install, as every
 * widget but the chat stream works through the app proxy without it.
 */
async function announceServer(deps: Deps, domain: string, accessToken: string, baseUrl: string): Promise<void> {
  if (!baseUrl.startsWith('https://')) {
    deps.config.log(`Shopify install of ${domain}: the chat stream needs an https server; set SHOPFRONT_PUBLIC_URL and reinstall.`);
    return;
  }
  try {
    await setServerOrigin(new AdminClient({ shop: domain, accessToken, fetch: deps.config.shopifyFetch }), baseUrl);
  } catch (error) {
    deps.config.log(`Shopify install of ${domain}: setting the server origin failed: ${(error as Error).message}`);
  }
}
