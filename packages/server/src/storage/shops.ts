/** Shops: who may use the API, with which secret and settings. */
import type { BusinessHours } from '@shopfront/core/schemas.js';

export interface ShopSettings {
  /** Origins (`https://shop.example.com`) allowed to call the API from a browser. */
  origins: string[];
  currency: string;
  /** Reviews rated at or above this are published at once; `null` holds every review for moderation. */
  autoPublishAt: number | null;
  businessHours?: BusinessHours;
  /** Typical minutes to a first reply, shown by the chat. */
  replyMinutes?: number;
  program?: { name: string; pointsName?: string; signupUrl?: string; loginUrl?: string };
  /** Points of a member with no loyalty activity for this many months expire; never when absent. */
  pointsExpireAfterMonths?: number;
  email?: ShopEmailSettings;
  /** Where redemptions' codes are created at checkout: a signed webhook to the shop's backend; the list to import when absent. */
  discounts?: { webhookUrl: string };
}

export interface ShopEmailSettings {
  /** The sender of the shop's emails (`"Shop" <hello@shop.example>`); its name at this server's host otherwise. */
  from?: string;
  /** Days after an order is fulfilled its review request is sent (default 7; 0: at once). */
  reviewRequestDays?: number;
}

export interface Shop {
  id: number;
  /** The public key named by the script tag (`data-shop`). */
  key: string;
  /** Signs customer ids (HMAC-SHA256) and authenticates the shop's own backend. Never sent to browsers. */
  secret: string;
  name: string;
  settings: ShopSettings;
}

export interface ShopInput {
  key: string;
  secret: string;
  name: string;
  settings: ShopSettings;
}

export interface ShopStorage {
  byKey(key: string): Promise<Shop | undefined>;
  byId(id: number): Promise<Shop | undefined>;
  /** Creates the shop or updates its name, secret and settings; `created` says which. */
  upsert(input: ShopInput): Promise<{ shop: Shop; created: boolean }>;
  /**
   * Deletes the shop and everything it owns (every table cascades from it), as one step;
   * the paths of the files its rows named (review photos and thumbnails, chat attachments),
   * for the caller to remove after. Undefined when there was no such shop.
   */
  erase(id: number): Promise<ErasedShopFiles | undefined>;
}

/** Server paths (`/media/r/…`, `/media/u/…`) of an erased shop's files. */
export interface ErasedShopFiles {
  reviewPhotos: string[];
  attachments: string[];
}
