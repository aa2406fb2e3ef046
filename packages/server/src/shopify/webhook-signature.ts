/**
 * Shopify webhooks: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw
 * request body with the app's secret. Verify the bytes as they arrived, before
 * any JSON parsing (a re-serialised body would not match), in constant time.
 */
import { digestEquals, hmacSha256 } from './hmac.js';
import { isShopDomain } from './oauth.js';

export const WEBHOOK_HMAC_HEADER = 'x-shopify-hmac-sha256';

export function signWebhook(secret: string, rawBody: string | Uint8Array): string {
  return hmacSha256(secret, rawBody).toString('base64');
}

/** Whether `header` is the signature of `rawBody`. A missing or malformed header is `false`. */
export function verifyWebhook(secret: string, rawBody: string | Uint8Array, header: string | null | undefined): boolean {
  return digestEquals(hmacSha256(secret, rawBody), header?.trim(), 'base64');
}

/** What the other `X-Shopify-*` headers of a delivery say, once the signature is known good. */
export interface WebhookDelivery {
  /** `orders/paid`, `app/uninstalled`… */
  topic: string;
  shop: string;
  /** One per delivery attempt's event: the idempotency key (a retry carries the same id). */
  webhookId: string;
  apiVersion: string | null;
  triggeredAt: string | null;
}

export type WebhookHeaders = { ok: true; delivery: WebhookDelivery } | { ok: false; field: string; message: string };

/** Reads and checks the delivery headers (names are case-insensitive, as `Headers` gives them). */
export function readWebhookHeaders(headers: Headers): WebhookHeaders {
  const topic = headers.get('x-shopify-topic') ?? '';
  const shop = headers.get('x-shopify-shop-domain') ?? '';
  const webhookId = headers.get('x-shopify-webhook-id') ?? headers.get('x-shopify-event-id') ?? '';
  if (!/^[a-z_]+\/[a-z_]+$/.test(topic))
    return { ok: false, field: 'X-Shopify-Topic', message: 'The webhook topic is missing or malformed.' };
  if (!isShopDomain(shop)) return { ok: false, field: 'X-Shopify-Shop-Domain', message: 'The shop is not a *.myshopify.com domain.' };
  if (!/^[A-Za-z0-9-]{1,100}$/.test(webhookId))
    return { ok: false, field: 'X-Shopify-Webhook-Id', message: 'The delivery id is missing or malformed.' };
  return {
    ok: true,
    delivery: {
      topic,
      shop,
      webhookId,
      apiVersion: headers.get('x-shopify-api-version'),
      triggeredAt: headers.get('x-shopify-triggered-at'),
    },
  };
}
