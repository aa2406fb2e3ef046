/**
 * Shops at start: the demo shop (seeded the first time), shops from a JSON config
 * file (applied every start), and the inbox agents.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { BusinessHours, CurrencyCode, FaqEntry, HttpUrl, Product, Reward, Tier, WayToEarn, text } from '@shopfront/core/schemas.js';
import { isValidTimeZone } from './business-hours.js';
import type { ServerConfig } from './config.js';
import { normaliseOrigin } from './cors.js';
import { DEMO_CUSTOMER, DEMO_REWARDS, DEMO_TIERS, DEMO_WAYS_TO_EARN, demoBusinessHours, demoProducts } from './demo/catalogue.js';
import { demoFaq } from './demo/faq.js';
import { demoPendingReviews, demoReviews } from './demo/reviews.js';
import { generatePassword, hashPassword } from './inbox/passwords.js';
import type { Shop, ShopSettings, Storage } from './storage.js';

const Origin = z
  .string()
  .check(
    z.refine(
      (value) => value !== 'null' && normaliseOrigin(value) === value.replace(/\/$/, ''),
      'must be an origin such as https://shop.example.com',
    ),
  );

export const ShopConfig = z.object({
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/)),
  secret: z.string().check(z.minLength(16), z.maxLength(256)),
  name: text(120, 1),
  origins: z.array(Origin).check(z.maxLength(50)),
  currency: z.optional(CurrencyCode),
  autoPublishAt: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(5)))),
  businessHours: z.optional(BusinessHours.check(z.refine((hours) => isValidTimeZone(hours.timeZone), 'unknown time zone'))),
  replyMinutes: z.optional(z.int().check(z.gte(0), z.lte(10000))),
  program: z.optional(
    z.object({ name: text(80, 1), pointsName: z.optional(text(40, 1)), signupUrl: z.optional(HttpUrl), loginUrl: z.optional(HttpUrl) }),
  ),
  products: z.optional(
    z.array(z.extend(Product, { handle: text(255, 1), description: z.optional(text(5000)) })).check(z.maxLength(100000)),
  ),
  faq: z.optional(z.array(FaqEntry).check(z.maxLength(20000))),
  loyalty: z.optional(z.object({ tiers: z.array(Tier), waysToEarn: z.array(WayToEarn), rewards: z.array(Reward) })),
  agents: z.optional(z.array(z.object({ email: z.email(), name: text(80, 1), password: z.string().check(z.minLength(8)) }))),
});
export type ShopConfig = z.infer<typeof ShopConfig>;

export const ShopConfigFile = z.object({ shops: z.array(ShopConfig).check(z.minLength(1)) });

function settingsOf(config: ShopConfig): ShopSettings {
  return {
    origins: config.origins.map((origin) => normaliseOrigin(origin)!),
    currency: config.currency ?? 'EUR',
    autoPublishAt: config.autoPublishAt === undefined ? null : config.autoPublishAt,
    ...(config.businessHours ? { businessHours: config.businessHours } : {}),
    ...(config.replyMinutes !== undefined ? { replyMinutes: config.replyMinutes } : {}),
    ...(config.program ? { program: config.program } : {}),
  };
}

/** Creates or updates a shop from its config; catalogue, FAQ and loyalty are replaced when given. */
export async function applyShopConfig(storage: Storage, config: ShopConfig): Promise<Shop> {
  const { shop } = await storage.upsertShop({ key: config.key, secret: config.secret, name: config.name, settings: settingsOf(config) });
  if (config.products) await storage.replaceProducts(shop.id, config.products);
  if (config.faq) await storage.replaceFaq(shop.id, config.faq);
  if (config.loyalty) await storage.replaceLoyalty(shop.id, config.loyalty);
  for (const agent of config.agents ?? []) {
    await storage.upsertAgent({ shopId: shop.id, email: agent.email, name: agent.name, passwordHash: await hashPassword(agent.password) });
  }
  return shop;
}

export async function readShopConfigFile(file: string): Promise<z.infer<typeof ShopConfigFile>> {
  const raw = JSON.parse(await readFile(file, 'utf8'));
  const result = ShopConfigFile.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}

