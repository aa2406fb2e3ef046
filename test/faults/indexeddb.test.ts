/**
 * IndexedDB faults, in Chromium, under all six widgets on the reference
 * server. Each case is a fresh shop page (an iframe with its own modules, so
 * its own store) whose IndexedDB the test breaks before Shopfront's modules run
 * or in the middle of the visit: opening fails (an error event, a throw, or
 * blocked for ever behind another tab's upgrade), the connection closes under
 * the store ("The database connection is closing"), the shopper deletes the
 * database, writes hit the quota, or there is no IndexedDB at all (private
 * mode). Every widget must still show the server's data, the chat must send a
 * message the server then holds exactly once, and nothing may be thrown.
 */
import { expect } from '@open-wc/testing';
import type { Customer } from '@shopfront/core';
import { recordFigures } from '../helpers/browser-figures.js';
import { demoCustomer, setAgentAvailability } from '../helpers/server.js';
import { closeShopPages, deliveryFigures, expectWidgetsWork, openShopPage, watchUncaught, type Sent } from './widgets.js';

type PageWindow = Window & typeof globalThis;

interface Fault {
  name: string;
  /** Sets up what another tab does, before the page opens. */
  outside?: () => Promise<void>;
  /** Breaks the page's IndexedDB before its store first opens. */
  before?: (win: PageWindow) => void;
  /** Breaks it once the widgets are running; a second set of widgets is mounted afterwards. */
  during?: (win: PageWindow) => Promise<void>;
  /** Undoes what `before` set up outside the page (another tab's connection). */
  after?: () => Promise<void>;
  /** Where the store keeps data afterwards: proof that the fault reached it (a reopen keeps IndexedDB, the rest fall back). */
  backend: 'indexeddb' | 'memory';
}

const DATABASE = 'shopfront';

/** An `indexedDB.open` request that fails as browsers fail it: an error event after the call returns. */
function failingOpen(win: PageWindow, error: DOMException): void {
  win.IDBFactory.prototype.open = function () {
    const request = { error, result: undefined } as unknown as IDBOpenDBRequest & { onerror: ((event: Event) => void) | null };
    win.setTimeout(() => request.onerror?.(new win.Event('error')));
    return request;
  };
}

/** Awaits an IndexedDB request's success; `blocked` is only logged, since the store closes on `versionchange`. */
const settled = (request: IDBRequest) =>
  new Promise<void>((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

/** The connections the page's store used, seen by wrapping `transaction`; `closing` makes each transaction throw as a closing connection does. */
function watchConnections(win: PageWindow): { connections: Set<IDBDatabase>; closing: { now: boolean } } {
  const connections = new Set<IDBDatabase>();
  const closing = { now: false };
  const transaction = win.IDBDatabase.prototype.transaction;
  win.IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    connections.add(this);
    if (closing.now)
      throw new win.DOMException(
        "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
        'InvalidStateError',
      );
    return transaction.apply(this, args);
  } as IDBDatabase['transaction'];
  return { connections, closing };
}

const watched = new WeakMap<PageWindow, ReturnType<typeof watchConnections>>();

/** Another tab holds the database and ignores `versionchange` while a third asks for an upgrade: every later open queues behind it. */
let otherTab: IDBDatabase | undefined;
let upgrade: IDBOpenDBRequest | undefined;

const FAULTS: Fault[] = [
  {
    name: 'indexedDB.open fires an error event',
    backend: 'memory',
    before: (win) => failingOpen(win, new win.DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')),
  },
  {
    name: 'indexedDB.open throws',
    backend: 'memory',
    before: (win) => {
      win.IDBFactory.prototype.open = () => {
        throw new win.DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    },
  },
  {
    name: 'indexedDB.open is blocked for ever (an upgrade waits on another tab)',
    backend: 'memory',
    outside: async () => {
      otherTab = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('kv');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      upgrade = indexedDB.open(DATABASE, 2);
      await new Promise((resolve) => (upgrade!.onblocked = resolve));
    },
    after: async () => {
      otherTab?.close();
      if (upgrade) await settled(upgrade).catch(() => {});
      upgrade?.result?.close();
      otherTab = upgrade = undefined;
    },
  },
  {
    name: 'the connection closes under the store mid-session (InvalidStateError, then a reopen)',
    backend: 'indexeddb',
    before: (win) => void watched.set(win, watchConnections(win)),
    during: async (win) => {
      const { connections } = watched.get(win)!;
      if (connections.size === 0) throw new Error('the store never used a connection');
      for (const connection of connections) connection.close();
    },
  },
  {
    name: 'every transaction throws InvalidStateError from mid-session on',
    backend: 'memory',
    before: (win) => void watched.set(win, watchConnections(win)),
    during: async (win) => void (watched.get(win)!.closing.now = true),
  },
  {
    name: 'the database is deleted mid-session (versionchange)',
    backend: 'indexeddb',
    during: (win) => settled(win.indexedDB.deleteDatabase(DATABASE)),
  },
  {
    name: 'writes throw QuotaExceededError',
    backend: 'memory',
    before: (win) => {
      win.IDBObjectStore.prototype.put = () => {
        throw new win.DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  },
  {
    name: 'no IndexedDB at all (indexedDB is undefined)',
    backend: 'memory',
    before: (win) => Object.defineProperty(win, 'indexedDB', { value: undefined, configurable: true }),
  },
  {
    name: 'every open is refused (private mode)',
    backend: 'memory',
    before: (win) =>
      failingOpen(
        win,
        new win.DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
      ),
  },
];

describe('every widget when IndexedDB fails', function () {
  // Each case loads a page of six widgets on two shared cores; the blocked open waits out the store's own 3 s timeout.
  this.timeout(60_000);
  let customer: Customer;
  const uncaught = watchUncaught(window);
  let tried = 0;
  let failed = 0;
  let lost = 0;
  let duplicated = 0;

  before(async () => {
    customer = await demoCustomer();
    await setAgentAvailability('available'); // the chat is online, so it shows its message field
  });
  beforeEach(() => settled(indexedDB.deleteDatabase(DATABASE)));
  afterEach(function () {
    closeShopPages();
    if (this.currentTest?.state === 'failed') failed++;
  });
  after(async () => {
    await setAgentAvailability('auto');
    await recordFigures({ suite: 'IndexedDB faults (6 widgets)', cases: tried, failures: failed + uncaught.length, lost, duplicated });
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: every widget shows the server’s data, the chat’s messages are stored once, nothing is thrown`, async () => {
      tried++;
      try {
        await fault.outside?.();
        const { window: win, page, uncaught: inPage } = await openShopPage(customer, fault.before);
        const sent: Sent = [];
        const first = `Before the fault: ${fault.name}`;
        sent.push([await expectWidgetsWork(await page.mountWidgets(), page, first), first]);
        if (fault.during) {
          await fault.during(win);
          win.document.body.replaceChildren();
          const second = `After the fault: ${fault.name}`;
          sent.push([await expectWidgetsWork(await page.mountWidgets(), page, second), second]);
        }
        const delivery = await deliveryFigures(sent);
        lost += delivery.lost;
        duplicated += delivery.duplicated;
        expect(delivery, 'chat messages lost or stored twice').to.deep.equal({ lost: 0, duplicated: 0 });
        expect(page.store.backend).to.equal(fault.backend);
        expect(inPage).to.deep.equal([]);
        expect(uncaught).to.deep.equal([]);
      } finally {
        await fault.after?.();
      }
    });
  }
});
