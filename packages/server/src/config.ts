/**
 * Server settings: defaults, overridden by environment variables (`configFromEnv`)
 * or by the options a test or an embedding program passes to `startServer`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustProxy, type TrustProxy } from './proxy.js';

export interface RateLimits {
  /** Length of a rate-limit window, in milliseconds. */
  windowMs: number;
  /** Writes (reviews, votes, chat messages, redemptions…) per visitor per window. */
  writesPerVisitor: number;
  /** Writes per IP address per window. */
  writesPerIp: number;
  /** Failed inbox logins from one IP address (for one email, or in all) per login window before it is refused; failures against one email from anywhere only slow attempts down. */
  loginsPerIp: number;
  loginWindowMs: number;
}

export interface AgentSetting {
  email: string;
  password: string;
  name?: string;
}

export interface DemoSetting {
  /** The demo shop's public key (default `pk_demo`). */
  key?: string;
  /** Signs the demo customer; random (and kept in the database) unless given. */
  secret?: string;
  /** Origins besides this server's own allowed to call the demo shop's API. */
  origins?: string[];
  /** Chat is within business hours at any time (tests). */
  alwaysOpen?: boolean;
  /** Reviews at or above this rating publish at once (default 4). */
  autoPublishAt?: number | null;
}

/**
 * The database the server keeps its data in, chosen by configuration: SQLite, one
 * file (`:memory:` for none), unless another kind is named: PostgreSQL by URL
 * (`DATABASE_URL`), which several instances can share. `createStorage()` opens it.
 */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServerConfig {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; all interfaces when undefined. */
  host?: string;
  /** Where the database (by default) and uploaded photos live. */
  dataDir: string;
  database: DatabaseConfig;
  /** The URL shoppers reach this server at, when it differs from what requests say (a proxy). */
  publicUrl?: string;
  /** `smtp://user:password@host:port` (or `smtps://`) the server sends email through; kept in the outbox without. */
  smtpUrl?: string;
  /** The Shopify app's API secret (`SHOPIFY_API_SECRET`): signs its webhooks and proxy requests; no Shopify routes without it. */
  shopifyApiSecret?: string;
  /** The Shopify app's API key (`SHOPIFY_API_KEY`, its client id), for the install flow. */
  shopifyApiKey?: string;
  /** How the server reaches Shopify (tests pass a fake; `fetch` otherwise). */
  shopifyFetch?: typeof fetch;
  /** The reverse proxies whose `X-Forwarded-For`/`-Proto`/`-Host` are believed (see `TrustProxy`). */
  trustProxy: TrustProxy;
  /** The CDN build served under `/cdn/`. */
  cdnDir: string;
  /** A JSON file describing shops, their catalogue, FAQ, loyalty programme and agents. */
  shopConfigFile?: string;
  /** Seed and serve the demo shop; `false` turns it off. */
  demo: DemoSetting | false;
  /** An inbox agent for the first shop (the demo shop unless a config file names others). */
  agent?: AgentSetting;
  /** Milliseconds between SSE heartbeat comments. */
  heartbeatMs: number;
  /** The `retry:` hint sent to SSE clients, in milliseconds. */
  sseRetryMs: number;
  rateLimits: RateLimits;
  /** Hours an inbox login lasts. */
  sessionHours: number;
  /** Where the inbox bundle is built into (`npm start` fills it); built in memory when missing. */
  inboxBundleDir: string;
  /** Log requests that failed with a 5xx, and start-up notes. */
  log: (message: string) => void;
}

/** packages/server: the nearest directory above this module (source or bundle) with our package.json. */
export const packageDir = findPackageDir(dirname(fileURLToPath(import.meta.url)));

function findPackageDir(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@shopfront/server') return dir;
  }
  return resolve(start, '..');
}
const repositoryRoot = resolve(packageDir, '..', '..');

export function defaultConfig(): ServerConfig {
  const dataDir = resolve('data');
  return {
    port: 8787,
    dataDir,
    database: { kind: 'sqlite', file: join(dataDir, 'shopfront.db') },
    trustProxy: false,
    cdnDir: join(repositoryRoot, 'dist', 'cdn'),
    demo: {},
    heartbeatMs: 20_000,
    sseRetryMs: 3000,
    rateLimits: { windowMs: 60_000, writesPerVisitor: 30, writesPerIp: 120, loginsPerIp: 10, loginWindowMs: 15 * 60_000 },
    sessionHours: 12,
    inboxBundleDir: join(packageDir, 'dist', 'inbox'),
    log: (message) => console.log(message),
  };
}

