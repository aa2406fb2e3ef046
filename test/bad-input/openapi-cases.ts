/**
 * Bad requests made from the server's own OpenAPI document (GET
 * /api/v1/openapi.json): for each operation, a request that is right in every
 * way (the shop, the visitor, the customer's signature, the shop's secret, the
 * webhook's signature, the agent's session and CSRF token) but one: a parameter
 * or body field the schema refuses, a body of the wrong type, malformed,
 * oversized or prototype-polluting, a broken multipart form, a name that climbs
 * out of its folder, or the credential itself. Each must answer a 4xx; only a
 * name in a read may also find nothing (`not-5xx`).
 */
import fc from 'fast-check';
import { bodySignature } from '../../packages/server/src/api/security.js';
import { invalidValues, resolverFor, validValue, type JsonSchema, type Resolve } from './schema-values.js';
import { multipartChanges } from './multipart-cases.js';
import { TRAVERSALS, invalidWireValues } from './wire-values.js';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
}

interface Operation {
  operationId: string;
  security: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** What a request needs to be right: the demo shop's credentials and ids that exist. */
export interface Context {
  shop: string;
  secret: string;
  visitor: string;
  customer: Record<string, string>;
  inbox: { cookie: string; csrf: string; origin: string };
  /** Values for path parameters by name: a real conversation, review, product. */
  ids: Record<string, string>;
}

export interface BadRequest {
  operation: string;
  rule: string;
  method: string;
  /** Path and query, from the server's root. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** `4xx`: must be refused; `not-5xx`: a read of a name that may simply find nothing. */
  expect: '4xx' | 'not-5xx';
}

export type Change = { rule: string; apply(request: Draft): void; expect?: BadRequest['expect'] };

export interface Draft {
  method: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  json?: unknown;
  /** Raw body text or bytes, when the change wrote the body itself. */
  raw?: string | Uint8Array;
  type?: string;
}

/** Limits from packages/server/src/app.ts's BODY_LIMITS: a JSON body over 64 KB is a 413 on every route but two. */
const JSON_LIMIT = 64 * 1024;
const LARGE_LIMIT_PATHS = ['/api/v1/reviews', '/api/v1/chat/conversations/{conversationId}/messages'];

/** What fetch sends as a header value unchanged: visible ASCII, no space at either end. */
const HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

const POLLUTION = '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}';

/** A JSON object's text with prototype-polluting keys in front (JSON.stringify would drop `__proto__`). */
function polluted(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.startsWith('{')) return text;
  return text === '{}' ? `{${POLLUTION}}` : `{${POLLUTION},${text.slice(1)}`;
}

