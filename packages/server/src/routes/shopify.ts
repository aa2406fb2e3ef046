/**
 * `POST /shopify/webhooks`: Shopify's deliveries for an installed shop, into the
 * same commerce loop as the generic order webhook. The signature
 * (`X-Shopify-Hmac-Sha256`, the app's secret over the raw bytes) is checked
 * before anything is parsed; the shop comes from `X-Shopify-Shop-Domain` (its
 * Shopfront shop is `shopKeyOf(domain)`); a redelivery (the same
 * `X-Shopify-Webhook-Id`) is answered `duplicate: true` and, as every step is
 * idempotent, changes nothing.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { errorBody, type AppEnv } from '../http.js';
import { emailDataRequest, requestReviews } from '../services/email.js';
import { eraseCustomer, eraseShop, exportCounts, exportCustomer } from '../services/privacy.js';
import { receiveOrder, receiveRefund } from '../services/orders.js';
import { ORDER_TOPICS, ShopifyPayloadError, orderFromShopify, parseWithStringIds, refundFromShopify } from '../shopify/orders.js';
import { signCustomer } from '../identity.js';
import { customerRequestFromShopify, isPrivacyTopic, type PrivacyTopic } from '../shopify/privacy.js';
import { verifyProxyQuery } from '../shopify/proxy-signature.js';
import type { Shop } from '../storage/index.js';
import { WEBHOOK_HMAC_HEADER, readWebhookHeaders, verifyWebhook } from '../shopify/webhook-signature.js';
import type { Deliver } from './site.js';

/** The Shopfront shop of a Shopify store: `shopify_<store>` for `<store>.myshopify.com`. */
export const shopKeyOf = (domain: string) => `shopify_${domain.toLowerCase().replace(/\.myshopify\.com$/, '')}`;

/** What Shopify adds to a proxied request: read and checked here, never passed on. */
const PROXY_PARAMS = ['shop', 'logged_in_customer_id', 'path_prefix', 'timestamp', 'signature'];
/** Who the browser says it is: only Shopify's signed `logged_in_customer_id` counts behind the proxy. */
const CLAIMED_IDENTITY = ['x-shopfront-customer', 'x-shopfront-customer-signature', 'origin', 'cookie'];
export const PROXY_PREFIX = '/shopify/proxy';

