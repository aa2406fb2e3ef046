import { onUnansweredHook, installGlobal, type HookName } from '@shopfront/core/global.js';
import { configure, type ShopfrontSettings } from '@shopfront/core/settings.js';
import { whenIdle } from '@shopfront/core/idle.js';
import { warnOnce } from '@shopfront/core/warn.js';

/** When a widget's code is fetched: as its element nears the viewport, or when the browser is idle. */
export type LoadWhen = 'visible' | 'idle';

export interface WidgetEntry {
  load: () => Promise<unknown>;
  /** Default `visible`; a function decides per element (a floating badge is always on screen). */
  when?: LoadWhen | ((element: Element) => LoadWhen);
  /** Hooks this widget answers: calling one fetches the widget even without its element on the page. */
  answers?: HookName[];
}

export interface LoaderOptions {
  /** Custom element name → how to load it. */
  widgets: Record<string, WidgetEntry>;
  /** Adapter name → the module that registers it (`rest` → `@shopfront/adapter-rest/register.js`). */
  adapters?: Record<string, () => Promise<unknown>>;
  settings?: ShopfrontSettings;
  /**
   * How far below the viewport a widget starts loading. Near, not far: a widget
   * below a phone's fold but inside a wide margin ran during the page's load for
   * nothing (its space is reserved in CSS, so loading later moves nothing).
   */
  rootMargin?: string;
}

const RUNNING = Symbol.for('shopfront.loader');

/**
 * Boots Shopfront on a page: configures it, replays calls queued before it
 * loaded, and imports each widget's code only when its element is on the page
 * (also when added later) and near the viewport, or when a hook it answers is
 * called. A second loader on the page (twice the tag, or two versions) warns once
 * and does nothing, so every tag keeps one definition.
 */
export function startLoader({ widgets, adapters = {}, settings = {}, rootMargin = '100px' }: LoaderOptions): () => void {
  const host = globalThis as { [RUNNING]?: boolean };
  if (host[RUNNING]) {
    warnOnce('loaded twice; second copy unused');
    return () => {};
  }
  host[RUNNING] = true;

  const loaded = new Map<string, Promise<unknown>>();
  let adapterReady: Promise<unknown> | undefined;

  // Only called with tags from `widgets`.
  const load = (tag: string): Promise<unknown> => {
    let loading = loaded.get(tag);
    if (!loading) {
      adapterReady ??= loadAdapter(adapters, settings);
      loading = Promise.all([adapterReady, widgets[tag]!.load()]).catch((error: unknown) => {
        loaded.delete(tag); // a later sighting may try again
        console.error(error); // names the module that failed
      });
      loaded.set(tag, loading);
    }
    return loading;
  };

  const stopHooks = onUnansweredHook((name) => {
    const tag = Object.keys(widgets).find((candidate) => widgets[candidate]!.answers?.includes(name));
    if (tag) void load(tag);
  });

  configure(settings);
  installGlobal();

  const visibility = new IntersectionObserver(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting) continue;
        visibility.unobserve(record.target);
        void load(record.target.localName);
      }
    },
    { rootMargin },
  );

  const consider = (element: Element) => {
    const entry = widgets[element.localName];
    if (!entry || loaded.has(element.localName)) return;
    const when = typeof entry.when === 'function' ? entry.when(element) : entry.when;
    if (when === 'idle') whenIdle(() => void load(element.localName));
    else visibility.observe(element);
  };

  const selector = Object.keys(widgets).join() || ':not(*)';
  const scan = (root: ParentNode) => {
    if (root instanceof Element && root.matches(selector)) consider(root);
    root.querySelectorAll(selector).forEach(consider);
  };
  const additions = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => node instanceof Element && scan(node));
  });
  additions.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);

  return () => {
    additions.disconnect();
    visibility.disconnect();
    stopHooks();
    host[RUNNING] = false;
  };
}

/** The module registering the adapter the settings name (`rest` when only an endpoint is given). */
function loadAdapter(adapters: Record<string, () => Promise<unknown>>, settings: ShopfrontSettings): Promise<unknown> | undefined {
  if (settings.adapter || !(settings.endpoint || settings.adapterName)) return;
  return adapters[settings.adapterName ?? 'rest']?.();
}
