/**
 * Widgets answering `window.Shopfront` hooks: kept apart from global.ts so the
 * script-tag loader does not carry it.
 */
import { hookTable, type HookName, type ShopfrontHooks } from './global.js';

/**
 * A widget fills a hook (`openChat`…); calls that waited for it run now, in order.
 * Returns a function that removes the handler again.
 */
export function provideHook<K extends HookName>(name: K, handler: ShopfrontHooks[K]): () => void {
  const table = hookTable();
  table.handlers[name] = handler as (...args: never[]) => void;
  const waiting = table.pending.filter((call) => call.name === name);
  table.pending = table.pending.filter((call) => call.name !== name);
  for (const call of waiting) (handler as (...a: unknown[]) => void)(...call.args);
  return () => {
    if (table.handlers[name] === handler) delete table.handlers[name];
  };
}
