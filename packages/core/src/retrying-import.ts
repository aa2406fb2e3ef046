/**
 * Dynamic imports that can be tried again after a failed fetch.
 *
 * Browsers built before whatwg/html#10327 (Safari, Firefox and Chromium up to
 * 15x when this was written) remember a failed module fetch for the page's
 * life: `import('./panel.js')` after a 503 or a dropped connection fails again
 * at once, without asking the network. Shopfront promises that a part which
 * failed to load loads on the next try, so the CDN build calls every
 * `import('./chunk.js')` as `__shopfrontImport('./chunk.js', import.meta.url)`
 * (scripts/retrying-imports.mjs). After a failure the URL gets a fragment: a
 * new key in the browser's module map, fetched anew, while the fragment never
 * reaches the server or changes what caches store. Modules that loaded keep
 * their URL, so nothing is evaluated twice.
 */
const retries = new Map<string, string>();

export function retryingImport(specifier: string, base: string): Promise<unknown> {
  const url = new URL(specifier, base).href;
  return import(/* @vite-ignore */ url + (retries.get(url) ?? '')).catch((error: unknown) => {
    retries.set(url, `#retry-${Date.now()}`);
    throw error;
  });
}

declare global {
  var __shopfrontImport: typeof retryingImport | undefined;
}

/** Makes the function the build's rewritten imports call; the first copy of Shopfront on the page keeps it. */
export function installRetryingImport(): void {
  globalThis.__shopfrontImport ??= retryingImport;
}