export const DEMO_KEY = 'pk_demo';

/** The demo shop: its settings every start, its data the first time. */
export async function seedDemoShop(storage: Storage, config: ServerConfig): Promise<Shop | undefined> {
  if (config.demo === false) return undefined;
  const demo = config.demo;
  const key = demo.key ?? DEMO_KEY;
  const existing = await storage.shopByKey(key);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const settings: ShopSettings = {
    origins: (demo.origins ?? []).map((origin) => normaliseOrigin(origin)).filter((origin): origin is string => Boolean(origin)),
    currency: 'EUR',
    autoPublishAt: demo.autoPublishAt === undefined ? 4 : demo.autoPublishAt,
    ...(demo.alwaysOpen ? {} : { businessHours: demoBusinessHours(timeZone) }),
    replyMinutes: 3,
    program: { name: 'Harbour Rewards', pointsName: 'points', signupUrl: '/account', loginUrl: '/account' },
  };
  const secret = demo.secret ?? existing?.secret ?? randomBytes(32).toString('hex');
  const { shop, created } = await storage.upsertShop({ key, secret, name: 'Harbour & Co.', settings });
  if (!created) return shop;
  const now = Date.now();
  await storage.replaceProducts(shop.id, demoProducts());
  await storage.replaceFaq(shop.id, demoFaq(now));
  await storage.replaceLoyalty(shop.id, { tiers: DEMO_TIERS, waysToEarn: DEMO_WAYS_TO_EARN, rewards: DEMO_REWARDS });
  await storage.insertReviews(shop.id, [...demoReviews(now), ...demoPendingReviews(now)]);
  const history: Array<[number, string]> = [
    [100, 'Welcome to Harbour Rewards'],
    [445, 'Order #1042'],
    [50, 'Review of the Harbour wool sweater'],
    [380, 'Order #1077'],
    [100, 'Happy birthday!'],
    [150, 'Order #1113'],
  ];
  for (const [points, label] of history) {
    await storage.adjustPoints(shop.id, DEMO_CUSTOMER.id, { points, label, kind: 'earn', firstName: DEMO_CUSTOMER.firstName });
  }
  await storage.adjustPoints(shop.id, DEMO_CUSTOMER.id, { points: -500, label: '€5 off your order', kind: 'redeem' });
  return shop;
}

export interface LoginHint {
  url?: string;
  email: string;
  /** Shown only when this start created the password, or where it came from. */
  password: string;
}

/**
 * Agents for `shop`: the one from SHOPFRONT_AGENT_EMAIL/PASSWORD (updated every
 * start), else on first run a generated one whose password is printed and kept
 * in `<dataDir>/inbox-login.txt` (readable by this user only).
 */
export async function ensureAgent(storage: Storage, config: ServerConfig, shop: Shop): Promise<LoginHint | undefined> {
  if (config.agent) {
    await storage.upsertAgent({
      shopId: shop.id,
      email: config.agent.email,
      name: config.agent.name ?? 'Agent',
      passwordHash: await hashPassword(config.agent.password),
    });
    return { email: config.agent.email, password: '(the one in SHOPFRONT_AGENT_PASSWORD)' };
  }
  const file = join(config.dataDir, 'inbox-login.txt');
  const agents = await storage.agents(shop.id);
  if (agents.length === 0) {
    const email = 'agent@shopfront.local';
    const password = generatePassword();
    await storage.upsertAgent({ shopId: shop.id, email, name: 'Sam', passwordHash: await hashPassword(password) });
    if (config.dbFile !== ':memory:') {
      await writeFile(file, `${email}\n${password}\n`, { mode: 0o600 });
      await chmod(file, 0o600);
    }
    return { email, password };
  }
  try {
    const [email, password] = (await readFile(file, 'utf8')).split('\n');
    if (email && password && agents.some((agent) => agent.email === email)) return { email, password };
  } catch {
    // No saved first-run login: the agents were configured some other way.
  }
  return {
    email: agents[0]!.email,
    password: '(set when the agent was created; set SHOPFRONT_AGENT_EMAIL and SHOPFRONT_AGENT_PASSWORD to reset it)',
  };
}