function operations(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

const schemes = (operation: Operation) => new Set(operation.security.flatMap((requirement) => Object.keys(requirement)));

/** The changes that make one operation's request bad, each sure to be refused. */
function changesFor(path: string, method: string, operation: Operation, resolve: Resolve): Array<fc.Arbitrary<Change>> {
  const out: Array<fc.Arbitrary<Change>> = [];
  const security = schemes(operation);
  const write = method !== 'get';
  const change = (rule: string, apply: Change['apply'], expect?: Change['expect']): Change => ({ rule, apply, expect });

  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'cookie') continue;
    const where = parameter.in;
    const set = (draft: Draft, value: string) => {
      if (where === 'header') draft.headers[parameter.name.toLowerCase()] = value;
      else draft[where][parameter.name] = value;
    };
    for (const broken of invalidWireValues(parameter.schema, resolve)) {
      // A header can only carry visible Latin-1 (fetch refuses the rest before sending).
      const sendable = where === 'header' ? broken.filter(({ value }) => HEADER_VALUE.test(String(value))) : broken;
      out.push(sendable.map(({ rule, value }) => change(`${where} ${parameter.name} ${rule}`, (draft) => set(draft, String(value)))));
    }
    if (parameter.required && where === 'query') {
      out.push(fc.constant(change(`query ${parameter.name} missing`, (draft) => delete draft.query[parameter.name])));
    }
    if (where === 'path') {
      out.push(
        fc
          .constantFrom(...TRAVERSALS)
          .map((name) => change(`path ${parameter.name} climbs: ${name}`, (draft) => set(draft, name), write ? '4xx' : 'not-5xx')),
      );
    }
  }

  // The credentials, one at a time.
  if (security.has('shopKey')) {
    out.push(fc.constant(change('no shop', (draft) => delete draft.query.shop)));
    out.push(text(24).map((key) => change('an unknown shop', (draft) => void (draft.query.shop = `pk_${key}`))));
    out.push(
      fc
        .constantFrom('short', 'x'.repeat(129), 'has spaces in it', '<script>alert(1)</script>')
        .map((visitor) => change('a malformed visitor id', (draft) => void (draft.headers['x-shopfront-visitor'] = visitor))),
    );
    out.push(fc.constant(change('an origin the shop does not allow', (draft) => void (draft.headers.origin = 'https://evil.example'))));
  }
  if (security.has('customerSignature')) {
    out.push(
      fc
        .constantFrom('0.0', 'not-a-signature', `${Math.floor(Date.now() / 1000) - 10 * 86_400}.${'a'.repeat(64)}`)
        .map((signature) =>
          change('a wrong customer signature', (draft) => void (draft.headers['x-shopfront-customer-signature'] = signature)),
        ),
    );
  }
  if (security.has('shopSecret')) {
    out.push(
      fc
        .constantFrom(undefined, 'Bearer wrong', 'Basic YWRtaW46YWRtaW4=', 'Bearer ')
        .map((value) =>
          change('a wrong shop secret', (draft) => (value ? (draft.headers.authorization = value) : delete draft.headers.authorization)),
        ),
    );
  }
  if (security.has('webhookSignature')) {
    out.push(fc.constant(change('a wrong webhook signature', (draft) => void (draft.headers['x-shopfront-hmac-sha256'] = 'AAAA'))));
  }
  if (security.has('inboxSession')) {
    out.push(fc.constant(change('no session', (draft) => delete draft.headers.cookie)));
    out.push(fc.constant(change('a forged session', (draft) => void (draft.headers.cookie = 'sf_inbox=forged-session-token'))));
  }
  if (security.has('csrfToken')) {
    out.push(fc.constant(change('no CSRF token', (draft) => delete draft.headers['x-csrf-token'])));
    out.push(fc.constant(change('a cross-site inbox write', (draft) => void (draft.headers.origin = 'https://evil.example'))));
  }

  const content = operation.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  if (json) {
    for (const broken of invalidValues(json, resolve)) {
      out.push(
        fc.tuple(broken, fc.boolean()).map(([{ rule, value }, pollute]) =>
          change(`body ${rule}${pollute ? ', with __proto__' : ''}`, (draft) => {
            draft.json = value;
            if (pollute) draft.raw = polluted(value);
          }),
        ),
      );
    }
    out.push(
      fc
        .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{"rating":', '{', '[1,', '{"a":1}}', '\u0000', 'nul', '{"__proto__":'))
        .filter((raw) => !parses(raw))
        .map((raw) => change('body not JSON', (draft) => void (draft.raw = raw))),
    );
    out.push(
      fc
        .constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/jsonx', '')
        .map((type) => change(`body as ${type || 'no type'}`, (draft) => void (draft.type = type))),
    );
    if (!LARGE_LIMIT_PATHS.includes(path)) {
      out.push(
        fc
          .integer({ min: JSON_LIMIT + 1, max: JSON_LIMIT * 4 })
          .map((size) => change(`a ${size}-byte body`, (draft) => void (draft.raw = JSON.stringify({ pad: 'p'.repeat(size) })))),
      );
    }
    out.push(
      fc
        .constantFrom(null, 42, 'a string', true, [], [{}])
        .map((value) => change(`body ${JSON.stringify(value)}`, (draft) => void (draft.raw = JSON.stringify(value)))),
    );
  }
  const form = content['multipart/form-data']?.schema;
  if (form) out.push(...multipartChanges(form, resolve, change));
  return out;
}

const text = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength });

function parses(raw: string): boolean {
  try {
    JSON.parse(raw);
    return true;
  } catch {
    return false;
  }
}

