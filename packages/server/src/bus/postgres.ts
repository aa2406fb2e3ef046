/**
 * Chat events shared by every instance on one PostgreSQL, through
 * `LISTEN/NOTIFY` on one channel. Each instance listens on a connection of its
 * own and publishes, in order, on another; the database delivers every
 * notification to every listener, the sender's included, in commit order.
 *
 * A notification carries at most 8000 bytes. Chat messages go by reference
 * (their conversation and sequence number; the hub reads the row back), but a
 * review held for moderation or an email left while away, sent to the inbox
 * whole, may be larger: such an event is sent in parts within one statement,
 * delivered together, in order, and put back together by id.
 *
 * If the listening connection drops, events published meanwhile are lost to
 * this instance. It reconnects (with backoff) and reports a gap: the hub then
 * ends its open streams, and their clients reconnect with `Last-Event-ID` and
 * read what they missed from storage, where every message was stored first.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BusEvent, BusHandlers, EventBus } from './index.js';

const CHANNEL = 'shopfront_events';
/** Characters per part: at most 4 bytes each in UTF-8, so a part stays under the 8000-byte limit with its header. */
const PART_CHARS = 1800;
/** Parts of events that never completed (a sender died mid-way) are dropped beyond this many. */
const MAX_PENDING = 100;
const RETRY_MS = [100, 500, 1000, 2000, 5000];
/** Events per statement when many wait: a bound on one statement's size, far above what chat makes. */
const MAX_BATCH = 500;

/** The event as it fits in notifications: whole, or in parts named `#<id>:<index>:<count>:`. */
function notificationsOf(text: string): string[] {
  if (text.length <= PART_CHARS) return [text];
  const id = randomUUID();
  const count = Math.ceil(text.length / PART_CHARS);
  return Array.from(
    { length: count },
    (_, index) => `#${id}:${index}:${count}:${text.slice(index * PART_CHARS, (index + 1) * PART_CHARS)}`,
  );
}

export class PostgresBus implements EventBus {
  readonly instance = randomUUID();
  readonly shared = true;
  readonly #url: string;
  readonly #pool: pg.Pool;
  readonly #pending = new Map<string, string[]>();
  readonly #waiting: { notifications: string[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushing = false;
  #listener?: pg.Client;
  #handlers?: BusHandlers;
  #closed = false;

  constructor(url: string) {
    this.#url = url;
    // One connection: publishes leave one batch at a time, in order.
    this.#pool = new pg.Pool({ connectionString: url, max: 1 });
    // An idle client that loses its connection is dropped by the pool; the error must not crash the process.
    this.#pool.on('error', () => undefined);
  }

  async start(handlers: BusHandlers): Promise<void> {
    this.#handlers = handlers;
    await this.#listen();
  }

  /**
   * Resolves once the event is committed. Events go out in the order they were
   * published: while one batch is on its way the next ones wait, then leave
   * together in one statement (one transaction, so a large event's parts
   * commit together), and a pool could never reorder them — an agent who
   * joined and left must not be heard leaving first. PostgreSQL folds identical
   * payloads within a transaction into one; identical events mean the same.
   */
  publish(event: BusEvent): Promise<void> {
    const notifications = notificationsOf(JSON.stringify(event));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ notifications, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, MAX_BATCH);
      try {
        await this.#pool.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          CHANNEL,
          batch.flatMap((entry) => entry.notifications),
        ]);
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#flushing = false;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#pool.end();
  }

  async #listen(): Promise<void> {
    // Named, so an operator (or a test) can tell the listening connection from the rest.
    const client = new pg.Client({ connectionString: this.#url, application_name: `shopfront-bus-${this.instance}` });
    client.on('notification', ({ channel, payload }) => {
      if (channel === CHANNEL && payload) this.#receive(payload);
    });
    // 'error' comes before 'end' when the connection is cut; 'end' is where it is handled.
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.#closed || this.#listener !== client) return;
      this.#listener = undefined;
      void this.#reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.#listener = client;
  }

  async #reconnect(): Promise<void> {
    for (let attempt = 0; !this.#closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      if (this.#closed) return;
      try {
        await this.#listen();
        this.#pending.clear();
        this.#handlers?.gap();
        return;
      } catch {
        // The database is still away: try again, less often.
      }
    }
  }

  #receive(payload: string): void {
    if (!payload.startsWith('#')) return this.#deliver(payload);
    const [id = '', index, count, ...rest] = payload.slice(1).split(':');
    const total = Number(count);
    let parts = this.#pending.get(id);
    if (!parts) {
      if (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value!);
      this.#pending.set(id, (parts = []));
    }
    parts[Number(index)] = rest.join(':');
    if (parts.filter((part) => part !== undefined).length < total) return;
    this.#pending.delete(id);
    this.#deliver(parts.join(''));
  }

  #deliver(text: string): void {
    let event: BusEvent;
    try {
      event = JSON.parse(text) as BusEvent;
    } catch {
      return; // Not ours: another program notifying on the channel.
    }
    this.#handlers?.event(event);
  }
}
