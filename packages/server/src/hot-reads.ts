/**
 * Cached reads answered before the router. A review page, a summary or the FAQ
 * that is already serialised in the read cache (./read-cache.ts) still went
 * through Hono: a web Request built from Node's, the middleware, the shop
 * gate, parameter parsing, a web Response turned back into Node's. For the
 * busiest reads of a shop that is most of the cost (issue 14 measured the
 * review list at a tenth of a bare `node:http`).
 *
 * So when the router answers a cached read, it also records the request as
 * the hot path sees it (the URL and every header the answer depends on) with
 * the headers it sent. The next identical request is answered here from the
 * same cached bytes and the same headers. Nothing is decided twice: whatever
 * the router would check (the shop, the origin, the parameters) it already
 * checked for exactly this request, and anything the hot path cannot vouch
 * for (a conditional request, a malformed visitor id, a HEAD) goes to the router.
 * When the answer is invalidated the entry is dropped on its next use, and an
 * applied shop config (its origins may have changed) drops every entry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { VISITOR_HEADER, isWellFormedVisitor } from './identity.js';
import type { ReadCache } from './read-cache.js';

interface HotEntry {
  tag: string;
  key: string;
  /** What the router sent with the answer, but its ETag and length (taken from the answer each time). */
  headers: Record<string, string>;
}

/** Set per response by Node; the rest of the router's headers are replayed. */
const PER_RESPONSE = new Set(['etag', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The request as far as a cached answer can depend on it: host and URL (the
 * answers hold absolute URLs; the query names the shop and the page), the
 * origin (the CORS headers), and, when a proxy's headers are there, the peer
 * and those headers (whether they are trusted depends on the peer).
 */
function hotKeyOf(request: IncomingMessage): string {
  const { host = '', origin = '' } = request.headers;
  const proto = request.headers['x-forwarded-proto'];
  const forwardedHost = request.headers['x-forwarded-host'];
  const proxied = proto !== undefined || forwardedHost !== undefined ? `${request.socket.remoteAddress} ${proto} ${forwardedHost}` : '';
  return `${host}\n${request.url}\n${origin}\n${proxied}`;
}

export class HotReads {
  readonly #entries = new Map<string, HotEntry>();
  /** Answers sent from here, for tests and for an operator's curiosity. */
  served = 0;

  constructor(
    private readonly reads: ReadCache,
    readonly maxEntries = 10_000,
  ) {}

  /** The router answered `request` with the cached answer `key` under `tag`, and these headers. */
  record(request: IncomingMessage, tag: string, key: string, headers: Headers): void {
    const kept: Record<string, string> = {};
    headers.forEach((value, name) => {
      if (!PER_RESPONSE.has(name)) kept[name] = value;
    });
    const hotKey = hotKeyOf(request);
    this.#entries.delete(hotKey);
    this.#entries.set(hotKey, { tag, key, headers: kept });
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Answers the request if it is one the router answered from the cache and the answer is still there; false otherwise. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || this.#entries.size === 0) return false;
    if (request.headers['if-none-match'] !== undefined) return false;
    const visitor = request.headers[VISITOR_HEADER.toLowerCase()];
    if (visitor !== undefined && (typeof visitor !== 'string' || (visitor !== '' && !isWellFormedVisitor(visitor)))) return false;
    const hotKey = hotKeyOf(request);
    const entry = this.#entries.get(hotKey);
    if (!entry) return false;
    const answer = this.reads.get(entry.tag, entry.key);
    if (!answer) {
      this.#entries.delete(hotKey);
      return false;
    }
    response.writeHead(200, { ...entry.headers, etag: answer.etag, 'content-length': answer.body.byteLength });
    response.end(answer.body);
    this.served++;
    return true;
  }

  /** Shops changed: the origins an entry's CORS headers were made for may no longer be allowed. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
