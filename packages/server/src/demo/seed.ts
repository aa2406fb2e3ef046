/** Seeding the demo shop, Harbour & Co. */
import { randomBytes } from 'node:crypto';
import type { ServerConfig } from '../config.js';
import { normaliseOrigin } from '../cors.js';
import { adjustPoints } from '../services/loyalty.js';
import type { Shop, ShopSettings, Storage } from '../storage/index.js';
import { DEMO_CUSTOMER, DEMO_REWARDS, DEMO_TIERS, DEMO_WAYS_TO_EARN, demoBusinessHours, demoProducts } from './catalogue.js';
import { demoFaq } from './faq.js';
import { demoPendingReviews, demoReviews } from './reviews.js';

export const DEMO_KEY = 'pk_demo';

/** The demo shop: its settings every start, its data the first time. */
export async function seedDemoShop(storage: Storage, config: ServerConfig): Promise<Shop | undefined> {
  if (config.demo === false) return undefined;
  const demo = config.demo;
  const key = demo.key ?? DEMO_KEY;
  const existing = await storage.shops.byKey(key);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const settings: ShopSettings = {
    origins: (demo.origins ?? []).map((origin) => normaliseOrigin(origin)).filter((origin): origin is string => Boolean(origin)),
    currency: 'EUR',
    autoPublishAt: demo.autoPublishAt === undefined ? 4 : demo.autoPublishAt,
    ...(demo.alwaysOpen ? {} : { businessHours: demoBusinessHours(timeZone) }),
    replyMinutes: 3,
    program: { name: 'Harbour Rewards', pointsName: 'points', signupUrl: '/account', loginUrl: '/account' },
    pointsExpireAfterMonths: 12,
    // At once, so a newcomer's demo order shows its review request in the outbox (or their SMTP catcher) right away.
    email: { reviewRequestDays: 0 },
  };
  const secret = demo.secret ?? existing?.secret ?? randomBytes(32).toString('hex');
  const { shop, created } = await storage.shops.upsert({ key, secret, name: 'Harbour & Co.', settings });
  if (!created) return shop;
  const now = Date.now();
  await storage.catalogue.replaceProducts(shop.id, demoProducts());
  await storage.catalogue.replaceFaq(shop.id, demoFaq(now));
  await storage.loyalty.replaceSetup(shop.id, { tiers: DEMO_TIERS, waysToEarn: DEMO_WAYS_TO_EARN, rewards: DEMO_REWARDS });
  await storage.reviews.insert(shop.id, [...demoReviews(now), ...demoPendingReviews(now)]);
  const history: Array<[number, string]> = [
    [100, 'Welcome to Harbour Rewards'],
    [445, 'Order #1042'],
    [50, 'Review of the Harbour wool sweater'],
    [380, 'Order #1077'],
    [100, 'Happy birthday!'],
    [150, 'Order #1113'],
  ];
  for (const [points, label] of history) {
    await adjustPoints(storage, shop.id, DEMO_CUSTOMER.id, { points, label, kind: 'earn', firstName: DEMO_CUSTOMER.firstName });
  }
  await adjustPoints(storage, shop.id, DEMO_CUSTOMER.id, { points: -500, label: '€5 off your order', kind: 'redeem' });
  return shop;
}
