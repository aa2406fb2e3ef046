/** Shops from a JSON config file, applied at every start: settings, catalogue, FAQ, loyalty and agents. */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import {
  BusinessHours,
  CurrencyCode,
  FaqEntry,
  HttpUrl,
  Product,
  Reward,
  Tier,
  WayToEarn,
  MAX_LENGTH,
  text,
} from '@shopfront/core/schemas.js';
import { isValidTimeZone } from '../business-hours.js';
import { ConfigError } from '../config.js';
import { normaliseOrigin } from '../cors.js';
import { hashPassword } from '../inbox/passwords.js';
import type { Shop, ShopSettings, Storage } from '../storage/index.js';

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
  pointsExpireAfterMonths: z.optional(z.int().check(z.gte(1), z.lte(120))),
  discounts: z.optional(z.object({ webhookUrl: HttpUrl })),
  email: z.optional(
    z.object({
      from: z.optional(
        text(320, 3).check(z.refine((from) => /^[^\r\n]*@[^\r\n]*$/.test(from), 'must be an address such as "Shop" <hello@shop.example>')),
      ),
      reviewRequestDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
    }),
  ),
  products: z.optional(
    z.array(z.extend(Product, { handle: text(255, 1), description: z.optional(text(5000)) })).check(z.maxLength(100000)),
  ),
  faq: z.optional(z.array(FaqEntry).check(z.maxLength(20000))),
  loyalty: z.optional(z.object({ tiers: z.array(Tier), waysToEarn: z.array(WayToEarn), rewards: z.array(Reward) })),
  // Agents from the file are admins unless it says `"role": "agent"`; the others join through invites.
  agents: z.optional(
    z.array(
      z.object({
        email: z.email(),
        name: text(MAX_LENGTH.name, 1),
        password: z.string().check(z.minLength(8)),
        role: z.optional(z.enum(['admin', 'agent'])),
      }),
    ),
  ),
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
    ...(config.pointsExpireAfterMonths ? { pointsExpireAfterMonths: config.pointsExpireAfterMonths } : {}),
    ...(config.email ? { email: config.email } : {}),
    ...(config.discounts ? { discounts: config.discounts } : {}),
  };
}

/** Creates or updates a shop from its config; catalogue, FAQ and loyalty are replaced when given. */
export async function applyShopConfig(storage: Storage, config: ShopConfig): Promise<Shop> {
  const { shop } = await storage.shops.upsert({ key: config.key, secret: config.secret, name: config.name, settings: settingsOf(config) });
  if (config.products) await storage.catalogue.replaceProducts(shop.id, config.products);
  if (config.faq) await storage.catalogue.replaceFaq(shop.id, config.faq);
  if (config.loyalty) await storage.loyalty.replaceSetup(shop.id, config.loyalty);
  for (const agent of config.agents ?? []) {
    await storage.agents.upsert({
      shopId: shop.id,
      email: agent.email,
      name: agent.name,
      passwordHash: await hashPassword(agent.password),
      role: agent.role ?? 'admin',
    });
  }
  return shop;
}

/**
 * The shops config file, checked: every way it can be wrong is a `ConfigError`
 * naming the file and the rule. The file holds secrets and passwords, so no
 * part of its text is ever quoted (JSON.parse's own message would quote it).
 */
export async function readShopConfigFile(file: string): Promise<z.infer<typeof ShopConfigFile>> {
  const setting = `SHOPFRONT_CONFIG file ${JSON.stringify(file)}`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new ConfigError(`${setting} ${problem}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new ConfigError(`${setting} is not valid JSON${position === undefined ? '' : ` (${lineAndColumn(text, Number(position))})`}`);
  }
  const result = ShopConfigFile.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`${setting}: ${issue?.path.join('.') || '(top level)'} ${issue ? ruleOf(issue) : 'is invalid'}`);
  }
  return result.data;
}

/**
 * The rule an issue broke, in words: zod/mini's own messages are all "Invalid
 * input". Built from the issue's limits, never from the value (it may be a secret).
 */
function ruleOf(issue: z.core.$ZodIssue): string {
  const size = (origin: string, bound: 'at least' | 'at most', limit: number | bigint) => {
    const unit = origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : undefined;
    return unit ? `must have ${bound} ${limit} ${unit}${limit === 1 ? '' : 's'}` : `must be ${bound} ${limit}`;
  };
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return size(issue.origin, 'at least', issue.minimum);
    case 'too_big':
      return size(issue.origin, 'at most', issue.maximum);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern ? `must match ${issue.pattern}` : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown fields ${issue.keys.join(', ')}`;
    default:
      return issue.message === 'Invalid input' ? 'is invalid' : issue.message;
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
