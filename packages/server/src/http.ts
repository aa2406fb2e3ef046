/**
 * What every route shares: the request context's variables and errors as JSON
 * (`{ error: { message, field } }`). Inputs are read and replies checked by the
 * route definitions (`api/`).
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AgentRecord, Shop } from './storage/index.js';

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
    /** Set when the answer came from the read cache, so the hot path can answer the same request next time. */
    cachedRead: { tag: string; key: string } | undefined;
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

/** Makes a path on this server (`/media/…`) absolute; absolute URLs pass through. */
export function absolute(url: string, baseUrl: string): string;
export function absolute(url: string | undefined, baseUrl: string): string | undefined;
export function absolute(url: string | undefined, baseUrl: string): string | undefined {
  if (url === undefined) return undefined;
  return url.startsWith('/') && !url.startsWith('//') ? baseUrl + url : url;
}