export type ServerOptions = Partial<Omit<ServerConfig, 'rateLimits'>> & {
  rateLimits?: Partial<RateLimits>;
  /** The SQLite file, when `database` is not given (default `<dataDir>/shopfront.db`). */
  dbFile?: string;
};

function databaseOf(options: ServerOptions, dataDir: string): DatabaseConfig {
  if (options.database) return options.database;
  const file = options.dbFile ? (options.dbFile === ':memory:' ? options.dbFile : resolve(options.dbFile)) : join(dataDir, 'shopfront.db');
  return { kind: 'sqlite', file };
}

/** Whether the data outlives the process (a file the first-run login is kept beside, say). */
export function isPersistent(database: DatabaseConfig): boolean {
  return !(database.kind === 'sqlite' && database.file === ':memory:');
}

export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const base = defaultConfig();
  const dataDir = options.dataDir ? resolve(options.dataDir) : base.dataDir;
  const { dbFile: _dbFile, ...rest } = options;
  return {
    ...base,
    ...rest,
    dataDir,
    database: databaseOf(options, dataDir),
    rateLimits: { ...base.rateLimits, ...options.rateLimits },
  };
}

/**
 * A setting the server cannot start with. Its message is one line that names the
 * setting and the rule (never the value of a secret), so `main.ts` can print it
 * alone instead of a stack trace.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(message: string) {
    // One line even when a rule's text (from zod, say) has line breaks.
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}

/** `SHOPFRONT_TRUST_PROXY`: off, a hop count or the proxies' addresses (see `TrustProxy`). */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): TrustProxy | undefined {
  const value = env.SHOPFRONT_TRUST_PROXY;
  if (value === undefined || value === '') return undefined;
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Timers treat a delay above this as 1 ms, so no millisecond setting may exceed it. */
const MAX_TIMER_MS = 2_147_483_647;

/** Limits for the numeric environment variables: a typo must stop the server, not become 1 ms or "unlimited". */
const INTEGER_SETTINGS = {
  PORT: [0, 65_535],
  // More often than once a second only costs traffic; proxies cut idle streams after tens of seconds.
  SHOPFRONT_HEARTBEAT_MS: [1000, MAX_TIMER_MS],
  SHOPFRONT_SSE_RETRY_MS: [100, MAX_TIMER_MS],
  SHOPFRONT_SESSION_HOURS: [1, 8760],
  SHOPFRONT_RATE_WINDOW_MS: [1000, MAX_TIMER_MS],
  SHOPFRONT_RATE_PER_VISITOR: [1, 1_000_000_000],
  SHOPFRONT_RATE_PER_IP: [1, 1_000_000_000],
  SHOPFRONT_LOGIN_ATTEMPTS: [1, 1_000_000_000],
  SHOPFRONT_LOGIN_WINDOW_MS: [1000, MAX_TIMER_MS],
} as const satisfies Record<string, readonly [number, number]>;

/** An integer environment variable within its limits; undefined when unset or empty. */
function integerFromEnv(env: NodeJS.ProcessEnv, name: keyof typeof INTEGER_SETTINGS): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const [min, max] = INTEGER_SETTINGS[name];
  const value = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `1`/`true` or `0`/`false`; anything else is a typo that would otherwise silently mean "off". */
function booleanFromEnv(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name} must be 1, true, 0 or false, got ${JSON.stringify(env[name])}`);
}

/** Rejects what cannot be a host name or address at all (`999.1.1.1`); whether it resolves shows when listening. */
function hostFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.HOST?.trim();
  if (!host) return undefined;
  const dottedNumbers = /^[\d.]+$/.test(host);
  const hostName = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
  if (isIP(host) || (!dottedNumbers && hostName.test(host))) return host;
  throw new ConfigError(`HOST must be an IP address or a host name of this machine, got ${JSON.stringify(env.HOST)}`);
}

/**
 * `DATABASE_URL`: a `postgres://` or `postgresql://` URL selects PostgreSQL. Anything else
 * stops the server (a typo must not fall back to a local SQLite file nobody backs up);
 * the message never repeats the URL, which may hold a password.
 */
function databaseFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    const named = scheme ? `a ${JSON.stringify(scheme + ':')} URL` : 'no URL';
    throw new ConfigError(`DATABASE_URL must be a postgres:// or postgresql:// URL, got ${named}`);
  }
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  // A URL without a host is fine when ?host= names one (a socket directory: postgres:///shop?host=/run/postgresql).
  if (!url || (!url.hostname && !url.searchParams.get('host')))
    throw new ConfigError('DATABASE_URL is not a valid URL: expected postgres://user:password@host:port/database');
  if (env.SHOPFRONT_DB) throw new ConfigError('DATABASE_URL and SHOPFRONT_DB name two databases: set one of them');
  return { kind: 'postgres', url: raw };
}

