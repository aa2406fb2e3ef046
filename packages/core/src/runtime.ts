/**
 * Reading and extending the page's runtime: what widgets and adapters need, kept
 * apart from settings.ts so the script-tag loader does not carry it.
 */
import { publish, shared, type AdapterFactory, type Runtime } from './settings.js';

/** Registers how to build an adapter named in settings (`rest`, `shopify`…). */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  const state = shared();
  state.factories.set(name, factory);
  if (!state.settings.adapter && (state.settings.adapterName ?? 'rest') === name && state.settings.endpoint) publish(state);
}

export function getRuntime(): Runtime {
  return shared().runtime;
}

/** Calls `listener` after every `configure`; returns the unsubscribe. */
export function onRuntimeChange(listener: (runtime: Runtime) => void): () => void {
  const { listeners } = shared();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
