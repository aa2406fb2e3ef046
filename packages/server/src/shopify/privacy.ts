/**
 * Shopify's mandatory privacy webhooks as ../services/privacy.ts's data
 * subjects: `customers/data_request` (send the merchant what is kept about a
 * customer), `customers/redact` (erase it; Shopify sends it 10 days after the
 * request, or at once for a customer who never ordered) and `shop/redact`
 * (erase the whole shop, 48 hours after the app was uninstalled).
 */
import type { DataSubject } from '../storage/index.js';
import { ShopifyPayloadError, id, object } from './orders.js';

export const PRIVACY_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;
export type PrivacyTopic = (typeof PRIVACY_TOPICS)[number];
export const isPrivacyTopic = (topic: string): topic is PrivacyTopic => (PRIVACY_TOPICS as readonly string[]).includes(topic);

export interface CustomerPrivacyRequest {
  subject: DataSubject;
  /** `data_request.id`, Shopify's reference the merchant answers under. */
  requestId?: string;
}

/** The customer a `customers/data_request` or `customers/redact` payload names, by id and email (either may be missing). */
export function customerRequestFromShopify(payload: unknown): CustomerPrivacyRequest {
  const body = object(payload, 'body');
  const customer = object(body.customer, 'customer');
  const customerId = customer.id === undefined || customer.id === null ? undefined : id(customer.id, 'customer.id');
  const email = typeof customer.email === 'string' && customer.email.includes('@') ? customer.email.toLowerCase() : undefined;
  if (!customerId && !email) throw new ShopifyPayloadError('customer', 'customer: names neither an id nor an email.');
  const request = body.data_request && typeof body.data_request === 'object' ? (body.data_request as { id?: unknown }) : undefined;
  return {
    subject: { ...(customerId ? { customerId } : {}), ...(email ? { email } : {}) },
    ...(request?.id !== undefined ? { requestId: id(request.id, 'data_request.id') } : {}),
  };
}