/** `SHOPFRONT_SMTP_URL`: where email goes out; never echoed back, it may hold a password. */
function smtpUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SHOPFRONT_SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError('SHOPFRONT_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587');
  }
  return raw;
}

function publicUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SHOPFRONT_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`SHOPFRONT_PUBLIC_URL must be an http:// or https:// URL, got ${JSON.stringify(raw)}`);
  }
  return raw.replace(/\/+$/, '');
}

function agentFromEnv(env: NodeJS.ProcessEnv): AgentSetting | undefined {
  const { SHOPFRONT_AGENT_EMAIL: email, SHOPFRONT_AGENT_PASSWORD: password } = env;
  if (!email && !password) return undefined;
  // One without the other used to be ignored, leaving the operator locked out of the inbox without a word.
  if (!email || !password) throw new ConfigError('SHOPFRONT_AGENT_EMAIL and SHOPFRONT_AGENT_PASSWORD must be set together');
  if (!email.includes('@')) throw new ConfigError(`SHOPFRONT_AGENT_EMAIL must be an email address, got ${JSON.stringify(email)}`);
  // The same rule the shops config file sets for agents' passwords; the password itself is never shown.
  if (password.length < 8) throw new ConfigError('SHOPFRONT_AGENT_PASSWORD must have at least 8 characters');
  return { email, password, name: env.SHOPFRONT_AGENT_NAME || undefined };
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Options from environment variables (the server README lists them all). Throws
 * a `ConfigError` for a value the server must not start with.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const options: ServerOptions = {};
  const set = <K extends keyof ServerOptions>(key: K, value: ServerOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('port', integerFromEnv(env, 'PORT'));
  set('host', hostFromEnv(env));
  set('dataDir', env.SHOPFRONT_DATA_DIR || undefined);
  set('dbFile', env.SHOPFRONT_DB || undefined);
  set('database', databaseFromEnv(env));
  set('publicUrl', publicUrlFromEnv(env));
  set('smtpUrl', smtpUrlFromEnv(env));
  set('shopifyApiSecret', env.SHOPIFY_API_SECRET?.trim() || undefined);
  set('shopifyApiKey', env.SHOPIFY_API_KEY?.trim() || undefined);
  set('trustProxy', trustProxyFromEnv(env));
  set('cdnDir', env.SHOPFRONT_CDN_DIR ? resolve(env.SHOPFRONT_CDN_DIR) : undefined);
  set('shopConfigFile', env.SHOPFRONT_CONFIG ? resolve(env.SHOPFRONT_CONFIG) : undefined);
  const demo = booleanFromEnv(env, 'SHOPFRONT_DEMO');
  const demoOff = demo === false || (env.SHOPFRONT_CONFIG && demo !== true);
  set('demo', demoOff ? false : { origins: list(env.SHOPFRONT_DEMO_ORIGINS), secret: env.SHOPFRONT_DEMO_SECRET || undefined });
  set('agent', agentFromEnv(env));
  set('heartbeatMs', integerFromEnv(env, 'SHOPFRONT_HEARTBEAT_MS'));
  set('sseRetryMs', integerFromEnv(env, 'SHOPFRONT_SSE_RETRY_MS'));
  set('sessionHours', integerFromEnv(env, 'SHOPFRONT_SESSION_HOURS'));
  const rateLimits = {
    windowMs: integerFromEnv(env, 'SHOPFRONT_RATE_WINDOW_MS'),
    writesPerVisitor: integerFromEnv(env, 'SHOPFRONT_RATE_PER_VISITOR'),
    writesPerIp: integerFromEnv(env, 'SHOPFRONT_RATE_PER_IP'),
    loginsPerIp: integerFromEnv(env, 'SHOPFRONT_LOGIN_ATTEMPTS'),
    loginWindowMs: integerFromEnv(env, 'SHOPFRONT_LOGIN_WINDOW_MS'),
  };
  const given = Object.fromEntries(Object.entries(rateLimits).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length) options.rateLimits = given;
  return options;
}
