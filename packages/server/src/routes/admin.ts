/**
 * `/api/v1/admin`: for the shop's own backend, never a browser. Authenticated
 * with `Authorization: Bearer <shop secret>`: award or remove points after an
 * order, and mark a discount code used at checkout.
 */
import { text } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import { CodeUse, PointsBalance, PointsChange } from '../api/schemas.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { adjustPoints } from '../services/loyalty.js';

export function adminRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/loyalty/points',
      operationId: 'adjustPoints',
      summary: "Award or remove a member's points",
      description:
        'Positive `points` award (and count towards the tier), negative remove, never below zero. Creates the member on first use.',
      tags: ['Admin'],
      security: 'admin',
      body: { json: PointsChange },
      responses: { 200: { description: 'The balance after the change', schema: PointsBalance } },
      handler: async ({ shop, body: change }) => {
        const { member } = await adjustPoints(deps.storage, shop.id, change.customerId, {
          points: change.points,
          label: change.label,
          kind: change.points >= 0 ? 'earn' : 'adjust',
          firstName: change.firstName,
        });
        return { status: 200, body: { customerId: member.customerId, points: member.points, lifetimePoints: member.lifetimePoints } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/admin/codes/{code}/use',
      operationId: 'useDiscountCode',
      summary: 'Mark a discount code used',
      description: 'At checkout: a redemption’s code works once.',
      tags: ['Admin'],
      security: 'admin',
      params: { code: { schema: text(64, 1), description: 'The code a redemption gave (`SF-…`)' } },
      responses: { 200: { description: 'Now used', schema: CodeUse } },
      errors: { 404: 'No such code', 409: 'The code was already used' },
      handler: async ({ shop, params: { code } }) => {
        const result = await deps.storage.loyalty.useCode(shop.id, code);
        if (result === 'unknown') throw new HttpError(404, 'No such code.', 'code');
        if (result === 'already-used') throw new HttpError(409, 'This code was already used.', 'code');
        return { status: 200, body: { code, status: 'used' } };
      },
    }),
  ];
}
