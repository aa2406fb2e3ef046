import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type * as z from 'zod/mini';
import type { BackendAdapter, Capability } from './adapter.js';
import { type AdapterError, request, toAdapterError } from './adapter-error.js';
import { SfLoadErrorEvent } from './events.js';
import { yieldToMain } from './main-thread.js';
import { store } from './store.js';
import { warnOnce } from './warn.js';

export interface LoadOptions<C extends Capability, S extends z.ZodMiniType, A extends readonly unknown[]> {
  capability: C;
  /** Every result is parsed with it: bad data becomes the error state. */
  schema: S;
  /** The element's arguments; `undefined` means "nothing to load yet". Read in `willUpdate`'s wake, never mutate here. */
  args: () => A | undefined;
  load: (implementation: NonNullable<BackendAdapter[C]>, args: A, signal: AbortSignal) => Promise<unknown>;
  /** Names the cached copy: with it, a saved value renders at once and is revalidated. */
  cacheKey?: (args: A) => string;
  /** How long a cached copy may still be shown, in ms (default a week). */
  maxAge?: number;
}

export interface LoadRenderers<T> {
  /** Nothing to show yet: render a skeleton that reserves the final size. */
  pending: () => unknown;
  /** Data to show, possibly saved earlier (`stale`) while fresh data loads or could not load. */
  complete: (value: T) => unknown;
  /** Nothing saved and loading failed. */
  error: (error: AdapterError) => unknown;
}

/** An element, or a part loaded on first use through its element's host interface. */
type Host = ReactiveControllerHost &
  Pick<HTMLElement, 'localName' | 'dispatchEvent'> & { readonly runtime?: { readonly adapter: BackendAdapter | undefined } };

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** A run that had nothing to load (no adapter yet): the controller stays in its initial state. */
const NOTHING_TO_LOAD = Symbol('nothing to load');

type Status = 'initial' | 'pending' | 'complete' | 'error';

const sameArgs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * What a widget does when loading fails: a backend without the capability is
 * told once in the console (the widget renders nothing, or keeps what it
 * shows); any other failure fires `sf-load-error` for the shop's monitoring.
 */
export function reportLoadFailure(
  host: Pick<HTMLElement, 'localName' | 'dispatchEvent'>,
  error: unknown,
  consequence = 'renders nothing',
): AdapterError {
  const failure = toAdapterError(error);
  if (failure.kind === 'unsupported') warnOnce(`<${host.localName}> ${consequence}: ${failure.message}`);
  else host.dispatchEvent(new SfLoadErrorEvent(failure));
  return failure;
}

/**
 * The one way a widget loads data. It renders a saved copy first and
 * revalidates, passes an `AbortSignal` down to the adapter (aborted when the
 * element leaves the page), validates with the schema inside the task, retries
 * when the browser comes back online, and hands the element one of three
 * states. Elements declare arguments and call `render()`.
 */
export class LoadController<C extends Capability, S extends z.ZodMiniType, A extends readonly unknown[]> implements ReactiveController {
  readonly #host: Host;
  readonly #options: LoadOptions<C, S, A>;
  #status: Status = 'initial';
  #failure: unknown;
  /** The arguments of the last run, to run again when the element's change. */
  #runArgs?: readonly unknown[];
  /** Counts runs: a run that a newer one replaced neither changes the state nor renders. */
  #runs = 0;
  #abort?: AbortController;
  #value?: z.output<S>;
  #valueKey?: string;
  #stale = false;
  #abortedByDisconnect = false;

