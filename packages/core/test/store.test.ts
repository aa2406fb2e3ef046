import { expect } from '@open-wc/testing';
import { get as idbGet, createStore } from 'idb-keyval';
import { configure, LocalStore } from '@shopfront/core';
import { resetSettings } from '../src/settings.js';
import { captureWarnings, until } from '../../../test/helpers/mount.js';

declare module '@shopfront/core' {
  interface StoreSchema {
    'test-list': string[];
    'test-value': { n: number };
  }
}

let dbName: string;
let store: LocalStore;
const restores: Array<() => void> = [];

/** Replaces `object[key]` until the test ends. */
function patch<T extends object, K extends keyof T>(object: T, key: K, replacement: T[K]): void {
  const original = object[key];
  object[key] = replacement;
  restores.push(() => (object[key] = original));
}

/** What is on disk, read without the store. */
const onDisk = (key: string) => idbGet<{ value: unknown }>(key, createStore(dbName, 'kv')).then((entry) => entry?.value);

beforeEach(() => {
  dbName = `sf-test-${Math.random().toString(36).slice(2)}`;
  store = new LocalStore(dbName);
});

afterEach(() => {
  restores
    .splice(0)
    .reverse()
    .forEach((restore) => restore());
  store.close();
  resetSettings();
});

describe('store in real IndexedDB', () => {
  it('keeps values on disk, readable by a new store instance', async () => {
    await store.set('test-value', { n: 1 });
    expect(await store.get('test-value')).to.deep.equal({ n: 1 });
    expect(store.backend).to.equal('indexeddb');
    expect(await onDisk('test-value')).to.deep.equal({ n: 1 });
    const later = new LocalStore(dbName);
    expect(await later.get('test-value')).to.deep.equal({ n: 1 });
    later.close();
  });

  it('records when a value was saved', async () => {
    const before = Date.now();
    await store.set('test-value', { n: 2 });
    const entry = await store.read('test-value');
    expect(entry?.savedAt).to.be.within(before, Date.now());
  });

  it('forgets a value after its max age', async () => {
    await store.set('test-value', { n: 3 }, { maxAge: 60_000 });
    expect(await store.get('test-value')).to.deep.equal({ n: 3 });
    const now = Date.now();
    patch(Date, 'now', () => now + 61_000);
    expect(await store.get('test-value')).to.equal(undefined);
  });

  it('updates atomically: concurrent appends are all kept', async () => {
    const other = new LocalStore(dbName);
    await Promise.all([
      ...['a', 'b', 'c'].map((item) => store.update('test-list', (list = []) => [...list, item])),
      ...['x', 'y'].map((item) => other.update('test-list', (list = []) => [...list, item])),
    ]);
    expect((await store.get('test-list'))?.sort()).to.deep.equal(['a', 'b', 'c', 'x', 'y']);
    other.close();
  });

  it('deletes and clears', async () => {
    await store.set('test-value', { n: 4 });
    await store.delete('test-value');
    expect(await store.get('test-value')).to.equal(undefined);
    await store.set('test-list', ['a']);
    await store.clear();
    expect(await store.get('test-list')).to.equal(undefined);
    expect(await onDisk('test-list')).to.equal(undefined);
  });

  it('tells subscribers about changes', async () => {
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe('test-value', (value) => seen.push(value));
    await store.set('test-value', { n: 5 });
    await store.delete('test-value');
    unsubscribe();
    await store.set('test-value', { n: 6 });
    expect(seen).to.deep.equal([{ n: 5 }, undefined]);
  });

  it('answers a read with a change made while the disk was answering it, not the older value on disk', async () => {
    await store.set('test-value', { n: 1 });
    const seen: unknown[] = [];
    store.subscribe('test-value', (value) => seen.push(value));
    // The change lands just after the read reached IndexedDB, as another client on the page may make it.
    let writing: Promise<void> | undefined;
    const get = IDBObjectStore.prototype.get;
    patch(IDBObjectStore.prototype, 'get', function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      const request = get.call(this, query);
      writing ??= store.set('test-value', { n: 2 });
      return request;
    });
    expect(await store.get('test-value')).to.deep.equal({ n: 2 });
    await writing;
    expect(seen).to.deep.equal([{ n: 2 }]);
    expect(await onDisk('test-value')).to.deep.equal({ n: 2 });
  });

  it('makes one visitor id and keeps it', async () => {
    const [a, b] = await Promise.all([store.visitorId(), store.visitorId()]);
    expect(a).to.match(/^[0-9a-f-]{36}$/);
    expect(b).to.equal(a);
    const later = new LocalStore(dbName);
    expect(await later.visitorId()).to.equal(a);
    later.close();
  });
});

