/**
 * The real server's answers with a hostile string in every text and URL field
 * their core schema lets through: the XSS suite shows widgets these. Answers
 * are recorded from the reference server (as the widget asked for them), keyed
 * by method and path, and each string field is replaced only where the schema
 * still accepts the answer and keeps the value, so the widget really gets it.
 */
import * as schemas from '@shopfront/core/schemas.js';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown } };

/** The schema of each answer, by method and API path. */
const SCHEMAS: Array<[RegExp, Schema]> = [
  [/^GET .*\/products\/[^/]+\/reviews\/summary$/, schemas.ReviewSummary],
  [/^GET .*\/reviews\/summaries$/, schemas.ReviewSummaries],
  [/^GET .*\/products\/[^/]+\/reviews$/, schemas.ReviewPage],
  [/^GET .*\/loyalty\/program$/, schemas.LoyaltyProgram],
  [/^GET .*\/loyalty\/member$/, schemas.LoyaltyMember],
  [/^GET .*\/loyalty\/rewards$/, schemas.RewardList],
  [/^GET .*\/loyalty\/activity$/, schemas.ActivityList],
  [/^GET .*\/chat\/status$/, schemas.ChatStatus],
  [/^POST .*\/chat\/conversations$/, schemas.Conversation],
  [/^GET .*\/chat\/conversations\/[^/]+\/messages$/, schemas.ChatHistory],
  [/^POST .*\/chat\/conversations\/[^/]+\/messages$/, schemas.ChatMessage],
  [/^GET .*\/faq\/search$/, schemas.FaqSearchResult],
  [/^GET .*\/faq$/, schemas.FaqEntries],
  [/^GET .*\/products$/, schemas.ProductList],
];

export const schemaFor = (key: string) => SCHEMAS.find(([pattern]) => pattern.test(key))?.[1];

/** `GET /api/v1/faq`: what an answer is recorded and looked up under. */
export function keyOf(input: RequestInfo | URL, init?: RequestInit): string {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return `${(init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()} ${url.pathname}`;
}

/** Every string leaf's path in a JSON value. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, Array.isArray(value) ? Number(key) : key]));
}

function withValue(value: unknown, path: Array<string | number>, replacement: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
  return copy;
}

/**
 * The answer with payloads in every string field the schema keeps them in
 * (field `i` gets `payloads[(i + round) % n]`), and how many fields took one.
 */
export function poison(answer: unknown, schema: Schema, payloads: readonly string[], round: number): { answer: unknown; fields: number } {
  let current = answer;
  let fields = 0;
  for (const [index, path] of stringPaths(answer).entries()) {
    const payload = payloads[(index + round) % payloads.length]!;
    const candidate = withValue(current, path, payload);
    const result = schema.safeParse(candidate);
    // Lenient lists drop an item they refuse: only a value that survives parsing reaches the widget.
    if (result.success && JSON.stringify(result.data).includes(JSON.stringify(payload).slice(1, -1))) {
      current = candidate;
      fields++;
    }
  }
  return { answer: current, fields };
}
