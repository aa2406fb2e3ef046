import { fixture, fixtureCleanup } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';
import { provideRuntime, type ShopfrontSettings } from '@shopfront/core';

const wrappers: HTMLElement[] = [];

/**
 * Renders `template` inside a subtree whose runtime is `settings` (a
 * `MemoryAdapter`, a locale…), as a shop page that called `configure()` would.
 * Returns the rendered element and a function that changes the settings.
 */
export async function mount<T extends Element>(
  template: TemplateResult,
  settings: ShopfrontSettings = {},
): Promise<T & { reconfigure: (next: ShopfrontSettings) => void }> {
  const wrapper = document.createElement('div');
  document.body.append(wrapper);
  wrappers.push(wrapper);
  const reconfigure = provideRuntime(wrapper, settings);
  const element = await fixture<T>(template, { parentNode: wrapper });
  // Each element's first render is a task of its own (ShopfrontElement.scheduleUpdate): wait for the nested ones too.
  const pending = [...wrapper.querySelectorAll('*')].map((node) => (node as Partial<ReactiveElement>).updateComplete);
  await Promise.all(pending);
  return Object.assign(element, { reconfigure });
}

/** Removes everything `mount` added. Call in `afterEach`. */
export function unmountAll(): void {
  fixtureCleanup();
  for (const wrapper of wrappers.splice(0)) wrapper.remove();
}

/** Resolves after `predicate` holds, checking each animation frame. `timeout` only bounds how long a broken test hangs. */
export async function until(predicate: () => unknown, message = 'condition', timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Captures `console.warn` calls while `body` runs. */
export async function captureWarnings(body: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return warnings;
}
