/**
 * `GET /api/v1/admin/discounts`: the codes redemptions made, as CSV, for a shop
 * whose checkout imports them (the `list` discount port, ../services/discounts.ts).
 * For the shop's backend, like the rest of the admin API.
 */
import * as z from 'zod/mini';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';

const COLUMNS = ['code', 'customer_id', 'reward_id', 'reward', 'kind', 'value', 'currency', 'created_at', 'expires_at', 'used_at'] as const;
/** The most codes one export lists, newest first. */
export const DISCOUNT_EXPORT_LIMIT = 100_000;

/**
 * A CSV field (RFC 4180), and never a formula: a spreadsheet would run a value
 * starting with `=`, `+`, `-` or `@`, so such a value is prefixed with `'`.
 */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function discountRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/discounts',
      operationId: 'exportDiscountCodes',
      summary: 'Every discount code redemptions made, as CSV',
      description:
        'For a checkout that imports codes: each is single-use, for the one customer named, until `expires_at`; `used_at` is set once ' +
        '`POST /admin/codes/{code}/use` marked it. Newest first.',
      tags: ['Admin'],
      security: 'admin',
      query: { used: { schema: z.optional(z.enum(['yes', 'no'])), description: 'Only used (`yes`) or unused (`no`) codes; default all' } },
      responses: { 200: { description: 'The codes', columns: COLUMNS } },
      handler: async ({ shop, query }) => {
        const { rewards } = await deps.storage.loyalty.setup(shop.id);
        const byId = new Map(rewards.map((reward) => [reward.id, reward]));
        const codes = (await deps.storage.discounts.list(shop.id, DISCOUNT_EXPORT_LIMIT)).filter(
          (code) => query.used === undefined || (query.used === 'yes') === (code.usedAt !== undefined),
        );
        const lines = [COLUMNS.join(',')];
        for (const code of codes) {
          const reward = byId.get(code.rewardId);
          lines.push(
            [
              code.code,
              code.customerId,
              code.rewardId,
              reward?.name,
              reward?.kind,
              reward?.value,
              shop.settings.currency,
              code.createdAt,
              code.expiresAt,
              code.usedAt,
            ]
              .map(csvField)
              .join(','),
          );
        }
        return new Response(`${lines.join('\r\n')}\r\n`, {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="discount-codes-${shop.key}.csv"`,
            'cache-control': 'no-store',
          },
        });
      },
    }),
  ];
}
