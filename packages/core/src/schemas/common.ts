import * as z from 'zod/mini';
import { lazy } from './lazy.js';

/**
 * Longest lengths of what people type, in characters: the schemas check them
 * and every form field's `maxlength` uses them, so the two never disagree.
 */
export const MAX_LENGTH = {
  /** A person's name: a reviewer, a chat visitor, a team member. */
  name: 80,
  /** An email address (RFC 5321's path limit). */
  email: 254,
  reviewTitle: 150,
  reviewBody: 5000,
  chatMessage: 4000,
} as const;

/** A non-empty identifier as it travels between client and server. */
export const Id = /* @__PURE__ */ lazy(() => z.string().check(z.minLength(1), z.maxLength(128)));

/** Text with a length bound; `min` 0 allows the empty string. */
export const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));

/**
 * An ISO 8601 timestamp with a time zone, as servers send them
 * (`2026-11-23T10:00:00Z`, `…+01:00`). A regex check: `z.iso.datetime` would add
 * 0.7 KB gz to every page for the same answer.
 */
export const Timestamp = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.maxLength(40),
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/,
      ),
    ),
);

/**
 * A URL from data, allowed only as http(s): `javascript:`, `data:` and friends
 * never reach an `href` or `src`.
 */
export const HttpUrl = /* @__PURE__ */ lazy(() => z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)));

/** An email address, at most `MAX_LENGTH.email` long. */
export const Email = /* @__PURE__ */ lazy(() => z.email().check(z.maxLength(MAX_LENGTH.email)));

export const Count = /* @__PURE__ */ lazy(() => z.int().check(z.gte(0)));

/** An ISO 4217 currency code such as `EUR`. */
export const CurrencyCode = /* @__PURE__ */ lazy(() => z.string().check(z.regex(/^[A-Z]{3}$/)));

/** An amount of money in the currency's major unit (19.99 means €19.99). */
export const Amount = /* @__PURE__ */ lazy(() => z.number().check(z.gte(0), z.lte(1e9)));

export const Image = /* @__PURE__ */ lazy(() =>
  z.object({
    url: HttpUrl,
    alt: z.optional(text(300)),
    width: z.optional(z.int().check(z.gte(1), z.lte(20000))),
    height: z.optional(z.int().check(z.gte(1), z.lte(20000))),
  }),
);
export type Image = z.infer<typeof Image>;

/** Called for each item a lenient list drops, so the drop can be logged. */
export type DropHandler = (index: number, issue: z.core.$ZodIssue | undefined) => void;

let onDrop: DropHandler = (index, issue) => {
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  console.warn(`[shopfront] skipped item ${index}: ${issue?.message ?? 'invalid'}${where}`);
};

/** Replaces how dropped list items are reported (tests silence or observe it). */
export function setDropHandler(handler: DropHandler): DropHandler {
  const previous = onDrop;
  onDrop = handler;
  return previous;
}

/** What a lenient list holds, until it is filtered, where an item did not parse: the first issue, for the warning. */
class Dropped {
  constructor(readonly issue: z.core.$ZodIssue | undefined) {}
}

/**
 * A list that keeps its valid items and drops the others with a warning: one bad
 * FAQ entry or photo must not blank a whole widget. The list itself must still be
 * an array of at most `max` items, checked before any item is. Each item is
 * parsed once: a bad one is caught where it stands and filtered out after, so
 * 20,000 FAQ entries cost one pass, and the document's reply schema is still an
 * array of `item` (a catch is its inner schema there; JSON Schema is asked for
 * the catch value without a context, and undefined adds no `default`).
 */
export function lenientArray<T extends z.ZodMiniType>(item: T, max: number) {
  const kept = z.catch(item, (ctx) => (ctx ? new Dropped(ctx.error.issues[0]) : undefined) as z.output<T>);
  return z.pipe(
    z.array(z.unknown()).check(z.maxLength(max)),
    z.array(kept).check(
      z.overwrite((items) =>
        items.filter((candidate, index) => {
          if (candidate instanceof Dropped) onDrop(index, candidate.issue);
          return !(candidate instanceof Dropped);
        }),
      ),
    ),
  );
}

/**
 * A visitor id the server made and signed (`sv_<id>_<mac>`): what votes and the
 * per-visitor limits count, so a browser cannot make up a new visitor per vote.
 */
export const IssuedVisitor = /* @__PURE__ */ lazy(() => z.object({ visitorId: Id }));
export type IssuedVisitor = z.infer<typeof IssuedVisitor>;

/**
 * The signed-in shopper, as the shop knows them. `signature` is
 * `<unix seconds>.<hex HMAC-SHA256 of "<seconds>.<id>">` with the shop's secret,
 * so a backend can trust the id, for a bounded time, without a session.
 */
export const Customer = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    signature: z.optional(z.string().check(z.regex(/^\d{1,12}\.[0-9a-f]{64}$/))),
    firstName: z.optional(text(MAX_LENGTH.name)),
    email: z.optional(Email),
  }),
);
export type Customer = z.infer<typeof Customer>;
