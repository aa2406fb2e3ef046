/**
 * Bad multipart forms for an operation that takes one (a review with photos, a
 * chat message with an attachment): valid but for one field, files that are not
 * images or are named to climb out of the media folder, and forms that cannot be
 * read at all (no boundary, another boundary, cut short, random bytes).
 */
import fc from 'fast-check';
import type { Change } from './openapi-cases.js';
import { isFile, validValue, type Broken, type JsonSchema, type Resolve } from './schema-values.js';
import { TRAVERSALS, invalidWireValues } from './wire-values.js';

const BOUNDARY = 'sfBadInputBoundary';

interface Part {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  type?: string;
}

function multipart(parts: Part[], boundary = BOUNDARY): Uint8Array {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n`));
    chunks.push(Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A form's text fields from an object (lists as repeated parts). */
const fieldsOf = (value: Record<string, unknown>): Part[] =>
  Object.entries(value).flatMap(([name, field]) =>
    ([] as unknown[]).concat(field).map((item) => ({ name, value: typeof item === 'string' ? item : JSON.stringify(item) })),
  );

/** Not a PNG's first byte, so this is never read as a PNG: a "photo" that must be refused for its bytes. */
const PNG_BYTES = new Uint8Array(Buffer.from('not really a png, only named like one'));

export function multipartChanges(schema: JsonSchema, resolve: Resolve, change: (rule: string, apply: Change['apply']) => Change) {
  const s = resolve(schema);
  const fileField = Object.entries(s.properties ?? {}).find(([, property]) => isFile(resolve(property)))?.[0] ?? 'file';
  const out: Array<fc.Arbitrary<Change>> = [];
  const asForm = (rule: string, parts: Part[], type = `multipart/form-data; boundary=${BOUNDARY}`) =>
    change(rule, (draft) => {
      draft.raw = multipart(parts);
      draft.type = type;
    });
  const valid = (validValue(s, resolve) ?? {}) as Record<string, unknown>;
  // A form's fields are text, converted by their schema's type as a query's are: bad values are those of the wire.
  const brokenForms: Array<fc.Arbitrary<Broken>> = [];
  for (const name of s.required ?? []) {
    const { [name]: _removed, ...rest } = valid;
    brokenForms.push(fc.constant({ rule: `${name} missing`, value: rest }));
  }
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    if (isFile(resolve(property))) continue;
    for (const broken of invalidWireValues(property, resolve)) {
      brokenForms.push(broken.map(({ rule, value }) => ({ rule: `${name} ${rule}`, value: { ...valid, [name]: value } })));
    }
  }
  for (const broken of brokenForms) {
    out.push(
      fc
        .tuple(broken, fc.constantFrom(...TRAVERSALS), fc.boolean())
        .map(([{ rule, value }, filename, withFile]) =>
          asForm(`form ${rule}${withFile ? `, a file named ${filename}` : ''}`, [
            ...fieldsOf(value as Record<string, unknown>),
            ...(withFile ? [{ name: fileField, value: PNG_BYTES, filename, type: 'image/png' }] : []),
          ]),
        ),
    );
  }
  // Not an image whatever it claims, under a name that climbs out of the media folder.
  out.push(
    fc
      .tuple(
        fc.constantFrom(...TRAVERSALS),
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.constantFrom('image/png', 'image/svg+xml', 'text/html'),
      )
      .map(([filename, bytes, type]) =>
        asForm(`form ${fileField} not an image (${type}), named ${filename}`, [
          ...fieldsOf(valid),
          { name: fileField, value: bytes[0] === 0x89 ? bytes.subarray(1) : bytes, filename, type },
        ]),
      ),
  );
  out.push(
    fc.constant(
      asForm(`form ${fileField} an SVG with a script`, [
        ...fieldsOf(valid),
        { name: fileField, value: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', filename: 'x.svg', type: 'image/svg+xml' },
      ]),
    ),
  );
  // Forms that cannot be read: no boundary, another boundary, cut short, junk.
  out.push(
    fc
      .constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=other')
      .map((type) => asForm(`form with content type ${type}`, fieldsOf(valid), type)),
  );
  out.push(
    fc.nat({ max: 60 }).map((cut) =>
      change(`form cut after ${cut} bytes`, (draft) => {
        draft.raw = multipart(fieldsOf(valid)).subarray(0, cut);
        draft.type = `multipart/form-data; boundary=${BOUNDARY}`;
      }),
    ),
  );
  out.push(
    fc.uint8Array({ maxLength: 512 }).map((bytes) =>
      change('form of random bytes', (draft) => {
        draft.raw = bytes;
        draft.type = `multipart/form-data; boundary=${BOUNDARY}`;
      }),
    ),
  );
  out.push(
    fc.constant(
      asForm('form with __proto__ fields', [
        { name: '__proto__', value: 'polluted' },
        { name: 'constructor', value: 'polluted' },
        ...fieldsOf({ ...valid, [Object.keys(valid)[0] ?? 'x']: '' }),
      ]),
    ),
  );
  return out;
}
