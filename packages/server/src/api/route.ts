/**
 * One definition per operation: method, path, parameters, body, responses and
 * security, declared with the zod schemas the request is checked with and the
 * response is sent through. `ApiRegistry.router(...)` mounts a definition on
 * Hono and records it for the OpenAPI document in the same call, so a route
 * cannot exist without its entry, and the handler receives the parsed, typed
 * inputs rather than reading the request itself.
 */
import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import type { AppContext, AppEnv } from '../http.js';
import type { AgentRecord, Shop } from '../storage/index.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

/** Who may call an operation (`security.ts` checks and documents each). */
export type Policy = 'none' | 'shop' | 'customer' | 'signedCustomer' | 'admin' | 'webhook' | 'inbox';

export type Tag = 'Reviews' | 'Loyalty' | 'Chat' | 'FAQ' | 'Products' | 'Visitors' | 'Admin' | 'Webhooks' | 'Inbox' | 'Meta';

/** A parameter: its schema (wrap in `z.optional` unless required) and what it means. */
export interface Param<S extends z.ZodMiniType = z.ZodMiniType> {
  schema: S;
  description: string;
  /** Documented example value. */
  example?: unknown;
}
export type Params = Record<string, Param>;

export interface JsonReply<S extends z.ZodMiniType = z.ZodMiniType> {
  description: string;
  schema: S;
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}
/** `text/event-stream`: each event's `data` is one JSON value of `events`. */
export interface StreamReply {
  description: string;
  events: z.ZodMiniType;
}
/** `text/csv` with a header row: a list for people and spreadsheets (the handler answers a `Response`). */
export interface CsvReply {
  description: string;
  columns: readonly string[];
}
/** No body (a 304). */
export interface EmptyReply {
  description: string;
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}
export type Replies = Partial<Record<ContentfulStatusCode | 304, JsonReply | StreamReply | CsvReply | EmptyReply>>;

export interface Body {
  json?: z.ZodMiniType;
  multipart?: z.ZodMiniType;
  description?: string;
}

type Out<P extends Params | undefined> = P extends Params ? { [K in keyof P]: z.output<P[K]['schema']> } : Record<string, never>;
type BodyOut<B extends Body | undefined> = B extends Body
  ? | (B['json'] extends z.ZodMiniType ? z.output<B['json']> : never)
    | (B['multipart'] extends z.ZodMiniType ? z.output<B['multipart']> : never)
  : undefined;

/** What the policy proved about the caller. */
export type Caller<P extends Policy> = P extends 'none'
  ? object
  : P extends 'inbox'
    ? { agent: AgentRecord; session: { csrf: string; tokenHash: string } }
    : P extends 'customer'
      ? { shop: Shop; customerId: string | undefined }
      : P extends 'signedCustomer'
        ? { shop: Shop; customerId: string }
        : { shop: Shop };

export type Input<
  Pa extends Params | undefined,
  Q extends Params | undefined,
  H extends Params | undefined,
  B extends Body | undefined,
  P extends Policy,
> = {
  params: Out<Pa>;
  query: Out<Q>;
  headers: Out<H>;
  body: BodyOut<B>;
  visitorId: string | undefined;
} & Caller<P>;

/** A JSON answer for one of the declared statuses, checked against that status's schema before it is sent. */
export type Reply<R extends Replies> =
  { [S in keyof R]: R[S] extends JsonReply<infer T> ? { status: S; body: z.input<T> } : never }[keyof R] | Response;

export interface RouteDefinition<
  Pa extends Params | undefined = Params | undefined,
  Q extends Params | undefined = Params | undefined,
  H extends Params | undefined = Params | undefined,
  B extends Body | undefined = Body | undefined,
  R extends Replies = Replies,
  P extends Policy = Policy,
> {
  method: Method;
  /** OpenAPI style, relative to the router's prefix: `/products/{productId}/reviews`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly [Tag, ...Tag[]];
  security: P;
  params?: Pa;
  query?: Q;
  headers?: H;
  /** Reads `X-Shopfront-Visitor` (checked by the shop gate); `required` answers 400 without it, 403 for an id this server did not issue. */
  visitor?: 'optional' | 'required';
  /** Counts against the write budgets (429 with `Retry-After`). */
  rateLimited?: boolean;
  body?: B;
  /**
   * Names the tag of a read kept serialised until a write to that tag
   * (../read-cache.ts): answered with an ETag and Cache-Control, and 304 to a
   * matching `If-None-Match`.
   */
  cached?: (input: Input<Pa, Q, H, B, P>) => string;
  responses: R;
  /** Statuses the handler itself may answer with an error, beyond those the helper adds. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503, string>>;
  handler: (input: Input<Pa, Q, H, B, P>, c: AppContext) => Promise<Reply<R>> | Reply<R>;
}

/**
 * Declares an operation; the type parameters are inferred, so the handler's
 * inputs and replies are typed from the schemas.
 */
export function defineRoute<
  const Pa extends Params | undefined = undefined,
  const Q extends Params | undefined = undefined,
  const H extends Params | undefined = undefined,
  const B extends Body | undefined = undefined,
  const R extends Replies = Replies,
  const P extends Policy = Policy,
>(definition: RouteDefinition<Pa, Q, H, B, R, P>): RouteDefinition<Pa, Q, H, B, R, P> {
  return definition;
}

/** A definition as recorded for the document: its full path. */
export interface RecordedRoute {
  definition: RouteDefinition;
  /** `/api/v1/products/{productId}/reviews` */
  path: string;
}

/** `/products/{productId}` → `/products/:productId` */
export const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

export type Mount = (definition: RouteDefinition, c: AppContext) => Promise<Response>;

/** Every operation the app serves, in the order they were mounted. */
export class ApiRegistry {
  readonly routes: RecordedRoute[] = [];
  readonly #operationIds = new Set<string>();

  constructor(private readonly run: Mount) {}

  /** Registers definitions on `app` (mounted at `prefix`) and records them under `prefix`. */
  router(app: Hono<AppEnv>, prefix: string) {
    // Each definition has its own type parameters; any of them may be registered.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (...definitions: Array<RouteDefinition<any, any, any, any, any, any>>) => {
      for (const definition of definitions as RouteDefinition[]) {
        if (this.#operationIds.has(definition.operationId)) throw new Error(`operationId ${definition.operationId} is used twice`);
        this.#operationIds.add(definition.operationId);
        this.routes.push({ definition, path: prefix + definition.path });
        app.on(definition.method.toUpperCase(), honoPath(definition.path), (c) => this.run(definition, c));
      }
    };
  }
}

export type Register = ReturnType<ApiRegistry['router']>;
