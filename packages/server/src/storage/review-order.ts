/**
 * The five review orders as keyset pages, for every implementation: which
 * columns sort each order, the WHERE condition for "after this cursor", and the
 * cursor checks. Only the placeholder syntax differs between databases, so the
 * caller passes `param`, which stores a value and returns its placeholder.
 */
import type { ReviewSort, ReviewSummary } from '@shopfront/core/schemas.js';
import { InvalidInputError, type ReviewCursor, type ReviewListQuery } from './index.js';
import { time, type Row } from './rows.js';

export type Order = ReadonlyArray<readonly [column: string, direction: 'ASC' | 'DESC', type: 'number' | 'string']>;

const NEWEST = [
  ['created_at', 'DESC', 'string'],
  ['pk', 'DESC', 'number'],
] as const;

/** Sort keys per review order: the columns of the ORDER BY and of the keyset cursor. */
export const REVIEW_ORDER: Record<ReviewSort, Order> = {
  newest: NEWEST,
  highest: [['rating', 'DESC', 'number'], ...NEWEST],
  lowest: [['rating', 'ASC', 'number'], ...NEWEST],
  helpful: [['helpful_count', 'DESC', 'number'], ...NEWEST],
  'media-first': [['has_media', 'DESC', 'number'], ...NEWEST],
};

/** `(a < ?) OR (a = ? AND ((b < ?) OR (b = ? AND …)))`: rows strictly after the cursor. Columns come from REVIEW_ORDER only. */
export function keysetCondition(order: Order, keys: ReadonlyArray<string | number>, param: (value: unknown) => string): string {
  const [first, ...rest] = order;
  if (!first) return 'FALSE';
  const [column, direction] = first;
  const operator = direction === 'DESC' ? '<' : '>';
  const value = keys[0];
  if (rest.length === 0) return `${column} ${operator} ${param(value)}`;
  const before = `${column} ${operator} ${param(value)}`;
  const equal = `${column} = ${param(value)}`;
  return `(${before} OR (${equal} AND (${keysetCondition(rest, keys.slice(1), param)})))`;
}

/** The WHERE terms (besides shop and product) and ORDER BY of a page of published reviews. */
export function listClauses(query: ReviewListQuery, param: (value: unknown) => string): { where: string[]; orderBy: string } {
  const order = REVIEW_ORDER[query.sort];
  const where = ["status = 'published'"];
  if (query.rating !== undefined) where.push(`rating = ${param(query.rating)}`);
  if (query.withMedia) where.push('has_media = 1');
  if (query.after) {
    const { sort, keys } = query.after;
    const valid = sort === query.sort && keys.length === order.length && order.every(([, , type], i) => typeof keys[i] === type);
    if (!valid) throw new InvalidInputError('cursor', 'The cursor does not belong to this list.');
    where.push(keysetCondition(order, keys, param));
  }
  return { where, orderBy: order.map(([column, direction]) => `${column} ${direction}`).join(', ') };
}

/** The cursor after `last`, when more rows than the page holds came back. */
export function nextCursor(sort: ReviewSort, rows: Row[], limit: number): ReviewCursor | null {
  const last = rows.slice(0, limit).at(-1);
  if (rows.length <= limit || !last) return null;
  const keys = REVIEW_ORDER[sort].map(([column, , type]) => (type === 'number' ? Number(last[column]) : time(last[column])));
  return { sort, keys };
}

/** Counts per rating to the summary the widgets show. */
export function summaryOf(productId: string, counts: Array<{ rating: unknown; n: unknown }>): ReviewSummary {
  const histogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let count = 0;
  let total = 0;
  for (const row of counts) {
    const [rating, n] = [Number(row.rating), Number(row.n)];
    histogram[rating as 1 | 2 | 3 | 4 | 5] = n;
    count += n;
    total += rating * n;
  }
  return { productId, average: count ? Math.round((total / count) * 100) / 100 : 0, count, histogram };
}