describe('store when IndexedDB fails', () => {
  it('reopens once and retries after "The database connection is closing"', async () => {
    await store.set('test-value', { n: 1 });
    let opens = 0;
    const open = indexedDB.open.bind(indexedDB);
    patch(indexedDB, 'open', ((...args: Parameters<IDBFactory['open']>) => (opens++, open(...args))) as IDBFactory['open']);
    const transaction = IDBDatabase.prototype.transaction;
    let thrown = false;
    patch(IDBDatabase.prototype, 'transaction', function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (!thrown) {
        thrown = true;
        throw new DOMException(
          "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
          'InvalidStateError',
        );
      }
      return transaction.apply(this, args);
    } as IDBDatabase['transaction']);

    await store.set('test-value', { n: 2 });
    expect(opens).to.equal(1);
    expect(store.backend).to.equal('indexeddb');
    expect(await onDisk('test-value')).to.deep.equal({ n: 2 });
  });

  it('reopens after "Connection to Indexed Database server lost"', async () => {
    await store.set('test-value', { n: 1 });
    const get = IDBObjectStore.prototype.get;
    let thrown = false;
    patch(IDBObjectStore.prototype, 'get', function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (!thrown) {
        thrown = true;
        throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
      }
      return get.call(this, key);
    } as IDBObjectStore['get']);
    expect(await store.get('test-value')).to.deep.equal({ n: 1 });
    expect(store.backend).to.equal('indexeddb');
  });

  it('falls back to memory when the database cannot open (private mode)', async () => {
    // Firefox's private mode: the open request fails with InvalidStateError.
    patch(indexedDB, 'open', (() => {
      const request = {
        error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
      } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.(new Event('error')));
      return request;
    }) as IDBFactory['open']);

    const warnings = await captureWarnings(async () => {
      await store.set('test-value', { n: 7 });
      await store.set('test-list', ['kept']);
    });
    expect(store.backend).to.equal('memory');
    expect(await store.get('test-value')).to.deep.equal({ n: 7 });
    expect(await store.get('test-list')).to.deep.equal(['kept']);
    expect(warnings.filter((w) => w.includes('browser storage is unavailable'))).to.have.length(1);
  });

  it('keeps every concurrent update in memory', async () => {
    patch(indexedDB, 'open', (() => {
      throw new DOMException('blocked', 'SecurityError');
    }) as IDBFactory['open']);
    await captureWarnings(() => Promise.all(['a', 'b', 'c'].map((item) => store.update('test-list', (list = []) => [...list, item]))));
    expect(await store.get('test-list')).to.deep.equal(['a', 'b', 'c']);
  });

  it('falls back to memory when opening throws (storage blocked)', async () => {
    patch(indexedDB, 'open', (() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    }) as IDBFactory['open']);
    await captureWarnings(async () => {
      await store.update('test-list', (list = []) => [...list, 'one']);
      await store.update('test-list', (list = []) => [...list, 'two']);
    });
    expect(store.backend).to.equal('memory');
    expect(await store.get('test-list')).to.deep.equal(['one', 'two']);
  });

  it('falls back to memory on QuotaExceededError and keeps what was written', async () => {
    await store.set('test-list', ['before']);
    patch(IDBObjectStore.prototype, 'put', (() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as IDBObjectStore['put']);
    const warnings = await captureWarnings(async () => {
      await store.set('test-value', { n: 8 });
      await store.update('test-list', (list = []) => [...list, 'after']);
    });
    expect(store.backend).to.equal('memory');
    expect(await store.get('test-value')).to.deep.equal({ n: 8 });
    expect(await store.get('test-list')).to.deep.equal(['before', 'after']);
    expect(warnings.join()).to.contain('QuotaExceededError');
  });

  it('lets the shopper delete site data, then starts afresh', async () => {
    await store.set('test-value', { n: 9 });
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('deletion blocked by an open connection'));
    });
    expect(await store.get('test-value')).to.equal(undefined);
    await store.set('test-value', { n: 10 });
    expect(store.backend).to.equal('indexeddb');
    expect(await onDisk('test-value')).to.deep.equal({ n: 10 });
  });
});

describe('store across tabs', () => {
  it('a change in another tab reaches this one', async () => {
    const seen: unknown[] = [];
    store.subscribe('test-value', (value) => seen.push(value));
    expect(store.backend).to.equal('indexeddb'); // starts listening to other tabs

    const frame = document.createElement('iframe');
    const storeUrl = new URL('../src/store.ts', import.meta.url).href;
    frame.srcdoc = `<script type="module">
      import { LocalStore } from ${JSON.stringify(storeUrl)};
      const other = new LocalStore(${JSON.stringify(dbName)});
      await other.set('test-value', { n: 42 });
      parent.postMessage('written', '*');
    </script>`;
    const written = new Promise((resolve) => addEventListener('message', (e) => e.data === 'written' && resolve(null)));
    document.body.append(frame);
    await written;
    await until(() => seen.length > 0, 'the broadcast');
    frame.remove();

    expect(seen).to.deep.equal([{ n: 42 }]);
    expect(await store.get('test-value')).to.deep.equal({ n: 42 });
  });
});

describe('store consent', () => {
  it('writes nothing while consent is required, then writes once the shop grants it', async () => {
    configure({ consent: 'required' });
    await store.set('test-value', { n: 11 });
    await store.update('test-list', (list = []) => [...list, 'queued']);
    expect(store.persisting).to.equal(false);
    expect(await store.get('test-value')).to.deep.equal({ n: 11 });
    expect(await onDisk('test-value')).to.equal(undefined);
    expect(await onDisk('test-list')).to.equal(undefined);

    configure({ consent: 'granted' });
    await until(async () => (await onDisk('test-value')) !== undefined, 'the held write');
    expect(await onDisk('test-value')).to.deep.equal({ n: 11 });
    expect(await onDisk('test-list')).to.deep.equal(['queued']);
  });

  it('keeps every concurrent update while writes are held back', async () => {
    configure({ consent: 'required' });
    await Promise.all(['a', 'b', 'c', 'd'].map((item) => store.update('test-list', (list = []) => [...list, item])));
    expect(await store.get('test-list')).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('writes once the shopper interacts', async () => {
    configure({ consent: 'required' });
    await store.set('test-value', { n: 12 });
    expect(await onDisk('test-value')).to.equal(undefined);
    await store.allow();
    expect(await onDisk('test-value')).to.deep.equal({ n: 12 });
  });

  it('does not create the database at all before consent', async () => {
    configure({ consent: 'required' });
    await store.set('test-value', { n: 13 });
    await store.visitorId();
    const databases = await indexedDB.databases();
    expect(databases.map((db) => db.name)).not.to.include(dbName);
  });
});
