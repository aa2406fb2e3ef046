/**
 * The one local store: IndexedDB through idb-keyval, in its own database.
 *
 * Real browsers break IndexedDB in several ways (Firefox private mode, Safari's
 * "connection is closing" after sleep, "Connection to Indexed Database server
 * lost", QuotaExceededError, the shopper deleting site data). A closed connection
 * is reopened once and the operation retried once; if opening fails, or the quota
 * is hit, the store keeps working in memory for the rest of the session. Every
 * value this session wrote or read is mirrored in memory, so nothing written is
 * lost to a fallback. No method throws.
 */
import {
  clear as idbClear,
  del as idbDel,
  get as idbGet,
  promisifyRequest,
  set as idbSet,
  update as idbUpdate,
  type UseStore,
} from 'idb-keyval';
import { getRuntime, onRuntimeChange } from './runtime.js';
import { warnOnce } from './warn.js';

/**
 * Every key the store holds and the type of its value. Widgets add theirs with
 * `declare module '@shopfront/core' { interface StoreSchema { … } }`.
 */
export interface StoreSchema {
  /** A random id for this browser: one helpful vote per visitor, rate limits. Not personal. */
  'visitor-id': string;
  /** Cached adapter results, keyed by what loaded them (see `LoadController`). */
  [cacheKey: `cache:${string}`]: unknown;
}
export type StoreKey = keyof StoreSchema & string;

export interface StoredEntry<T> {
  value: T;
  /** `Date.now()` when written: how fresh a cached value is. */
  savedAt: number;
  /** After this, reads act as if the key were absent. */
  expiresAt?: number;
}

export interface SetOptions {
  /** Milliseconds the value stays readable. */
  maxAge?: number;
}

export type StoreBackend = 'indexeddb' | 'memory';

/** Where a new visitor id comes from (`issue`; the reference server signs its own) and whether a kept one is still good. */
export interface VisitorIdSource {
  issue?: () => Promise<string>;
  accepts?: (id: string) => boolean;
}

type Listener<T> = (value: T | undefined) => void;
type ChannelMessage = { source: string; key: string; entry: StoredEntry<unknown> | null } | { source: string; cleared: true };

const OBJECT_STORE = 'kv';
const OPEN_TIMEOUT_MS = 3000;

/** Errors after which a fresh connection works again. */
function isLostConnection(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'UnknownError');
}

export class LocalStore {
  readonly #dbName: string;
  readonly #tabId = Math.random().toString(36).slice(2);
  readonly #mirror = new Map<string, StoredEntry<unknown>>();
  /** Writes held back until consent: key → entry, or null for a delete. */
  readonly #held = new Map<string, StoredEntry<unknown> | null>();
  readonly #listeners = new Map<string, Set<Listener<unknown>>>();
  #connection?: UseStore;
  #backend: StoreBackend = 'indexeddb';
  #channel?: BroadcastChannel;
  #consentRequired = false;
  #allowedByShopper = false;
  #started = false;
  #visitorId?: Promise<string>;
  #updates: Promise<unknown> = Promise.resolve();
  /** Counts the changes to each key, and all clears: a read can tell that one happened while it waited. */
  readonly #changes = new Map<string, number>();
  #clears = 0;

  constructor(dbName = 'shopfront') {
    this.#dbName = dbName;
  }

  /** Where values go now: `memory` after a fallback. */
  get backend(): StoreBackend {
    this.#start();
    return this.#backend;
  }

  /** Whether writes reach the disk now, rather than waiting for consent. */
  get persisting(): boolean {
    this.#start();
    return !this.#consentRequired || this.#allowedByShopper;
  }

  async get<K extends StoreKey>(key: K): Promise<StoreSchema[K] | undefined> {
    return (await this.read(key))?.value;
  }

