/** Webhooks as Shopify delivers them to an app: signed with the app's secret over the raw body, one id per delivery. */
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../src/shopify/webhook-signature.js';
import type { TestServer } from './helpers.js';

/** The app secret of Shopify's own webhook example. */
export const APP_SECRET = 'test_secret_key';

export function deliverShopifyWebhook(
  server: TestServer,
  domain: string,
  topic: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${server.url}/shopify/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': domain,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-api-version': '2025-10',
      'x-shopify-hmac-sha256': signWebhook(APP_SECRET, body),
      ...headers,
    },
    body,
  });
}
