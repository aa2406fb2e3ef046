/**
 * Reading a request's inputs as the route declared them: path, query and header
 * values are strings on the wire and become what their schema's type says
 * (`"12"` → 12, `"true"` → true, `a,b` → ["a", "b"] for a list, as OpenAPI's
 * `form` style without explode); JSON and multipart bodies are read and parsed
 * with their schemas. A failure is a 400 (or 415) naming the field and the rule.
 */
import type * as z from 'zod/mini';
import { HttpError, type AppContext } from '../http.js';
import { issueMessage, unwrap } from './errors.js';
import type { Body, Params } from './route.js';

type Schema = z.core.$ZodType;

const kindOf = (schema: Schema | undefined) => (unwrap(schema)?._zod.def as { type?: string } | undefined)?.type;

/** A wire string as the schema's type; what cannot convert stays a string for the schema to refuse. */
function fromString(schema: Schema, raw: string): unknown {
  const kind = kindOf(schema);
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (kind === 'boolean') return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
  if (kind === 'array') {
    const element = (unwrap(schema)!._zod.def as unknown as { element: Schema }).element;
    return raw.split(',').map((item) => fromString(element, item));
  }
  return raw;
}

/** Parses a value with a schema; on failure, a 400 naming `prefix` and the path inside the value. */
export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.output<S>;
  const { field, message } = issueMessage(result.error.issues[0]!, schema, data, prefix);
  throw new HttpError(400, message, field);
}

/** Each declared parameter, read by `read(name)`; an empty value counts as absent. */
export function parseParams(params: Params | undefined, read: (name: string) => string | undefined): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const [name, { schema }] of Object.entries(params ?? {})) {
    const raw = read(name);
    parsed[name] = parseWith(schema, raw === undefined || raw === '' ? undefined : fromString(schema, raw), name);
  }
  return parsed;
}

/** The JSON body, or a 400 naming `body`. */
async function readJson(c: AppContext): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.', 'body');
  }
}

/**
 * A multipart form as the object its schema describes: lists from repeated
 * parts, numbers and booleans from their text, files as files. An empty file
 * input (an unnamed, empty part) and an empty optional text field are absent,
 * as a browser's form sends them.
 */
async function readForm(c: AppContext, schema: Schema): Promise<unknown> {
  let form: Record<string, string | File | Array<string | File>>;
  try {
    form = (await c.req.parseBody({ all: true })) as typeof form;
  } catch {
    throw new HttpError(400, 'The form data could not be read.', 'body');
  }
  const shape = ((unwrap(schema)?._zod.def as { shape?: Record<string, Schema> }).shape ?? {}) as Record<string, Schema>;
  const present = (value: string | File) => !(value instanceof File && value.size === 0 && value.name === '');
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(shape)) {
    const values = ([] as Array<string | File>).concat(form[name] ?? []).filter(present);
    const optional = property._zod.optin === 'optional';
    const convert = (value: string | File) => (typeof value === 'string' ? fromString(property, value) : value);
    if (kindOf(property) === 'array') {
      const element = (unwrap(property)!._zod.def as unknown as { element: Schema }).element;
      if (values.length) result[name] = values.map((value) => (typeof value === 'string' ? fromString(element, value) : value));
    } else if (values.length && !(optional && values[0] === '')) {
      result[name] = convert(values[0]!);
    }
  }
  return result;
}

/** The request body as the route declared it: JSON, multipart, or either. */
export async function parseBody(c: AppContext, body: Body): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (body.json && /^application\/json\b/i.test(type)) return parseWith(body.json, await readJson(c));
  if (body.multipart && /^multipart\/form-data\b/i.test(type)) return parseWith(body.multipart, await readForm(c, body.multipart));
  const accepted = [body.json && 'application/json', body.multipart && 'multipart/form-data'].filter(Boolean).join(' or ');
  throw new HttpError(415, `Send the body as ${accepted}.`, 'body');
}
