/** `/api/v1/visitors`: visitor ids this server signs, so a vote cannot come from a made-up visitor. */
import { IssuedVisitor } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import { issueVisitor } from '../identity.js';

export function visitorRoutes() {
  return [
    defineRoute({
      method: 'post',
      path: '/visitors',
      operationId: 'issueVisitor',
      summary: 'A new visitor id',
      description:
        'A browser asks once and keeps the id (Shopfront keeps it in IndexedDB). Helpful votes count once per issued id; ' +
        'minting ids counts against the per-IP write budget, so a new id per vote stays bounded.',
      tags: ['Visitors'],
      security: 'shop',
      rateLimited: true,
      responses: { 201: { description: 'The id, to send as `X-Shopfront-Visitor`', schema: IssuedVisitor } },
      handler: async ({ shop }) => ({ status: 201, body: { visitorId: issueVisitor(shop) } }),
    }),
  ];
}
