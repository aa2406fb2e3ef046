/**
 * Values for the JSON Schemas of the server's OpenAPI document: one valid value
 * per schema (the baseline a bad request starts from), and fast-check
 * arbitraries for values each schema refuses: the wrong type, too long or too
 * short, out of range, not in the enum, not matching the pattern or format, a
 * missing required property. Only what the schema itself rules out is
 * generated, so every such value must be refused whatever the server's code.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export type Resolve = (schema: JsonSchema) => JsonSchema;

/** `$ref`s into `components.schemas` followed (documents here only reference that section). */
export function resolverFor(document: { components: { schemas: Record<string, JsonSchema> } }): Resolve {
  return function resolve(schema) {
    let current = schema;
    for (let depth = 0; current.$ref && depth < 20; depth++) current = document.components.schemas[current.$ref.split('/').pop()!]!;
    return current;
  };
}

/** Files in a multipart schema: `format: binary` strings. */
export const isFile = (schema: JsonSchema) => schema.format === 'binary' || schema.items?.format === 'binary';

const safeBound = (value: number | undefined): value is number => typeof value === 'number' && Math.abs(value) < 1e12;

/** The JSON types a schema allows, or undefined when it does not say (anything goes). */
export function typesOf(schema: JsonSchema, resolve: Resolve): Set<string> | undefined {
  const s = resolve(schema);
  if (s.const !== undefined) return new Set([jsonType(s.const)]);
  if (s.enum) return new Set(s.enum.map(jsonType));
  if (s.type) return new Set(Array.isArray(s.type) ? s.type : [s.type]);
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    const all = new Set<string>();
    for (const variant of variants) {
      const types = typesOf(variant, resolve);
      if (!types) return undefined;
      types.forEach((type) => all.add(type));
    }
    return all;
  }
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value of each JSON type, for "the wrong type". */
const SAMPLES: Array<[string, unknown]> = [
  ['null', null],
  ['boolean', true],
  ['integer', 42],
  ['number', 1.5],
  ['string', 'text'],
  ['array', []],
  ['object', {}],
];

function allows(types: Set<string>, sample: string): boolean {
  if (types.has(sample)) return true;
  return sample === 'integer' && types.has('number');
}

