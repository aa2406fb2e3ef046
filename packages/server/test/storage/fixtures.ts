/** What the storage contracts share: how a suite gets its storage, and small records to store. */
import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import type { NewReview, Shop, ShopSettings, Storage, StoredProduct } from '../../src/storage/index.js';
import type { TestStorage } from '../database.js';

/** Makes an empty, migrated storage of the implementation under test. */
export type OpenStorage = () => Promise<TestStorage>;

/** One storage for the suite (each test makes its own shop, so tests never see each other's rows). */
export function useStorage(open: OpenStorage): () => Storage {
  let opened: TestStorage | undefined;
  before(async () => (opened = await open()));
  after(() => opened?.dispose());
  return () => {
    if (!opened) throw new Error('The storage is not open yet.');
    return opened.storage;
  };
}

export const SETTINGS: ShopSettings = { origins: ['https://shop.example'], currency: 'EUR', autoPublishAt: 4 };

export async function newShop(storage: Storage, settings: Partial<ShopSettings> = {}): Promise<Shop> {
  const key = `pk_${randomUUID().slice(0, 8)}`;
  const { shop } = await storage.shops.upsert({
    key,
    secret: `secret-${randomUUID()}`,
    name: `Shop ${key}`,
    settings: { ...SETTINGS, ...settings },
  });
  return shop;
}

export function product(id: string, extra: Partial<StoredProduct> = {}): StoredProduct {
  return {
    id,
    handle: `handle-${id}`,
    title: `Product ${id}`,
    url: `/products/handle-${id}`,
    price: 10,
    currency: 'EUR',
    available: true,
    ...extra,
  };
}

export function review(productId: string, extra: Partial<NewReview> = {}): NewReview {
  return {
    productId,
    rating: 5,
    title: 'Lovely',
    body: 'Would buy again.',
    authorName: 'Ada',
    photos: [],
    status: 'published',
    ...extra,
  };
}

/** `count` ISO timestamps one minute apart, oldest first. */
export function minutesApart(count: number, start = Date.parse('2024-05-01T10:00:00Z')): string[] {
  return Array.from({ length: count }, (_, index) => new Date(start + index * 60_000).toISOString());
}
