/**
 * Server settings: defaults, overridden by environment variables (`configFromEnv`)
 * or by the options a test or an embedding program passes to `startServer`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RateLimits {
  /** Length of a rate-limit window, in milliseconds. */
  windowMs: number;
  /** Writes (reviews, votes, chat messages, redemptions…) per visitor per window. */
  writesPerVisitor: number;
  /** Writes per IP address per window. */
  writesPerIp: number;
  /** Inbox login attempts per IP address (and per email) per login window. */
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

export interface ServerConfig {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; all interfaces when undefined. */
  host?: string;
  /** Where the database (by default) and uploaded photos live. */
  dataDir: string;
  /** The SQLite file. */
  dbFile: string;
  /** The URL shoppers reach this server at, when it differs from what requests say (a proxy). */
  publicUrl?: string;
  /** Trust `X-Forwarded-For`/`-Proto`/`-Host` from a reverse proxy. */
  trustProxy: boolean;
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
    dbFile: join(dataDir, 'shopfront.db'),
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

export type ServerOptions = Partial<Omit<ServerConfig, 'rateLimits'>> & { rateLimits?: Partial<RateLimits> };

export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const base = defaultConfig();
  const dataDir = options.dataDir ? resolve(options.dataDir) : base.dataDir;
  return {
    ...base,
    ...options,
    dataDir,
    dbFile: options.dbFile ? (options.dbFile === ':memory:' ? options.dbFile : resolve(options.dbFile)) : join(dataDir, 'shopfront.db'),
    rateLimits: { ...base.rateLimits, ...options.rateLimits },
  };
}

const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Options from environment variables (the server README lists them all). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const options: ServerOptions = {};
  const set = <K extends keyof ServerOptions>(key: K, value: ServerOptions[K] | undefined) => {
    if (value !== undefined && !(typeof value === 'number' && Number.isNaN(value))) options[key] = value;
  };
  set('port', number(env.PORT));
  set('host', env.HOST || undefined);
  set('dataDir', env.SHOPFRONT_DATA_DIR || undefined);
  set('dbFile', env.SHOPFRONT_DB || undefined);
  set('publicUrl', env.SHOPFRONT_PUBLIC_URL || undefined);
  set('trustProxy', env.SHOPFRONT_TRUST_PROXY ? env.SHOPFRONT_TRUST_PROXY === '1' || env.SHOPFRONT_TRUST_PROXY === 'true' : undefined);
  set('cdnDir', env.SHOPFRONT_CDN_DIR ? resolve(env.SHOPFRONT_CDN_DIR) : undefined);
  set('shopConfigFile', env.SHOPFRONT_CONFIG ? resolve(env.SHOPFRONT_CONFIG) : undefined);
  const demoOff = env.SHOPFRONT_DEMO === '0' || env.SHOPFRONT_DEMO === 'false' || (env.SHOPFRONT_CONFIG && env.SHOPFRONT_DEMO !== '1');
  set('demo', demoOff ? false : { origins: list(env.SHOPFRONT_DEMO_ORIGINS), secret: env.SHOPFRONT_DEMO_SECRET || undefined });
  if (env.SHOPFRONT_AGENT_EMAIL && env.SHOPFRONT_AGENT_PASSWORD) {
    set('agent', { email: env.SHOPFRONT_AGENT_EMAIL, password: env.SHOPFRONT_AGENT_PASSWORD, name: env.SHOPFRONT_AGENT_NAME || undefined });
  }
  set('heartbeatMs', number(env.SHOPFRONT_HEARTBEAT_MS));
  set('sseRetryMs', number(env.SHOPFRONT_SSE_RETRY_MS));
  set('sessionHours', number(env.SHOPFRONT_SESSION_HOURS));
  const rateLimits = {
    windowMs: number(env.SHOPFRONT_RATE_WINDOW_MS),
    writesPerVisitor: number(env.SHOPFRONT_RATE_PER_VISITOR),
    writesPerIp: number(env.SHOPFRONT_RATE_PER_IP),
    loginsPerIp: number(env.SHOPFRONT_LOGIN_ATTEMPTS),
    loginWindowMs: number(env.SHOPFRONT_LOGIN_WINDOW_MS),
  };
  const given = Object.fromEntries(Object.entries(rateLimits).filter(([, value]) => value !== undefined && !Number.isNaN(value)));
  if (Object.keys(given).length) options.rateLimits = given;
  return options;
}
