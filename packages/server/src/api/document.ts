/**
 * The OpenAPI 3.1 document, built from the recorded route definitions: their
 * parameters, bodies and replies become JSON Schema with `z.toJSONSchema`
 * (named schemas as components, so `Review` is one `$ref` wherever it
 * appears), their policies become security requirements and error responses.
 */
import * as z from 'zod/mini';
import * as core from '@shopfront/core/schemas.js';
import * as inbox from '../inbox/wire.js';
import type { CsvReply, EmptyReply, JsonReply, Params, RecordedRoute, RouteDefinition, StreamReply, Tag } from './route.js';
import { IF_NONE_MATCH_MAX_LENGTH } from '../read-cache.js';
import { SERVER_SCHEMAS } from './schemas.js';
import { SECURITY_SCHEMES, policyErrors, requirementsOf } from './security.js';

type Json = Record<string, unknown>;
type Schema = z.ZodMiniType;

const TAGS: Record<Tag, string> = {
  Reviews: 'Star summaries, review pages, submissions with photos and helpful votes.',
  Loyalty: 'The points programme, the signed-in member, rewards and redemptions.',
  Chat: 'Live chat: conversations, messages (idempotent by client id), the event stream, emails while away.',
  FAQ: 'Every FAQ entry (revalidated with an ETag) and server-side search.',
  Products: 'Products by id, as the widgets show them.',
  Visitors: 'Visitor ids this server signs: what helpful votes and per-visitor limits count.',
  Admin: "For the shop's own backend, authenticated with the shop's secret; never call these from a browser.",
  Webhooks: "Deliveries from the shop's platform or backend, signed with the shop's secret: orders, which verify reviews and earn points.",
  Inbox: "The agent inbox's API, for pages served by this server to a signed-in agent (cookie session, CSRF token on writes).",
  Meta: 'This document, its reference page and the health check.',
};

const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

/** Errors whose description never depends on the route: one shared response each. */
const SHARED_ERRORS: Record<number, string> = {
  400: 'Bad input: `error.field` names the parameter or body field and `error.message` the rule it broke.',
  413: 'The body is larger than this operation accepts.',
  415: 'The body is not in a media type this operation accepts.',
  429: 'Too many writes from this visitor or address; try again after `Retry-After` seconds.',
};

