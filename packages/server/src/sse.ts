/**
 * Server-Sent Events, written straight to Node's response: a `retry:` hint
 * first, heartbeat comments so proxies keep the connection, and a handle in the
 * hub so shutdown (or a test) can end every stream. Not through Hono's
 * streaming helper: its web streams cost several promise turns per frame per
 * stream, which a message to a thousand subscribers pays a thousand times.
 */
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ChatHub } from './chat-hub.js';
import type { AppContext } from './http.js';

export interface SseFrame {
  id?: string | number;
  event?: string;
  data: unknown;
}

/** One event, JSON data; ids and names never contain a line break (they are ours). */
export function sseFrame(frame: SseFrame): string {
  let text = '';
  if (frame.event) text += `event: ${frame.event}\n`;
  if (frame.id !== undefined) text += `id: ${frame.id}\n`;
  // JSON.stringify escapes line breaks inside strings, so the data is one line.
  return `${text}data: ${JSON.stringify(frame.data)}\n\n`;
}

const encoder = new TextEncoder();

/**
 * The same frame for every stream that gets it, encoded once: a message
 * delivered to a thousand shoppers' streams is stringified and encoded once,
 * not a thousand times. Kept while the delivered object lives, per base URL
 * (frames hold absolute attachment URLs).
 */
const sharedFrames = new WeakMap<object, Map<string, Uint8Array>>();
export function sharedFrame(source: object, baseUrl: string, make: () => SseFrame): Uint8Array {
  let frames = sharedFrames.get(source);
  if (!frames) sharedFrames.set(source, (frames = new Map()));
  let bytes = frames.get(baseUrl);
  if (!bytes) frames.set(baseUrl, (bytes = encoder.encode(sseFrame(make()))));
  return bytes;
}

export interface EventStreamOptions {
  hub: ChatHub;
  heartbeatMs: number;
  retryMs: number;
}

/**
 * Opens a stream. `start` gets `send` and returns what to undo when the stream
 * ends (the client left, the server shuts down, or the hub closes all streams).
 * Frames (or frames already encoded, `sharedFrame`) are written in the order `send` is called.
 */
export function eventStream(
  c: AppContext,
  options: EventStreamOptions,
  start: (send: (frame: SseFrame | Uint8Array) => void, end: () => void) => Promise<() => void>,
): Response {
  const outgoing = c.env?.outgoing;
  if (!outgoing) throw new Error('Event streams are written to Node’s response: serve the app with @hono/node-server');
  c.header('Content-Type', 'text/event-stream');
  c.header('Cache-Control', 'no-cache, no-transform');
  c.header('X-Accel-Buffering', 'no');
  // What the middleware set (CORS, CSP, Vary) with the stream's own.
  const head: Record<string, string> = {};
  c.newResponse(null, 200).headers.forEach((value, name) => (head[name] = value));
  outgoing.writeHead(200, head);

  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  outgoing.once('close', finish);
  const untrack = options.hub.track({ close: finish });
  const write = (chunk: string | Uint8Array) => {
    if (!outgoing.writableEnded && !outgoing.destroyed) outgoing.write(chunk);
  };
  write(`retry: ${options.retryMs}\n\n`);
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  void (async () => {
    let stop: (() => void) | undefined;
    try {
      stop = await start((frame) => write(frame instanceof Uint8Array ? frame : sseFrame(frame)), finish);
      await finished;
    } catch (error) {
      console.error(`[shopfront] an event stream failed: ${(error as Error).message}`);
    } finally {
      clearInterval(heartbeat);
      stop?.();
      untrack();
      outgoing.end();
    }
  })();
  // Tells @hono/node-server the response is already being written.
  return RESPONSE_ALREADY_SENT;
}