  /** The value with its `savedAt`, for callers that judge freshness. */
  async read<K extends StoreKey>(key: K): Promise<StoredEntry<StoreSchema[K]> | undefined> {
    this.#start();
    const version = this.#version(key);
    if (this.#backend === 'indexeddb' && !this.#held.has(key) && (await this.#mayOpen())) {
      const stored = await this.#attempt((use) => idbGet<StoredEntry<unknown>>(key, use));
      if (stored.ok) {
        const disk = isEntry(stored.value) ? stored.value : undefined;
        // A change made or heard while the disk answered is usually newer than the
        // answer, but another tab's message can arrive after a later write landed:
        // then the entry saved last wins.
        if (this.#version(key) === version || (disk && disk.savedAt > (this.#mirror.get(key)?.savedAt ?? -1))) {
          if (disk) this.#mirror.set(key, disk);
          else this.#mirror.delete(key);
        }
      }
    }
    const entry = this.#mirror.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      void this.delete(key);
      return undefined;
    }
    return entry as StoredEntry<StoreSchema[K]> | undefined;
  }

  async set<K extends StoreKey>(key: K, value: StoreSchema[K], options: SetOptions = {}): Promise<void> {
    this.#start();
    const entry: StoredEntry<unknown> = { value, savedAt: Date.now() };
    if (options.maxAge !== undefined) entry.expiresAt = entry.savedAt + options.maxAge;
    this.#apply(key, entry, true);
    await this.#persist(key, entry);
  }

  async delete(key: StoreKey): Promise<void> {
    this.#start();
    this.#apply(key, null, true);
    await this.#persist(key, null);
  }

  /**
   * Read-modify-write in one IndexedDB transaction, so two tabs adding to the same
   * list (the chat outbox) cannot lose each other's items. Returns the new value.
   */
  update<K extends StoreKey>(
    key: K,
    updater: (current: StoreSchema[K] | undefined) => StoreSchema[K],
    options: SetOptions = {},
  ): Promise<StoreSchema[K]> {
    // One at a time in this tab: when writes are held back (consent) or kept in
    // memory, an update reads then writes, and two at once would lose one.
    const run = this.#updates.then(() => this.#update(key, updater, options));
    this.#updates = run.catch(() => {});
    return run;
  }

  async #update<K extends StoreKey>(
    key: K,
    updater: (current: StoreSchema[K] | undefined) => StoreSchema[K],
    options: SetOptions,
  ): Promise<StoreSchema[K]> {
    this.#start();
    const makeEntry = (current: StoredEntry<unknown> | undefined): StoredEntry<unknown> => {
      const live = current && (current.expiresAt === undefined || current.expiresAt > Date.now()) ? current : undefined;
      const entry: StoredEntry<unknown> = { value: updater(live?.value as StoreSchema[K] | undefined), savedAt: Date.now() };
      if (options.maxAge !== undefined) entry.expiresAt = entry.savedAt + options.maxAge;
      return entry;
    };
    let next: StoredEntry<unknown> | undefined;
    if (this.#backend === 'indexeddb' && this.persisting) {
      const result = await this.#attempt((use) =>
        idbUpdate<StoredEntry<unknown>>(key, (stored) => (next = makeEntry(isEntry(stored) ? stored : undefined)), use),
      );
      if (result.ok && next) {
        this.#apply(key, next, true);
        return next.value as StoreSchema[K];
      }
    }
    next = makeEntry(await this.read(key));
    this.#apply(key, next, true);
    await this.#persist(key, next);
    return next.value as StoreSchema[K];
  }

  /** Calls `listener` whenever `key` changes, in this tab or another. Returns the unsubscribe. */
  subscribe<K extends StoreKey>(key: K, listener: Listener<StoreSchema[K]>): () => void {
    this.#start();
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(listener as Listener<unknown>);
    return () => set.delete(listener as Listener<unknown>);
  }

  /** The shopper interacted (opened the chat…): writing is allowed for this session. */
  async allow(): Promise<void> {
    this.#start();
    this.#allowedByShopper = true;
    await this.#flushHeld();
  }

  /** Forgets everything, here and in other tabs. */
  async clear(): Promise<void> {
    this.#start();
    const keys = [...this.#mirror.keys()];
    this.#mirror.clear();
    this.#clears++;
    this.#held.clear();
    if (this.#backend === 'indexeddb') await this.#attempt((use) => idbClear(use));
    this.#post({ source: this.#tabId, cleared: true });
    for (const key of keys) this.#notify(key, undefined);
  }

  /**
   * This browser's visitor id, made once by `issue` (or at random). A kept id
   * `accepts` refuses (made before the backend signed ids) is replaced; a
   * failed issue is forgotten, so the next call asks again.
   */
  visitorId({ issue = async () => crypto.randomUUID(), accepts = () => true }: VisitorIdSource = {}): Promise<string> {
    this.#visitorId ??= (async () => {
      const existing = await this.get('visitor-id');
      if (existing && accepts(existing)) return existing;
      const id = await issue();
      await this.set('visitor-id', id);
      return id;
    })();
    this.#visitorId.catch(() => (this.#visitorId = undefined));
    return this.#visitorId;
  }

  /** Closes the connection and the channel (tests use it to simulate a new tab). */
  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#connection = undefined;
    this.#started = false;
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#onSettings(getRuntime().settings.consent);
    onRuntimeChange((runtime) => this.#onSettings(runtime.settings.consent));
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`${this.#dbName}-store`);
      this.#channel.onmessage = (event: MessageEvent<ChannelMessage>) => this.#receive(event.data);
    }
  }

  #onSettings(consent: string | undefined): void {
    const wasRequired = this.#consentRequired;
    this.#consentRequired = consent === 'required';
    if (wasRequired && !this.#consentRequired) void this.#flushHeld();
  }

  #version(key: string): string {
    return `${this.#clears}:${this.#changes.get(key) ?? 0}`;
  }

  /** Updates memory, tells listeners here and, if `broadcast`, in other tabs. */
  #apply(key: string, entry: StoredEntry<unknown> | null, broadcast: boolean): void {
    this.#changes.set(key, (this.#changes.get(key) ?? 0) + 1);
    if (entry) this.#mirror.set(key, entry);
    else this.#mirror.delete(key);
    if (broadcast) this.#post({ source: this.#tabId, key, entry });
    this.#notify(key, entry?.value);
  }

  #notify(key: string, value: unknown): void {
    for (const listener of this.#listeners.get(key) ?? []) {
      try {
        listener(value);
      } catch (error) {
        console.error('[shopfront] a store listener failed', error);
      }
    }
  }

  #post(message: ChannelMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch (error) {
      // A value that cannot be cloned stays in this tab.
      warnOnce(`a change could not be shared with other tabs: ${(error as Error).message}`);
    }
  }

  #receive(message: ChannelMessage): void {
    if (!message || message.source === this.#tabId) return;
    if ('cleared' in message) {
      const keys = [...this.#mirror.keys()];
      this.#mirror.clear();
      this.#clears++;
      for (const key of keys) this.#notify(key, undefined);
      return;
    }
    // Messages from two tabs can cross: one older than what this tab holds is stale.
    if (message.entry && (this.#mirror.get(message.key)?.savedAt ?? -1) > message.entry.savedAt) return;
    this.#apply(message.key, message.entry, false);
  }

  async #persist(key: string, entry: StoredEntry<unknown> | null): Promise<void> {
    if (!this.persisting) {
      this.#held.set(key, entry);
      return;
    }
    this.#held.delete(key);
    if (this.#backend === 'memory') return;
    await this.#attempt((use) => (entry ? idbSet(key, entry, use) : idbDel(key, use)));
  }

  async #flushHeld(): Promise<void> {
    if (!this.persisting) return;
    const held = [...this.#held];
    this.#held.clear();
    for (const [key, entry] of held) await this.#persist(key, entry);
  }

  /**
   * Runs one IndexedDB operation: on a lost connection, reopens once and retries
   * once; on any other failure (open refused, quota), switches to memory.
   */
  async #attempt<T>(operation: (use: UseStore) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return { ok: true, value: await operation(this.#open()) };
      } catch (error) {
        this.#connection = undefined;
        if (attempt === 0 && isLostConnection(error)) continue;
        this.#fallBack(error);
      }
    }
    return { ok: false };
  }

  #fallBack(error: unknown): void {
    if (this.#backend === 'memory') return;
    this.#backend = 'memory';
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    warnOnce(`browser storage is unavailable (${reason}); keeping data in memory for this visit`);
  }

  /**
   * Opening creates the database, which is a write: before consent, only open one
   * that already exists.
   */
  async #mayOpen(): Promise<boolean> {
    if (this.persisting) return true;
    try {
      return (await indexedDB.databases()).some((database) => database.name === this.#dbName);
    } catch {
      return false;
    }
  }

  /** idb-keyval's `createStore`, plus: close on `versionchange` so a deletion is not blocked, and forget a closed connection. */
  #open(): UseStore {
    if (this.#connection) return this.#connection;
    const database = new Promise<IDBDatabase>((resolve, reject) => {
      const timer = setTimeout(() => reject(new DOMException('Opening IndexedDB timed out', 'TimeoutError')), OPEN_TIMEOUT_MS);
      const request = indexedDB.open(this.#dbName);
      request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE);
      promisifyRequest(request).then(
        (db) => {
          clearTimeout(timer);
          const forget = () => {
            if (this.#connection === use) this.#connection = undefined;
          };
          db.onversionchange = () => {
            db.close();
            forget();
          };
          db.onclose = forget;
          resolve(db);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    // Keep an unobserved rejection from reaching the console; callers see it.
    database.catch(() => {});
    const use: UseStore = (mode, callback) => database.then((db) => callback(db.transaction(OBJECT_STORE, mode).objectStore(OBJECT_STORE)));
    this.#connection = use;
    return use;
  }
}

function isEntry(value: unknown): value is StoredEntry<unknown> {
  return typeof value === 'object' && value !== null && 'value' in value && typeof (value as StoredEntry<unknown>).savedAt === 'number';
}

/** The page's store. */
export const store = new LocalStore();
