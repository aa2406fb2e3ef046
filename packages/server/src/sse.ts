/**
 * Server-Sent Events on Hono's streaming helper: a `retry:` hint first, heartbeat
 * comments so proxies keep the connection, and a handle in the hub so shutdown
 * (or a test) can end every stream.
 */
import { streamSSE } from 'hono/streaming';
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

export interface EventStreamOptions {
  hub: ChatHub;
  heartbeatMs: number;
  retryMs: number;
}

/**
 * Opens a stream. `start` gets `send` and returns what to undo when the stream
 * ends (the client left, the server shuts down, or the hub closes all streams).
 * Frames are written in the order `send` is called.
 */
export function eventStream(
  c: AppContext,
  options: EventStreamOptions,
  start: (send: (frame: SseFrame) => void) => Promise<() => void>,
): Response {
  c.header('X-Accel-Buffering', 'no');
  c.header('Cache-Control', 'no-cache, no-transform');
  return streamSSE(c, async (stream) => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    stream.onAbort(finish);
    c.req.raw.signal.addEventListener('abort', finish, { once: true });
    const untrack = options.hub.track({ close: finish });
    const write = (text: string) => {
      if (!stream.closed && !stream.aborted) void stream.write(text);
    };
    write(`retry: ${options.retryMs}\n\n`);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
    let stop: (() => void) | undefined;
    try {
      stop = await start((frame) => write(sseFrame(frame)));
      await finished;
    } finally {
      clearInterval(heartbeat);
      stop?.();
      untrack();
    }
  });
}
