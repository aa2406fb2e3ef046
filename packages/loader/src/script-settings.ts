import type { ShopfrontSettings } from '@shopfront/core/settings.js';

/** `data-*` attributes copied as they are. Unknown values act as defaults: a theme other than light or dark is `auto`, a consent other than `required` is granted. */
const COPIED = ['shop', 'locale', 'theme', 'consent'] as const;

/**
 * Settings from the script tag's `data-*` attributes. Only what is present is
 * returned, so later `configure()` calls and the page's queue can add to it.
 */
export function settingsFromScript(script: HTMLScriptElement | null): ShopfrontSettings {
  const data = script?.dataset ?? {};
  const settings: Record<string, unknown> = {};
  for (const name of COPIED) if (data[name]) settings[name] = data[name];
  if (data.endpoint) settings.endpoint = new URL(data.endpoint, script?.src || location.href).href;
  if (data.currency) settings.currency = data.currency.toUpperCase();
  if (data.adapter) settings.adapterName = data.adapter;
  if (data.customer) settings.customer = { id: data.customer, signature: data.customerSignature };
  return settings as ShopfrontSettings;
}

/**
 * The `<script>` that loaded `moduleUrl`: module scripts have no
 * `document.currentScript`, so compare each script's `src`, query aside.
 */
export function findOwnScript(moduleUrl: string): HTMLScriptElement | null {
  const path = (url: string) => url.split(/[?#]/)[0];
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((script) => path(script.src) === path(moduleUrl)) ?? null;
}
