import { ContextProvider, createContext } from '@lit/context';
import { getRuntime, onRuntimeChange } from './runtime.js';
import type { Runtime, ShopfrontSettings } from './settings.js';

/**
 * How elements get the adapter and settings. The key is a registered symbol, so
 * elements from two copies of Shopfront find the same provider.
 */
export const runtimeContext = createContext<Runtime>(Symbol.for('shopfront.runtime'));

const INSTALLED = Symbol.for('shopfront.provider');

/**
 * Provides the page's runtime from `<html>`, once per page. `<html>` exists
 * before any script runs, so an element that upgrades before the body is parsed
 * or before `configure()` runs is answered at once, and again on each change;
 * no context root has to hold requests for a provider still to come.
 */
export function installRuntimeProvider(): void {
  const host = globalThis as { [INSTALLED]?: boolean };
  if (host[INSTALLED] || typeof document === 'undefined') return;
  host[INSTALLED] = true;
  const provider = new ContextProvider(document.documentElement, { context: runtimeContext, initialValue: getRuntime() });
  onRuntimeChange((runtime) => provider.setValue(runtime));
}

/**
 * A runtime for one subtree: Storybook stories and tests mount widgets with their
 * own adapter and locale this way. Returns a function that changes the settings.
 */
export function provideRuntime(host: HTMLElement, settings: ShopfrontSettings): (next: ShopfrontSettings) => void {
  const runtimeOf = (value: ShopfrontSettings): Runtime => ({ settings: value, adapter: value.adapter });
  const provider = new ContextProvider(host, { context: runtimeContext, initialValue: runtimeOf(settings) });
  provider.hostConnected();
  return (next) => provider.setValue(runtimeOf(next));
}
