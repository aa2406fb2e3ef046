/**
 * The network faults of test/faults/network.test.ts, as a `fetch` for the
 * RestAdapter (`restAdapter({ fetch: network.fetch })`) and, for the chat's
 * event stream, a real `EventSource` through the dev server's cutting proxy
 * (test/helpers/cut-stream.mjs). "Server down" is real: the test server is
 * stopped, so Chromium's connections are refused.
 */
import { restartServer, stopServer } from '../helpers/server.js';

/** What one attempt may take: short, so "slower than the timeout" is quick to reach (the adapter's default is 10 s). */
export const TIMEOUT_MS = 1000;

export const NETWORK_FAULTS = ['server down', 'slower than the timeout', '500', 'truncated JSON', 'an HTML error page'] as const;
export type NetworkFault = (typeof NETWORK_FAULTS)[number];

/** A proxy's or captive portal's page: 200, but HTML where JSON was asked for. */
const HTML_PAGE = '<!doctype html><html><head><title>Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

/** Rejects when `signal` aborts: the adapter's timeout gave up on the answer. */
function aborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return reject(new Error('the request has no signal: nothing would ever time it out'));
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const answers: Record<Exclude<NetworkFault, 'server down'>, typeof fetch> = {
  // The server does the work (a send is stored) but its answer arrives after the adapter stopped waiting.
  'slower than the timeout': async (input, init) => {
    await fetch(input, init);
    return aborted(init?.signal);
  },
  '500': async () =>
    new Response(JSON.stringify({ error: { code: 'internal', message: 'Internal Server Error' } }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    }),
  // The server's real answer, cut halfway (a connection dropped mid-body by a proxy).
  'truncated JSON': async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers: response.headers });
  },
  'an HTML error page': async () => new Response(HTML_PAGE, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }),
};

export interface FaultyNetwork {
  fetch: typeof fetch;
  /** Requests that met a fault. */
  faulted: number;
  /** Breaks the network with `fault` until `heal()`. */
  start(fault: NetworkFault): Promise<void>;
  heal(): Promise<void>;
}

export function faultyNetwork(): FaultyNetwork {
  let fault: NetworkFault | null = null;
  const network: FaultyNetwork = {
    faulted: 0,
    fetch: (input, init) => {
      if (!fault) return fetch(input, init);
      network.faulted++;
      return fault === 'server down' ? fetch(input, init) : answers[fault](input, init);
    },
    async start(next) {
      fault = next;
      if (next === 'server down') await stopServer();
    },
    async heal() {
      if (fault === 'server down') await restartServer();
      fault = null;
    },
  };
  return network;
}

/**
 * An `EventSource` whose stream goes through the cutting proxy: once `marker`
 * arrives, the proxy sends half of it and closes the connection (half a frame).
 * The browser's reconnection, with its `Last-Event-ID`, passes through whole.
 */
export function cuttingEventSource(marker: string): typeof EventSource {
  return class CutEventSource extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(`/__cut-stream?${new URLSearchParams({ url: String(url), cut: marker })}`, init);
    }
  };
}
