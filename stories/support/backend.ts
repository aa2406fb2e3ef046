import type { ArgTypes, Args, Parameters } from '@storybook/web-components-vite';
import { AdapterError, MemoryAdapter, store, type MemoryMethod, type ShopfrontSettings } from '@shopfront/core';

/**
 * Every story's backend is a `MemoryAdapter` made for its state; these controls
 * (on every story, under "Backend") slow it down or break it, so a designer can
 * watch a widget load, fail and recover without editing the story.
 */
export type Failure = 'none' | 'offline' | 'server-error' | 'bad-data';

const reads: MemoryMethod[] = [
  'reviews.summary',
  'reviews.list',
  'loyalty.program',
  'loyalty.member',
  'loyalty.rewards',
  'loyalty.activity',
  'chat.status',
  'chat.history',
  'faq.entries',
  'products.get',
];

const category = { table: { category: 'Backend (MemoryAdapter)' } };

export const backendArgTypes: ArgTypes = {
  latency: {
    description: 'Milliseconds every call to the backend waits.',
    control: { type: 'range', min: 0, max: 5000, step: 100 },
    ...category,
  },
  failure: {
    description: 'How every read fails: a dropped connection, a 503, or an answer that is not valid data.',
    control: 'inline-radio',
    options: ['none', 'offline', 'server-error', 'bad-data'] satisfies Failure[],
    ...category,
  },
};

export const backendArgs: Args = { latency: 0, failure: 'none' };

/** The story's adapter with the controls applied. Repeated calls (a re-render) apply them again. */
export function withBackendControls(adapter: ShopfrontSettings['adapter'], args: Args): ShopfrontSettings['adapter'] {
  if (!(adapter instanceof MemoryAdapter)) return adapter;
  const latency = Number(args.latency ?? 0);
  if (latency > 0) adapter.latency = latency;
  const failure = (args.failure ?? 'none') as Failure;
  if (failure === 'offline') adapter.offline = true;
  for (const method of failure === 'server-error' || failure === 'bad-data' ? reads : []) {
    if (failure === 'server-error') adapter.failNext(method, new AdapterError('http', 'Service unavailable', { status: 503 }), 1000);
    else adapter.respondNext(method, { unexpected: true }, 1000);
  }
  return adapter;
}

/** Saved copies (store keys and values) a story starts from, as an earlier visit left them. */
export type Saved = Record<`cache:${string}`, unknown>;

/**
 * A loader: the browser's store emptied, then seeded with `parameters.saved`, so a
 * story never shows what the story before it saved (the sweep opens them all in one tab).
 */
export const freshStore = async ({ parameters }: { parameters: Parameters }): Promise<object> => {
  await store.clear();
  for (const [key, value] of Object.entries((parameters.saved ?? {}) as Saved)) await store.set(key as `cache:${string}`, value);
  return {};
};
