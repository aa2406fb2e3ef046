/**
 * Bad values for path, query and header parameters. On the wire these are
 * strings the server converts by their schema's type (`"12"` → 12, `a,b` → a
 * list; packages/server/src/api/input.ts), so "the wrong type" means a string
 * that converts to nothing the schema accepts. An empty value counts as absent,
 * so none is empty.
 */
import fc from 'fast-check';
import type { Broken, JsonSchema, Resolve } from './schema-values.js';
import { typesOf } from './schema-values.js';

const text = (maxLength = 30) => fc.string({ unit: 'grapheme', minLength: 1, maxLength });
const numeric = /^-?\d+(\.\d+)?$/;

export function invalidWireValues(schema: JsonSchema, resolve: Resolve): Array<fc.Arbitrary<Broken>> {
  const s = resolve(schema);
  const types = typesOf(s, resolve);
  if (!types) return [];
  const out: Array<fc.Arbitrary<Broken>> = [];
  if ([...types].every((type) => type === 'integer' || type === 'number')) {
    out.push(
      text()
        .filter((value) => !numeric.test(value))
        .map((value) => ({ rule: 'not a number', value })),
    );
    if (s.minimum !== undefined)
      out.push(fc.integer({ min: 1, max: 1e9 }).map((k) => ({ rule: 'too small', value: String(s.minimum! - k) })));
    if (s.maximum !== undefined && s.maximum < 1e12) {
      out.push(fc.integer({ min: 1, max: 1e9 }).map((k) => ({ rule: 'too big', value: String(s.maximum! + k) })));
    }
    if (!types.has('number')) out.push(fc.constant({ rule: 'a fraction', value: `${s.minimum ?? 1}.5` }));
  }
  if (types.size === 1 && types.has('boolean')) {
    out.push(
      text()
        .filter((value) => !['true', 'false', '1', '0'].includes(value))
        .map((value) => ({ rule: 'not a boolean', value })),
    );
  }
  if (types.size === 1 && types.has('string')) {
    if (s.enum)
      out.push(
        text()
          .filter((value) => !s.enum!.includes(value))
          .map((value) => ({ rule: 'not in the enum', value })),
      );
    if (s.maxLength !== undefined) {
      out.push(
        fc.integer({ min: s.maxLength + 1, max: s.maxLength + 200 }).map((length) => ({ rule: 'too long', value: 'y'.repeat(length) })),
      );
    }
    if (s.pattern) {
      const pattern = new RegExp(s.pattern, 'u');
      out.push(
        text()
          .filter((value) => !pattern.test(value))
          .map((value) => ({ rule: 'not matching the pattern', value })),
      );
    }
    if (s.format === 'email')
      out.push(
        text()
          .filter((value) => !value.includes('@'))
          .map((value) => ({ rule: 'not an email', value })),
      );
  }
  if (types.size === 1 && types.has('array') && s.items) {
    if (s.maxItems !== undefined) {
      const many = Array.from({ length: s.maxItems + 1 }, (_, i) => `p${i}`).join(',');
      out.push(fc.constant({ rule: 'too many items', value: many }));
    }
    const items = resolve(s.items);
    if (items.minLength) out.push(fc.constant({ rule: 'an empty item', value: 'prod-1,,prod-2' }));
    for (const item of invalidWireValues(items, resolve)) {
      out.push(
        item
          .filter(({ value }) => !String(value).includes(','))
          .map(({ rule, value }) => ({ rule: `an item ${rule}`, value: `prod-1,${String(value)}` })),
      );
    }
  }
  return out;
}

/** Names that climb out of a folder, in the spellings servers have been caught by. */
export const TRAVERSALS = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\..\\windows\\win.ini',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fshopfront.db',
  '..%00.png',
  '/etc/passwd',
  '.',
  '..',
  'shopfront.db',
  '../shopfront.db-wal',
  'x/../../../shopfront.db',
  '\u0000',
  '..%c0%af..%c0%afetc%c0%afpasswd',
];