export function shopifyRoutes(deps: Deps, deliver: Deliver) {
  const app = new Hono<AppEnv>();

  /**
   * The app proxy (`https://<store>/apps/shopfront/…` → here): the storefront's
   * API calls, same origin for the shopper. Shopify signs each one; the logged-in
   * customer it names becomes the request's signed customer (another customer's
   * data cannot be asked for), and the request goes on to `/api/v1` for the
   * store's shop, in process, through every check a direct call gets.
   */
  app.all(`${PROXY_PREFIX}/*`, async (c) => {
    const secret = deps.config.shopifyApiSecret;
    if (!secret) return c.json(errorBody('This server is not set up as a Shopify app: set SHOPIFY_API_SECRET.', 'shopify'), 404);
    const url = new URL(c.req.url);
    const verified = verifyProxyQuery(url.searchParams, secret, Date.now());
    if (!verified.ok) return c.json(errorBody(`${verified.field}: ${verified.message}`, verified.field), 401);
    const shop = await deps.shops.byKey(shopKeyOf(verified.shop));
    if (!shop) return c.json(errorBody(`shop: ${verified.shop} has not installed the app here.`, 'shop'), 404);
    const path = url.pathname.slice(PROXY_PREFIX.length);
    if (!path.startsWith('/api/v1/')) return c.json(errorBody('Only the API is served through the app proxy.', 'path'), 404);

    const target = new URL(path, url);
    for (const [key, value] of url.searchParams) if (!PROXY_PARAMS.includes(key)) target.searchParams.append(key, value);
    target.searchParams.set('shop', shop.key);
    const headers = new Headers(c.req.raw.headers);
    for (const name of CLAIMED_IDENTITY) headers.delete(name);
    if (verified.customerId) {
      headers.set('x-shopfront-customer', verified.customerId);
      headers.set('x-shopfront-customer-signature', signCustomer(shop.secret, verified.customerId));
    }
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    return deliver(
      new Request(target, {
        method: c.req.method,
        headers,
        ...(hasBody ? { body: c.req.raw.body, duplex: 'half' } : {}),
      } as RequestInit),
    );
  });

  app.post('/shopify/webhooks', async (c) => {
    const secret = deps.config.shopifyApiSecret;
    if (!secret) return c.json(errorBody('This server is not set up as a Shopify app: set SHOPIFY_API_SECRET.', 'shopify'), 404);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifyWebhook(secret, raw, c.req.header(WEBHOOK_HMAC_HEADER))) {
      return c.json(errorBody('X-Shopify-Hmac-Sha256: missing, or not the signature of this body.', 'signature'), 401);
    }
    const headers = readWebhookHeaders(c.req.raw.headers);
    if (!headers.ok) return c.json(errorBody(`${headers.field}: ${headers.message}`, headers.field), 400);
    const { topic, shop: domain, webhookId } = headers.delivery;
    const shop = await deps.shops.byKey(shopKeyOf(domain));
    if (!shop) return c.json(errorBody(`X-Shopify-Shop-Domain: ${domain} has not installed the app here.`, 'X-Shopify-Shop-Domain'), 404);

    let payload: unknown;
    try {
      payload = parseWithStringIds(new TextDecoder().decode(raw));
    } catch {
      return c.json(errorBody('body: not JSON.', 'body'), 400);
    }
    try {
      let handled = true;
      if (topic in ORDER_TOPICS) {
        const { order } = await receiveOrder(deps, shop, orderFromShopify(payload, topic));
        await requestReviews(deps, shop, order, c.get('baseUrl'));
      } else if (topic === 'app/uninstalled') {
        // The token no longer works: forget it. The shop's reviews, members and orders stay for a reinstall.
        await deps.storage.shopify.uninstall(shop.id);
      } else if (isPrivacyTopic(topic)) {
        await answerPrivacyRequest(deps, shop, topic, payload, c.get('baseUrl'));
      } else if (topic === 'refunds/create') {
        const { orderId, refund } = refundFromShopify(payload);
        // A refund of an order from before the app was installed: nothing here to take back.
        handled = (await receiveRefund(deps, shop, orderId, refund)) !== undefined;
      } else {
        handled = false;
      }
      // Marked after the work: a delivery that failed half-way is finished by Shopify's retry.
      // After shop/redact there is no shop to mark it for, and a redelivery finds none (404).
      if (topic === 'shop/redact') return c.json({ ok: true, topic, handled, duplicate: false });
      const duplicate = !(await deps.storage.orders.markDelivery(shop.id, `shopify:${webhookId}`));
      return c.json({ ok: true, topic, handled, duplicate });
    } catch (error) {
      if (error instanceof ShopifyPayloadError) return c.json(errorBody(error.message, error.field), 400);
      throw error;
    }
  });

  return app;
}

/**
 * The mandatory privacy topics: a data request sends the shop's agents the
 * export by email; a customer's redaction erases what the export lists; the
 * shop's redaction erases the shop. Each is idempotent, as Shopify may repeat it.
 */
async function answerPrivacyRequest(deps: Deps, shop: Shop, topic: PrivacyTopic, payload: unknown, baseUrl: string): Promise<void> {
  if (topic === 'shop/redact') {
    await eraseShop(deps, shop);
    return;
  }
  const { subject, requestId } = customerRequestFromShopify(payload);
  if (topic === 'customers/redact') {
    await eraseCustomer(deps, shop, subject);
    return;
  }
  const data = await exportCustomer(deps, shop, subject, baseUrl);
  await emailDataRequest(
    deps,
    shop,
    { requestId, customer: { id: subject.customerId, email: subject.email }, data, counts: exportCounts(data) },
    baseUrl,
  );
}