/** A right request for the operation, before its one change. */
function baseline(path: string, method: string, operation: Operation, context: Context, resolve: Resolve): Draft {
  const draft: Draft = { method: method.toUpperCase(), path: {}, query: {}, headers: {} };
  const security = schemes(operation);
  if (security.has('shopKey')) {
    draft.query.shop = context.shop;
    draft.headers['x-shopfront-visitor'] = context.visitor;
  }
  if (security.has('customerSignature')) Object.assign(draft.headers, context.customer);
  if (security.has('shopSecret')) draft.headers.authorization = `Bearer ${context.secret}`;
  if (security.has('inboxSession')) {
    draft.headers.cookie = context.inbox.cookie;
    draft.headers.origin = context.inbox.origin;
  }
  if (security.has('csrfToken')) draft.headers['x-csrf-token'] = context.inbox.csrf;
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path') {
      draft.path[parameter.name] = context.ids[parameter.name] ?? String(parameter.example ?? validValue(parameter.schema, resolve));
    } else if (parameter.in === 'query' && parameter.required) {
      draft.query[parameter.name] = String(parameter.example ?? validValue(parameter.schema, resolve));
    }
  }
  const json = operation.requestBody?.content['application/json']?.schema;
  if (json) draft.json = validValue(json, resolve);
  else if (operation.requestBody) draft.json = {};
  // A body field naming something (`agentId`) names one that exists, as a path parameter does.
  if (draft.json && typeof draft.json === 'object' && !Array.isArray(draft.json)) {
    const body = draft.json as Record<string, unknown>;
    for (const name of Object.keys(body)) if (context.ids[name] !== undefined && name.endsWith('Id')) body[name] = context.ids[name];
  }
  return draft;
}

function finish(
  path: string,
  operation: Operation,
  draft: Draft,
  context: Context,
  rule: string,
  expect: BadRequest['expect'],
): BadRequest {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(draft.path[name] ?? ''));
  const query = new URLSearchParams(draft.query).toString();
  const headers = { ...draft.headers };
  let body: string | Uint8Array | undefined = draft.raw ?? (draft.json === undefined ? undefined : JSON.stringify(draft.json));
  if (body !== undefined) {
    const type = draft.type ?? 'application/json';
    if (type) headers['content-type'] = type;
  }
  if (schemes(operation).has('webhookSignature') && !('x-shopfront-hmac-sha256' in headers)) {
    body ??= '';
    headers['x-shopfront-hmac-sha256'] = bodySignature(context.secret, typeof body === 'string' ? body : Buffer.from(body).toString());
  }
  return {
    operation: operation.operationId,
    rule,
    method: draft.method,
    url: `${filled}${query ? `?${query}` : ''}`,
    headers,
    body,
    expect,
  };
}

/** Streams stay open when right: only changes that must be refused before the stream opens are sent to them. */
const isStream = (operation: Operation) => Object.values(operation.responses).some((reply) => reply.content?.['text/event-stream']);

/** Bad requests for every operation that has something to get wrong. */
export function badRequests(document: Document, context: Context): fc.Arbitrary<BadRequest> {
  const resolve = resolverFor(document);
  const perOperation = operations(document).flatMap(({ path, method, operation }) => {
    const changes = changesFor(path, method, operation, resolve);
    if (!changes.length) return [];
    return [
      fc.oneof(...changes).map(({ rule, apply, expect = '4xx' }) => {
        const draft = baseline(path, method, operation, context, resolve);
        apply(draft);
        return finish(path, operation, draft, context, rule, isStream(operation) && expect !== '4xx' ? '4xx' : expect);
      }),
    ];
  });
  return fc.oneof(...perOperation);
}

/** An operation of the document with what its request looks like and may answer. */
export interface DocumentedOperation {
  path: string;
  method: string;
  operationId: string;
  /** Its security schemes (`shopKey`, `inboxSession`, `csrfToken`…). */
  schemes: Set<string>;
  /** The statuses it documents. */
  statuses: Set<string>;
  stream: boolean;
  /** Its right request, with `change` applied to it first (headers, path values, query, JSON body). */
  request(change?: (draft: Draft) => void): BadRequest;
}

/** Every operation of the document, each able to make its right request: for suites that change one thing themselves. */
export function documentedOperations(document: Document, context: Context): DocumentedOperation[] {
  const resolve = resolverFor(document);
  return operations(document).map(({ path, method, operation }) => ({
    path,
    method,
    operationId: operation.operationId,
    schemes: schemes(operation),
    statuses: new Set(Object.keys(operation.responses)),
    stream: isStream(operation),
    request(change = () => undefined) {
      const draft = baseline(path, method, operation, context, resolve);
      change(draft);
      return finish(path, operation, draft, context, 'as documented', '4xx');
    },
  }));
}
