/**
 * zod's issues in plain English, once for every route: core's `zod/mini`
 * schemas carry no messages ("Invalid input"), so the rule is read from the
 * issue and the schema it failed (`rating: out of range: 1 to 5`).
 */
import type * as z from 'zod/mini';

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'lazy']);

/** The schema itself, without optional/nullable/default wrappers (and the input side of a pipe). */
export function unwrap(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 20; depth++) {
    const def = current._zod.def as { type: string; innerType?: Schema; in?: Schema; getter?: () => Schema };
    if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy') current = def.getter?.();
    else if (WRAPPERS.has(def.type)) current = def.innerType;
    else return current;
  }
  return current;
}

/** The schema a path inside `schema` leads to, when the path goes through objects and arrays. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = unwrap(schema);
  for (const key of path) {
    const def = current?._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema } | undefined;
    if (def?.type === 'object') current = unwrap(def.shape?.[String(key)]);
    else if (def?.type === 'array') current = unwrap(def.element);
    else return undefined;
  }
  return current;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const isBound = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER;

/** `8 MB`, `64 KB`, `40.3 MB`: a size as a person reads it. */
export function bytes(size: number): string {
  const round = (value: number) => String(Math.round(value * 10) / 10);
  if (size >= 1024 * 1024) return `${round(size / (1024 * 1024))} MB`;
  if (size >= 1024) return `${round(size / 1024)} KB`;
  return `${size} bytes`;
}

function range(bag: Record<string, unknown>): string {
  const { minimum, maximum } = bag;
  if (isBound(minimum) && isBound(maximum)) return `out of range: ${minimum} to ${maximum}`;
  if (isBound(minimum)) return `out of range: at least ${minimum}`;
  if (isBound(maximum)) return `out of range: at most ${maximum}`;
  return 'out of range';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'not a string',
  number: 'not a number',
  int: 'not a whole number',
  boolean: 'not true or false',
  array: 'not a list',
  object: 'not an object',
  file: 'not a file',
  null: 'not null',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'not an email address',
  url: 'not a URL (http or https)',
  uuid: 'not a UUID',
  datetime: 'not an ISO 8601 date and time',
};

/** The rule an issue broke, in words: "too long: at most 150 characters". */
export function describeIssue(issue: Issue, root: Schema, data: unknown): string {
  const schema = schemaAt(root, issue.path);
  const kind = (schema?._zod.def as { type?: string } | undefined)?.type;
  const bag = (schema?._zod.bag ?? {}) as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(data, issue.path) === undefined) return 'required';
      const whole = kind === 'number' && (bag.format === 'safeint' || bag.format === 'int32');
      return TYPE_NAMES[whole ? 'int' : issue.expected] ?? `not a ${issue.expected}`;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? issue.maximum : issue.minimum);
      if (issue.origin === 'string') {
        if (big) return `too long: at most ${limit} characters`;
        return limit === 1 ? 'must not be empty' : `too short: at least ${limit} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        if (big) return `too many: at most ${limit}`;
        return limit === 1 ? 'must not be empty' : `too few: at least ${limit}`;
      }
      if (issue.origin === 'file') return big ? `too large: at most ${bytes(limit)}` : `too small: at least ${bytes(limit)}`;
      return range({ minimum: bag.minimum ?? (big ? undefined : limit), maximum: bag.maximum ?? (big ? limit : undefined) });
    }
    case 'invalid_format':
      if (issue.format === 'regex') return `not in the expected format (${String(issue.pattern ?? bag.pattern ?? 'a pattern')})`;
      return FORMAT_NAMES[issue.format] ?? `not a valid ${issue.format}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (kind === 'file') return `not an allowed type: ${values.join(', ')}`;
      return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
    }
    case 'invalid_union':
      return (issue as { note?: string }).note === 'No matching discriminator'
        ? 'not one of the known kinds'
        : 'does not match any allowed shape';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'not allowed';
  }
}

/** `photos.2`, `ids.1`, `rating`: where the issue is, under `prefix` (a parameter's name). */
export function fieldOf(issue: Issue, prefix = ''): string {
  return [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
}

/** The message a 400 carries: the field, then the rule. */
export function issueMessage(issue: Issue, root: Schema, data: unknown, prefix = ''): { field: string; message: string } {
  const field = fieldOf(issue, prefix);
  return { field, message: `${field}: ${describeIssue(issue, root, data)}.` };
}