/** A value the schema accepts (the simplest one), or undefined for a file. */
export function validValue(schema: JsonSchema, resolve: Resolve, depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.allOf?.length) return validValue(s.allOf[0]!, resolve, depth + 1);
  const variant = s.oneOf?.[0] ?? (s.type === undefined ? s.anyOf?.[0] : undefined);
  if (variant) return validValue(variant, resolve, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (isFile(s)) return undefined;
      if (s.format === 'email') return 'ann@example.com';
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '1990-06-15';
      if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (s.format === 'uri') return 'https://example.com/';
      return 'a'.repeat(Math.max(s.minLength ?? 1, 1, s.pattern ? 8 : 1));
    case 'integer':
    case 'number':
      return safeBound(s.minimum) ? s.minimum : safeBound(s.maximum) ? Math.min(s.maximum, 1) : 1;
    case 'boolean':
      return true;
    case 'array': {
      if (isFile(s)) return undefined;
      const item = s.items ? validValue(s.items, resolve, depth + 1) : 'a';
      return Array.from({ length: s.minItems ?? 1 }, () => item);
    }
    case 'object': {
      if (depth > 8) return {};
      const value: Record<string, unknown> = {};
      for (const name of s.required ?? []) {
        const property = s.properties?.[name];
        if (property) value[name] = validValue(property, resolve, depth + 1);
      }
      return value;
    }
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** What breaks a value: a description (for the failure message) and the value. */
export interface Broken {
  rule: string;
  value: unknown;
}

/** Strings of `length` or more that trimming cannot shorten (an `x` at each end). */
const longString = (length: number) =>
  fc
    .string({ unit: 'grapheme', minLength: Math.max(length - 2, 0), maxLength: Math.max(length - 2, 0) + 40 })
    .map((middle) => `x${middle}x`);

/** Arbitraries for JSON values the schema refuses; empty when it refuses nothing we can name. */
export function invalidValues(schema: JsonSchema, resolve: Resolve, depth = 0): Array<fc.Arbitrary<Broken>> {
  const s = resolve(schema);
  const out: Array<fc.Arbitrary<Broken>> = [];
  const types = typesOf(s, resolve);
  if (types) {
    const wrong = SAMPLES.filter(([type]) => !allows(types, type)).map(([type, value]) => ({ rule: `a ${type}`, value }));
    if (wrong.length) out.push(fc.constantFrom(...wrong));
  }
  if (s.enum && s.enum.every((value) => typeof value === 'string')) {
    out.push(
      fc
        .string({ unit: 'grapheme', maxLength: 30 })
        .filter((value) => !s.enum!.includes(value))
        .map((value) => ({ rule: 'not in the enum', value })),
    );
  }
  if (types?.size === 1 && types.has('string') && !isFile(s)) {
    if (s.maxLength !== undefined && s.maxLength < 100_000) {
      out.push(longString(s.maxLength + 1).map((value) => ({ rule: `longer than ${s.maxLength}`, value })));
    }
    if (s.minLength && s.minLength > 1) out.push(fc.constant({ rule: `shorter than ${s.minLength}`, value: 'x'.repeat(s.minLength - 1) }));
    if (s.pattern) {
      const pattern = new RegExp(s.pattern, 'u');
      out.push(
        fc
          .string({ unit: 'grapheme', maxLength: 40 })
          .filter((value) => !pattern.test(value))
          .map((value) => ({ rule: `not matching ${s.pattern}`, value })),
      );
    }
  }
  if (types && [...types].every((type) => type === 'integer' || type === 'number')) {
    if (safeBound(s.minimum))
      out.push(fc.integer({ min: 1, max: 1e6 }).map((k) => ({ rule: `below ${s.minimum}`, value: s.minimum! - k })));
    if (safeBound(s.maximum))
      out.push(fc.integer({ min: 1, max: 1e6 }).map((k) => ({ rule: `above ${s.maximum}`, value: s.maximum! + k })));
    if (types.has('integer') && !types.has('number')) {
      const base = safeBound(s.minimum) ? s.minimum : 1;
      out.push(fc.constant({ rule: 'a fraction', value: base + 0.5 }));
    }
  }
  if (types?.size === 1 && types.has('array') && !isFile(s)) {
    const item = s.items ? validValue(s.items, resolve) : 'a';
    if (s.maxItems !== undefined && s.maxItems < 1000) {
      out.push(fc.constant({ rule: `more than ${s.maxItems} items`, value: Array.from({ length: s.maxItems + 1 }, () => item) }));
    }
    if (s.minItems) out.push(fc.constant({ rule: 'no items', value: [] }));
    if (s.items && depth < 4) {
      for (const broken of invalidValues(s.items, resolve, depth + 1)) {
        out.push(broken.map(({ rule, value }) => ({ rule: `an item ${rule}`, value: [value] })));
      }
    }
  }
  if (types?.size === 1 && types.has('object') && depth < 4) out.push(...invalidObjects(s, resolve, depth));
  return out;
}

/** An object valid but for one property: missing when required, or a value that property refuses. */
export function invalidObjects(schema: JsonSchema, resolve: Resolve, depth = 0): Array<fc.Arbitrary<Broken>> {
  const s = resolve(schema);
  const base = (validValue(s, resolve) ?? {}) as Record<string, unknown>;
  const out: Array<fc.Arbitrary<Broken>> = [];
  for (const name of s.required ?? []) {
    if (!(name in base)) continue;
    const { [name]: _removed, ...rest } = base;
    out.push(fc.constant({ rule: `${name} missing`, value: rest }));
  }
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    if (isFile(resolve(property))) continue;
    for (const broken of invalidValues(property, resolve, depth + 1)) {
      out.push(broken.map(({ rule, value }) => ({ rule: `${name} ${rule}`, value: { ...base, [name]: value } })));
    }
  }
  return out;
}
