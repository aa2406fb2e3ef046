/**
 * `window.Shopfront`: the API for shops that use the script tag. Also Lit-free.
 * Calls made before Shopfront loaded (the queue stub `window.Shopfront = window.Shopfront || []`)
 * are replayed; calls to a hook whose widget has not loaded yet wait for it.
 */
import type { Customer } from './schemas/common.js';
import { installRetryingImport } from './retrying-import.js';
import { configure, ready, type Runtime, type ShopfrontSettings } from './settings.js';
import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

/** Hooks that widgets fill in when they load. */
export interface ShopfrontHooks {
  openChat(prefill?: string): void;
  closeChat(): void;
  openLoyalty(page?: string): void;
  trackView(product: unknown): void;
}
export type HookName = keyof ShopfrontHooks;

/** A queued call: `['openChat', 'Hello']`, or a function given the API once it exists. */
export type QueuedCall = [string, ...unknown[]] | ((api: ShopfrontApi) => void);

export interface ShopfrontApi extends ShopfrontHooks {
  readonly version: string;
  configure(settings: ShopfrontSettings): void;
  ready(): Promise<Runtime>;
  /** Who is shopping; `null` when they sign out. */
  identify(customer: Customer | null): void;
  /** The shop (or its consent banner) allows Shopfront to store data in the browser. */
  grantConsent(): void;
  /** Keeps the queue stub working after load. */
  push(...calls: QueuedCall[]): number;
}

declare global {
  interface Window {
    Shopfront?: ShopfrontApi | QueuedCall[];
  }
}

/** Internal: hooks.ts reads it too. */
export interface HookTable {
  handlers: Partial<Record<HookName, (...args: never[]) => void>>;
  pending: Array<{ name: HookName; args: unknown[] }>;
  /** Told when a hook is called before any widget answers it (the loader fetches that widget). */
  unanswered: Set<(name: HookName) => void>;
}

// Before any widget or part is imported: every module that imports one imports this one first.
installRetryingImport();

const HOOKS = Symbol.for('shopfront.hooks');

/** The page's one hook table, shared by every copy of Shopfront (internal). */
export function hookTable(): HookTable {
  const host = globalThis as { [HOOKS]?: HookTable };
  host[HOOKS] ??= { handlers: {}, pending: [], unanswered: new Set() };
  return host[HOOKS];
}

function callHook(name: HookName, args: unknown[]): void {
  const table = hookTable();
  const handler = table.handlers[name] as ((...a: unknown[]) => void) | undefined;
  if (handler) return handler(...args);
  table.pending.push({ name, args });
  for (const listener of table.unanswered) listener(name);
}

/** Calls `listener` whenever a hook is called that no widget answers yet. Returns the unsubscribe. */
export function onUnansweredHook(listener: (name: HookName) => void): () => void {
  const { unanswered } = hookTable();
  unanswered.add(listener);
  return () => unanswered.delete(listener);
}

const HOOK_NAMES: HookName[] = ['openChat', 'closeChat', 'openLoyalty', 'trackView'];

function createApi(): ShopfrontApi {
  const api = {
    version: VERSION,
    configure: (settings: ShopfrontSettings) => void configure(settings),
    ready,
    identify: (customer: Customer | null) => void configure({ customer }),
    grantConsent: () => void configure({ consent: 'granted' }),
    push(...calls: QueuedCall[]) {
      for (const call of calls) runQueued(api as ShopfrontApi, call);
      return calls.length;
    },
  } as Partial<ShopfrontApi>;
  for (const name of HOOK_NAMES) (api as Record<HookName, unknown>)[name] = (...args: unknown[]) => callHook(name, args);
  return api as ShopfrontApi;
}

function runQueued(api: ShopfrontApi, call: QueuedCall): void {
  try {
    if (typeof call === 'function') return call(api);
    const [method, ...args] = call;
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn === 'function') fn(...args);
    else warnOnce(`no Shopfront.${method}()`);
  } catch (error) {
    console.error('[shopfront]', error);
  }
}

let installed: ShopfrontApi | undefined;

/**
 * Creates `window.Shopfront`, replaying a queue stub. If another copy already made
 * it, that one stays and this copy warns once: a page that loads the script twice
 * keeps working.
 */
export function installGlobal(): ShopfrontApi {
  if (installed) return installed;
  const existing = window.Shopfront;
  if (existing && !Array.isArray(existing)) {
    warnOnce(`${existing.version} already loaded; ${VERSION} unused`);
    installed = existing;
    return existing;
  }
  const queued = Array.isArray(existing) ? existing.slice() : [];
  installed = createApi();
  window.Shopfront = installed;
  installed.push(...queued);
  return installed;
}
