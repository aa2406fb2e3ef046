import { ContextProvider, ContextRoot, createContext } from '@lit/context';
import { getRuntime, onRuntimeChange } from './runtime.js';
import type { Runtime, ShopfrontSettings } from './settings.js';

/**
 * How elements get the adapter and settings. The key is a registered symbol, so
 * elements from two copies of Shopfront find the same provider.
 */
export const runtimeContext = createContext<Runtime>(Symbol.for('shopfront.runtime'));

const INSTALLED = Symbol.for('shopfront.provider');

/**
 * Provides the page's runtime from `document.body`, once per page. A context root
 * on `<html>` holds requests from elements that upgrade before the body exists
 * or before `configure()` runs, and answers them when the provider appears.
 */
export function installRuntimeProvider(): void {
  const host = globalThis as { [INSTALLED]?: boolean };
  if (host[INSTALLED] || typeof document === 'undefined') return;
  host[INSTALLED] = true;
  new ContextRoot().attach(document.documentElement);
  const attach = () => {
    const provider = new ContextProvider(document.body, { context: runtimeContext, initialValue: getRuntime() });
    onRuntimeChange((runtime) => provider.setValue(runtime));
    // A plain element host must announce the provider itself: this is what makes
    // the context root answer requests made before it existed.
    provider.hostConnected();
  };
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });
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
