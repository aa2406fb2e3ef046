import type * as z from 'zod/mini';
import type { BackendAdapter, Capability } from './adapter.js';

export type AdapterErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response' | 'unsupported';

export interface AdapterErrorDetails {
  /** HTTP status, for `http`. */
  status?: number;
  /** The offending field's path (`reviews.0.rating`), for `invalid-response` and 400s. */
  field?: string;
  /** Seconds the server asked us to wait (429, 503). */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The only error a widget ever sees from a backend. `message` is for people;
 * `kind` is for code.
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly status?: number;
  readonly field?: string;
  readonly retryAfter?: number;

  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
    details: AdapterErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.field = details.field;
    this.retryAfter = details.retryAfter;
  }

  /** Worth trying again later: the data was fine, the way to it was not. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500) || this.status === 429;
  }

  static is(value: unknown): value is AdapterError {
    return value instanceof AdapterError || (value instanceof Error && value.name === 'AdapterError' && 'kind' in value);
  }
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Backstop for adapters that never settle. */
  timeout?: number;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Turns whatever an adapter threw into an `AdapterError`. Aborts pass through. */
export function toAdapterError(error: unknown): AdapterError {
  if (AdapterError.is(error)) return error;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new AdapterError('timeout', 'The request took too long.', { cause: error });
  }
  if (error instanceof TypeError) {
    return new AdapterError('network', 'The network is unreachable.', { cause: error });
  }
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
  if (Number.isInteger(status) && status >= 400) {
    return new AdapterError('http', `The server answered ${status}.`, { status, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('network', `The request failed: ${message}`, { cause: error });
}

/** Parses `data` with `schema`; on failure the error names the first bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new AdapterError(
    'invalid-response',
    `The shop's data was not understood${field ? ` (at "${field}")` : ''}: ${issue?.message ?? 'invalid'}.`,
    {
      field,
      cause: result.error,
    },
  );
}

export function requireCapability<C extends Capability>(
  adapter: BackendAdapter | undefined,
  capability: C,
): NonNullable<BackendAdapter[C]> {
  const implementation = adapter?.[capability];
  if (!implementation) {
    throw new AdapterError('unsupported', `The configured backend has no "${capability}" capability.`);
  }
  return implementation as NonNullable<BackendAdapter[C]>;
}

/**
 * The one way to call an adapter: checks the capability, passes an abort signal
 * (the caller's, plus a timeout), validates the result with `schema`, and turns
 * every failure into an `AdapterError`. An abort by the caller rethrows as-is.
 */
export async function request<C extends Capability, S extends z.ZodMiniType>(
  adapter: BackendAdapter | undefined,
  capability: C,
  schema: S,
  call: (implementation: NonNullable<BackendAdapter[C]>, signal: AbortSignal) => Promise<unknown>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const implementation = requireCapability(adapter, capability);
  const timeout = AbortSignal.timeout(options.timeout ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let data: unknown;
  try {
    data = await raceAbort(call(implementation, signal), signal);
  } catch (error) {
    if (options.signal?.aborted && isAbort(options.signal.reason ?? error)) throw options.signal.reason;
    if (timeout.aborted) throw new AdapterError('timeout', 'The request took too long.', { cause: error });
    throw toAdapterError(error);
  }
  return parseOrThrow(schema, data);
}

/** Settles as soon as `signal` aborts, even if the adapter ignores it. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