  constructor(host: Host, options: LoadOptions<C, S, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The data being shown, if any. */
  get value(): z.output<S> | undefined {
    return this.#value;
  }

  /** True while the shown data is a saved copy not yet confirmed by the backend. */
  get stale(): boolean {
    return this.#stale;
  }

  /** True while a saved copy is shown because the shop cannot be reached (no network, or no answer in time). */
  get offline(): boolean {
    const kind = this.#stale ? this.error?.kind : undefined;
    return kind === 'network' || kind === 'timeout';
  }

  /** True while a request is in flight (also when a saved copy is shown). */
  get loading(): boolean {
    return this.#status === 'pending';
  }

  /** The last failure; set alongside a stale value when only the saved copy could be shown. */
  get error(): AdapterError | undefined {
    return this.#status === 'error' ? toAdapterError(this.#failure) : undefined;
  }

  render(renderers: LoadRenderers<z.output<S>>): unknown {
    const error = this.error;
    if (error?.kind === 'unsupported') return nothing;
    const value = this.#value;
    const showable = value !== undefined && (this.#status === 'pending' || this.#valueKey === this.#currentKey());
    if (showable) return renderers.complete(value);
    if (error) return renderers.error(error);
    return renderers.pending();
  }

  /** Loads again (the retry button of the error state). */
  retry(): Promise<void> {
    return this.#run(this.#allArgs());
  }

  /** Replaces the shown value (optimistic updates) and the saved copy. */
  set(value: z.output<S>): void {
    this.#value = value;
    this.#valueKey = this.#currentKey();
    this.#host.requestUpdate();
    const args = this.#options.args();
    if (args && this.#options.cacheKey)
      void store.set(`cache:${this.#options.cacheKey(args)}`, value, { maxAge: this.#options.maxAge ?? WEEK_MS });
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    if (this.#abortedByDisconnect) {
      this.#abortedByDisconnect = false;
      void this.#run(this.#allArgs());
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    if (this.#status === 'pending') {
      this.#abortedByDisconnect = true;
      this.#abort?.abort();
    }
  }

  /** Before each render: the element's arguments changed (or this is the first), so load them. */
  hostUpdate(): void {
    const args = this.#allArgs();
    if (this.#runArgs && sameArgs(args, this.#runArgs)) return;
    void this.#run(args);
  }

  readonly #onOnline = () => {
    if (this.#status === 'error' || this.#stale) void this.#run(this.#allArgs());
  };

  #allArgs(): readonly unknown[] {
    const args = this.#options.args();
    return args === undefined ? [undefined] : [this.#host.runtime?.adapter, ...args];
  }

  /** One load; a newer run aborts this one and this one's outcome is dropped. */
  async #run(args: readonly unknown[]): Promise<void> {
    this.#runArgs = args;
    const run = ++this.#runs;
    this.#abort?.abort();
    const controller = (this.#abort = new AbortController());
    this.#status = 'pending';
    // Runs start in the element's update; the pending state renders in the next one.
    queueMicrotask(() => this.#host.requestUpdate());
    // The request, the saved copy's read and their parsing start in a task of their own: when the adapter
    // arrives, every element on the page would otherwise start its load in that one task.
    await yieldToMain();
    if (run !== this.#runs || controller.signal.aborted) return;
    let status: Status;
    try {
      status = (await this.#load(args, controller.signal)) === NOTHING_TO_LOAD ? 'initial' : 'complete';
    } catch (error) {
      status = 'error';
      if (run === this.#runs) this.#failure = error;
    }
    if (run !== this.#runs) return;
    // The new state renders in a task of its own, apart from the fetch's parsing and validation.
    await yieldToMain();
    if (run !== this.#runs) return;
    this.#status = status;
    this.#host.requestUpdate();
  }

  #currentKey(): string | undefined {
    const args = this.#options.args();
    return args === undefined ? undefined : JSON.stringify(args);
  }

  async #load(allArgs: readonly unknown[], signal: AbortSignal): Promise<z.output<S> | typeof NOTHING_TO_LOAD> {
    const [adapter, ...rest] = allArgs as [BackendAdapter | undefined, ...A];
    const args = rest as unknown as A;
    // No adapter yet (configure() not called) or nothing to load: stay in the initial state.
    if (!adapter) return NOTHING_TO_LOAD;
    const { capability, schema, load, cacheKey } = this.#options;
    const key = JSON.stringify(args);
    const storeKey = cacheKey ? (`cache:${cacheKey(args)}` as const) : undefined;

    // The request and the saved copy start together. The copy shows unless fresh
    // data already arrived, also after the request failed (offline).
    const fresh = request(adapter, capability, schema, (implementation, innerSignal) => load(implementation, args, innerSignal), {
      signal,
    });
    let succeeded = false;
    let savedCopy: Promise<void> = Promise.resolve();
    if (storeKey && this.#valueKey !== key) {
      savedCopy = store.read(storeKey).then((saved) => {
        if (succeeded || signal.aborted || saved === undefined) return;
        const parsed = schema.safeParse(saved.value);
        if (!parsed.success) return;
        this.#value = parsed.data as z.output<S>;
        this.#valueKey = key;
        this.#stale = true;
        this.#host.requestUpdate();
      });
    }

    try {
      const value = await fresh;
      succeeded = true;
      this.#value = value;
      this.#valueKey = key;
      this.#stale = false;
      if (storeKey) void store.set(storeKey, value, { maxAge: this.#options.maxAge ?? WEEK_MS });
      return value;
    } catch (error) {
      if (signal.aborted) throw error;
      // Show the saved copy with the error, not the error first and the copy a moment later.
      await savedCopy;
      throw reportLoadFailure(this.#host, error);
    }
  }
}
