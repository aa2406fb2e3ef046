/**
 * Node test helpers: a real server on a free port with a fresh temporary data
 * directory and a fresh database (`database.ts`), fetch wrappers that name the
 * demo shop, and an SSE reader.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCustomer } from '../src/identity.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { ServerOptions } from '../src/config.js';
import { freshDatabase } from './database.js';

export { until } from './until.js';
export { freshDatabase, openTestStorage, testDatabaseKind, type TestDatabase, type TestStorage } from './database.js';

export const SHOP = 'pk_demo';
export const SECRET = 'test-secret-0123456789abcdef';
export const ALLOWED_ORIGIN = 'https://shop.example';
export const AGENT = { email: 'agent@example.com', password: 'correct horse battery', name: 'Sam' };

export interface TestServer extends RunningServer {
  dataDir: string;
  /** `fetch` on `/api/v1<path>` with `?shop=pk_demo` added (unless the path names a shop). */
  api(path: string, init?: RequestInit & { visitor?: string | null }): Promise<Response>;
  json<T = any>(path: string, init?: RequestInit & { visitor?: string | null }): Promise<{ status: number; body: T; headers: Headers }>;
  /** A new visitor id the server issued (`POST /visitors`), as a browser gets one. */
  visitor(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shopfront-test-'));
  const database = await freshDatabase(dataDir);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    database: database.config,
    demo: { secret: SECRET, alwaysOpen: true, origins: [ALLOWED_ORIGIN] },
    // Always the inbox script from the sources, never a stale build.
    inboxBundleDir: join(dataDir, 'no-prebuilt-inbox'),
    agent: AGENT,
    heartbeatMs: 25,
    sseRetryMs: 500,
    log: () => undefined,
    ...options,
    rateLimits: { writesPerVisitor: 100_000, writesPerIp: 100_000, loginsPerIp: 1000, ...options.rateLimits },
  });
  const visitor = async () => {
    const response = await fetch(`${server.url}/api/v1/visitors?shop=${SHOP}`, { method: 'POST' });
    if (response.status !== 201) throw new Error(`POST /visitors answered ${response.status}`);
    return ((await response.json()) as { visitorId: string }).visitorId;
  };
  // Issued, as a browser's would be: votes refuse an id the server did not make.
  const defaultVisitor = await visitor();
  const api = (path: string, init: RequestInit & { visitor?: string | null } = {}) => {
    const { visitor = defaultVisitor, ...rest } = init;
    const url = new URL(`${server.url}/api/v1${path}`);
    if (!url.searchParams.has('shop')) url.searchParams.set('shop', SHOP);
    const headers = new Headers(rest.headers);
    if (visitor !== null && !headers.has('x-shopfront-visitor')) headers.set('x-shopfront-visitor', visitor);
    if (typeof rest.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(url, { ...rest, headers });
  };
  return {
    ...server,
    dataDir,
    api,
    visitor,
    async json(path, init) {
      const response = await api(path, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async stop() {
      await server.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A customer signature as a shop's page makes it: now, or `issuedAt` (Unix seconds). */
export const sign = (customerId: string, secret = SECRET, issuedAt?: number) => signCustomer(secret, customerId, issuedAt);

export const customerHeaders = (customerId: string, signature = sign(customerId)) => ({
  'x-shopfront-customer': customerId,
  'x-shopfront-customer-signature': signature,
});

/** A webhook delivery as the shop's backend sends it: the JSON body signed with the shop's secret. */
export function sendWebhook(server: Pick<TestServer, 'api'>, path: string, payload: unknown, secret = SECRET) {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', secret).update(body).digest('base64');
  return server.api(path, { method: 'POST', visitor: null, headers: { 'x-shopfront-hmac-sha256': signature }, body });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** Reads an SSE response frame by frame. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: SseEvent[] = [];
  let ended = false;
  const waiters: Array<() => void> = [];
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let index;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          const event: SseEvent = {};
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            else {
              const [field, ...rest] = line.split(':');
              const value = rest.join(':').replace(/^ /, '');
              if (field === 'data') event.data = event.data === undefined ? value : `${event.data}\n${value}`;
              else if (field === 'id') event.id = value;
              else if (field === 'event') event.event = value;
              else if (field === 'retry') event.retry = Number(value);
            }
          }
          events.push(event);
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted
    }
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  })();
  return {
    response,
    events,
    get ended() {
      return ended;
    },
    /** Resolves with the first event (from the start) matching `predicate`, waiting for it if needed. */
    async next(predicate: (event: SseEvent) => boolean, from = 0): Promise<SseEvent> {
      for (;;) {
        const found = events.slice(from).find(predicate);
        if (found) return found;
        if (ended) throw new Error('The stream ended first.');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    /** Resolves once the server ends the stream. */
    async end(): Promise<void> {
      while (!ended) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    messages(): Array<{ id?: string; data: any }> {
      return events.filter((event) => event.data !== undefined).map((event) => ({ id: event.id, data: JSON.parse(event.data!) }));
    },
    close: () => controller.abort(),
  };
}
