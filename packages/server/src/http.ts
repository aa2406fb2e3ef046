/**
 * What every route shares: the request context's variables, errors as JSON
 * (`{ error: { message, field } }`), and validation with core's schemas on the
 * way in and on the way out.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import type { AgentRecord, Shop } from './storage.js';

export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    shop: Shop;
    /** From `X-Shopfront-Visitor`: core's random per-browser id. */
    visitorId: string | undefined;
    ip: string;
    /** Absolute origin for URLs in responses (`https://shop.example.com`). */
    baseUrl: string;
    /** The signed-in agent, under /inbox/api. */
    agent: AgentRecord | undefined;
    session: { csrf: string; tokenHash: string } | undefined;
  };
};
export type AppContext = Context<AppEnv>;

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(message: string, field?: string) {
  return { error: field === undefined ? { message } : { message, field } };
}

/** The first issue's path, renamed for the wire where the wire spells it differently. */
function fieldOf(issue: z.core.$ZodIssue | undefined, names: Record<string, string>, prefix: string): string {
  const path = issue?.path.map(String) ?? [];
  const head = path[0];
  if (head !== undefined && names[head]) path[0] = names[head];
  return [prefix, ...path].filter(Boolean).join('.') || prefix || 'body';
}

/**
 * Parses request data with a core schema; on failure, a 400 naming the field.
 * `names` maps schema keys to what the client sent (`withMedia` → `with_media`).
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  options: { names?: Record<string, string>; prefix?: string } = {},
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  const field = fieldOf(issue, options.names ?? {}, options.prefix ?? '');
  throw new HttpError(400, `Invalid ${field}: ${issue?.message ?? 'invalid value'}.`, field);
}

/** The JSON body, or a 400/415 naming `body`. */
export async function readJson(c: AppContext): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send the body as application/json.', 'body');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.', 'body');
  }
}

/**
 * Sends `data` after checking it against the schema the client will parse it
 * with: the server never sends what its own clients would reject.
 */
export function respond<S extends z.ZodMiniType>(c: AppContext, schema: S, data: unknown, status: ContentfulStatusCode = 200): Response {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Response failed its schema at "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return c.json(result.data as object, status);
}

/** Makes a path on this server (`/media/…`) absolute; absolute URLs pass through. */
export function absolute(url: string, baseUrl: string): string;
export function absolute(url: string | undefined, baseUrl: string): string | undefined;
export function absolute(url: string | undefined, baseUrl: string): string | undefined {
  if (url === undefined) return undefined;
  return url.startsWith('/') && !url.startsWith('//') ? baseUrl + url : url;
}

/** A number from a query string value: `"12"` → 12, anything else stays as it was for the schema to reject. */
export function numeric(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

export function booleanParam(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}
