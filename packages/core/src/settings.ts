/**
 * Page-wide settings and the adapter built from them: what the loader needs to
 * boot (runtime.ts has the rest). No Lit, no zod: the loader imports this on its own. State lives on `globalThis` under a registered
 * symbol, so two copies of Shopfront on one page share one configuration.
 */
import type { BackendAdapter } from './adapter.js';
import type { Customer } from './schemas/common.js';
import { warnOnce } from './warn.js';

export type Theme = 'light' | 'dark' | 'auto';
export type Consent = 'granted' | 'required';

export interface ShopfrontSettings {
  /** A ready adapter; wins over `endpoint`. */
  adapter?: BackendAdapter;
  /** The backend's base URL, for adapters built by name (`adapterName`). */
  endpoint?: string;
  /** Which registered adapter factory builds the adapter from `endpoint` (default `rest`). */
  adapterName?: string;
  /** The shop's public key. */
  shop?: string;
  /** BCP 47. A widget uses its own `lang` first, then this, then the nearest `lang` above it, then `en`. */
  locale?: string;
  /** ISO 4217, for money shown without its own currency. */
  currency?: string;
  customer?: Customer | null;
  /** `required`: nothing is written to the browser until the shopper or the shop allows it. */
  consent?: Consent;
  theme?: Theme;
}

export type AdapterFactory = (settings: ShopfrontSettings) => BackendAdapter;

/** What every element reads: the settings and the adapter made from them. */
export interface Runtime {
  readonly settings: Readonly<ShopfrontSettings>;
  readonly adapter: BackendAdapter | undefined;
}

export interface SharedState {
  settings: ShopfrontSettings;
  runtime: Runtime;
  factories: Map<string, AdapterFactory>;
  listeners: Set<(runtime: Runtime) => void>;
}

const KEY = Symbol.for('shopfront.state');

/** The page's one state object (internal: runtime.ts reads it too). */
export function shared(): SharedState {
  const host = globalThis as { [KEY]?: SharedState };
  host[KEY] ??= {
    settings: {},
    runtime: { settings: {}, adapter: undefined },
    factories: new Map(),
    listeners: new Set(),
  };
  return host[KEY];
}

function buildAdapter(state: SharedState): BackendAdapter | undefined {
  const { settings } = state;
  if (settings.adapter) return settings.adapter;
  if (!settings.endpoint) return undefined;
  const name = settings.adapterName ?? 'rest';
  const factory = state.factories.get(name);
  if (!factory) return undefined; // built when the factory registers
  try {
    return factory(settings);
  } catch (error) {
    warnOnce(`adapter "${name}": ${error}`);
  }
}

/** Rebuilds the runtime and tells listeners (internal). */
export function publish(state: SharedState): void {
  state.runtime = { settings: { ...state.settings }, adapter: buildAdapter(state) };
  for (const listener of state.listeners) listener(state.runtime);
}

/**
 * Sets page-wide settings; later calls merge into earlier ones. Calling it twice
 * (or from two copies of Shopfront) is safe.
 */
export function configure(settings: ShopfrontSettings): Runtime {
  const state = shared();
  const next = { ...state.settings };
  for (const [key, value] of Object.entries(settings) as Array<[keyof ShopfrontSettings, unknown]>) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  // A new endpoint or shop means a new adapter unless one is given.
  if (settings.adapter === undefined && (settings.endpoint !== undefined || settings.adapterName !== undefined)) {
    delete next.adapter;
  }
  state.settings = next;
  publish(state);
  return state.runtime;
}

/** Resolves once an adapter is configured. */
export function ready(): Promise<Runtime> {
  const { runtime, listeners } = shared();
  if (runtime.adapter) return Promise.resolve(runtime);
  return new Promise((resolve) => {
    const once = (next: Runtime) => next.adapter && (listeners.delete(once), resolve(next));
    listeners.add(once);
  });
}

/** For tests: forget every setting. */
export function resetSettings(): void {
  const state = shared();
  state.settings = {};
  publish(state);
}