/** Exported zod schemas, by the name the document gives them. */
function namedSchemas(): Map<Schema, string> {
  const names = new Map<Schema, string>();
  const add = (name: string, value: unknown) => {
    if (!value || typeof value !== 'object' || !('_zod' in value)) return;
    const type = (value as Schema)._zod.def.type;
    if (type === 'object' || type === 'union' || type === 'enum') names.set(value as Schema, names.get(value as Schema) ?? name);
  };
  for (const [name, value] of Object.entries(SERVER_SCHEMAS)) add(name, value);
  for (const [name, value] of Object.entries(core)) add(name, value);
  for (const [name, value] of Object.entries(inbox)) add(name, value);
  return names;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const refTo = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function strip(schema: Json): Json {
  const { $schema: _schema, $id: _id, id: _name, ...rest } = schema;
  return rest;
}

/** Components for one direction (`input` for requests, `output` for replies), keeping only what `roots` reach. */
function componentsFor(io: 'input' | 'output', roots: Map<Schema, string>, named: Map<Schema, string>, rename: (name: string) => string) {
  const registry = z.registry<{ id: string }>();
  for (const [schema, name] of named) registry.add(schema, { id: name });
  for (const [schema, name] of roots) if (!named.has(schema)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${rename(id)}`,
  }) as { schemas: Record<string, Json> };
  const kept: Record<string, Json> = {};
  const visit = (name: string) => {
    if (kept[rename(name)] || !schemas[name]) return;
    const schema = strip(schemas[name]);
    kept[rename(name)] = schema;
    for (const [, ref] of JSON.stringify(schema).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      const original = [...Object.keys(schemas)].find((candidate) => rename(candidate) === ref);
      if (original) visit(original);
    }
  };
  for (const name of new Set(roots.values())) visit(name);
  return kept;
}

function parameters(location: 'path' | 'query' | 'header', params: Params | undefined): Json[] {
  return Object.entries(params ?? {}).map(([name, param]) => {
    const schema = strip(z.toJSONSchema(param.schema, { io: 'input', unrepresentable: 'any' }) as Json);
    return {
      name,
      in: location,
      required: location === 'path' || param.schema._zod.optin !== 'optional',
      description: param.description,
      schema,
      ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
      ...(param.example === undefined ? {} : { example: param.example }),
    };
  });
}

/** The event types a stream's union schema lists: `message`, `typing`, … */
function eventTypes(schema: Schema): string[] {
  const options = (schema._zod.def as { options?: Schema[] }).options ?? [];
  return options.map((option) =>
    String(
      ((option._zod.def as { shape?: { type?: Schema } }).shape?.type?._zod.def as { values?: unknown[] } | undefined)?.values?.[0] ?? '',
    ),
  );
}

export function buildDocument(
  routes: RecordedRoute[],
  serverUrl: string,
): { openapi: string; info: { title: string; version: string; [key: string]: unknown }; [key: string]: unknown } {
  const named = namedSchemas();
  const inputs = new Map<Schema, string>();
  const outputs = new Map<Schema, string>();
  const nameFor = (schema: Schema, fallback: string) => named.get(schema) ?? fallback;

  // First pass: the schemas each direction needs.
  for (const { definition: route } of routes) {
    const base = pascal(route.operationId);
    if (route.body?.json) inputs.set(route.body.json, nameFor(route.body.json, `${base}Body`));
    if (route.body?.multipart) inputs.set(route.body.multipart, nameFor(route.body.multipart, `${base}Form`));
    for (const [status, reply] of Object.entries(route.responses)) {
      const schema = (reply as JsonReply).schema ?? (reply as StreamReply).events;
      if (schema) outputs.set(schema, nameFor(schema, `${base}${status}`));
    }
  }
  outputs.set(SERVER_SCHEMAS.Error, 'Error');
  const outputSchemas = componentsFor('output', outputs, named, (name) => name);
  // A schema both sent and received gets a separate input component (its input form may differ).
  const inputName = (name: string) => (outputSchemas[name] ? `${name}Input` : name);
  const inputSchemas = componentsFor('input', inputs, named, inputName);

  const usedErrors = new Set<number>();
  const paths: Record<string, Record<string, Json>> = {};
  for (const { definition: route, path } of routes) {
    (paths[path] ??= {})[route.method] = operation(route, outputs, inputs, inputName, usedErrors);
  }

  const errorContent = { 'application/json': { schema: refTo('Error') } };
  const sharedResponses = Object.fromEntries(
    Object.entries(SHARED_ERRORS)
      .filter(([status]) => usedErrors.has(Number(status)))
      .map(([status, description]) => [
        ERROR_NAMES[Number(status)],
        {
          description,
          content: errorContent,
          ...(status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        },
      ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Shopfront HTTP API',
      version: '1',
      summary: 'What the RestAdapter speaks and the reference server implements.',
      description:
        "Every storefront operation names its shop with the `shop` query parameter (the public key from the loader's `data-shop`); " +
        'writes send `X-Shopfront-Visitor`, a random per-browser id; a signed-in shopper adds `X-Shopfront-Customer` and ' +
        "`X-Shopfront-Customer-Signature` (hex HMAC-SHA256 of the id with the shop's secret). Errors are JSON, " +
        '`{ "error": { "message", "field" } }`, where `field` names the input at fault and `message` the rule it broke.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl, description: 'This server' }],
    tags: Object.entries(TAGS)
      .filter(([tag]) => routes.some(({ definition }) => definition.tags.includes(tag as Tag)))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...outputSchemas, ...inputSchemas },
      responses: sharedResponses,
      headers: usedErrors.has(429)
        ? { RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } } }
        : {},
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/** What a cached read (`cached` in its definition) answers with, and how a client revalidates it. */
const CACHE_HEADERS = {
  ETag: { description: 'Changes whenever the answer does: send it back in `If-None-Match`', schema: { type: 'string' } },
  'Cache-Control': {
    description: 'Browsers revalidate every time; shared caches may keep the answer a minute',
    schema: { type: 'string' },
  },
  'CDN-Cache-Control': {
    description: 'For CDNs only (RFC 9213): fresh a minute, then served stale up to five while they revalidate',
    schema: { type: 'string' },
  },
};
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag of the copy you hold: a 304 without a body if it is still current',
  schema: { type: 'string', maxLength: IF_NONE_MATCH_MAX_LENGTH },
};

function operation(
  route: RouteDefinition,
  outputs: Map<Schema, string>,
  inputs: Map<Schema, string>,
  inputName: (name: string) => string,
  usedErrors: Set<number>,
): Json {
  const parameters_ = [...parameters('path', route.params), ...parameters('query', route.query), ...parameters('header', route.headers)];
  if (route.visitor) {
    parameters_.push({
      name: 'X-Shopfront-Visitor',
      in: 'header',
      required: route.visitor === 'required',
      description: 'A random per-browser id (core makes one per browser): keys the per-visitor limits and votes.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
    });
  }

  if (route.cached) parameters_.push(IF_NONE_MATCH);

  const responses: Record<string, Json> = {};
  for (const [status, reply] of Object.entries(route.responses) as Array<[string, JsonReply | StreamReply | CsvReply | EmptyReply]>) {
    if ('schema' in reply) {
      const headers = { ...reply.headers, ...(route.cached && status === '200' ? CACHE_HEADERS : {}) };
      responses[status] = {
        description: reply.description,
        ...(Object.keys(headers).length ? { headers } : {}),
        content: { 'application/json': { schema: refTo(outputs.get(reply.schema)!) } },
      };
    } else if ('events' in reply) {
      const types = eventTypes(reply.events);
      responses[status] = {
        description: `${reply.description} Each event's \`data\` is one JSON \`${outputs.get(reply.events)}\`, of type ${types.map((type) => `\`${type}\``).join(', ')}.`,
        content: { 'text/event-stream': { schema: refTo(outputs.get(reply.events)!) } },
      };
    } else if ('columns' in reply) {
      responses[status] = {
        description: `${reply.description} Columns: ${reply.columns.map((column) => `\`${column}\``).join(', ')}.`,
        content: { 'text/csv': { schema: { type: 'string' } } },
      };
    } else {
      responses[status] = { description: reply.description, ...(reply.headers ? { headers: reply.headers } : {}) };
    }
  }

  if (route.cached) responses['304'] = { description: 'Not modified: the copy you hold is current', headers: CACHE_HEADERS };

  // Errors: those the policy and the declared inputs imply, then the route's own.
  const errors = new Map<number, string[]>();
  const note = (status: number, text: string) => errors.set(status, [...(errors.get(status) ?? []), text]);
  for (const [status, text] of Object.entries(policyErrors(route.security, route.method))) note(Number(status), text);
  if (route.params || route.query || route.headers || route.body || route.visitor === 'required') note(400, SHARED_ERRORS[400]!);
  if (route.body) {
    note(413, SHARED_ERRORS[413]!);
    note(415, SHARED_ERRORS[415]!);
  }
  if (route.rateLimited) note(429, SHARED_ERRORS[429]!);
  for (const [status, text] of Object.entries(route.errors ?? {})) note(Number(status), text!);

  for (const [status, texts] of [...errors].sort(([a], [b]) => a - b)) {
    const shared = SHARED_ERRORS[status];
    if (shared && texts.every((text) => text === shared || status === 400)) {
      usedErrors.add(status);
      responses[status] = { $ref: `#/components/responses/${ERROR_NAMES[status]}` };
    } else {
      responses[status] = {
        description: [...new Set(texts)].join('; '),
        content: { 'application/json': { schema: refTo('Error') } },
      };
    }
  }

  const content: Json = {};
  if (route.body?.json) content['application/json'] = { schema: refTo(inputName(inputs.get(route.body.json)!)) };
  if (route.body?.multipart) content['multipart/form-data'] = { schema: refTo(inputName(inputs.get(route.body.multipart)!)) };

  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: requirementsOf(route.security, route.method),
    ...(parameters_.length ? { parameters: parameters_ } : {}),
    ...(route.body
      ? { requestBody: { required: true, ...(route.body.description ? { description: route.body.description } : {}), content } }
      : {}),
    responses,
  };
}
