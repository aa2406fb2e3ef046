/**
 * `/api/v1/admin/customers/*`: a person's data export and erasure, for the
 * shop's backend answering a data request (../services/privacy.ts says what
 * each contains and why). Admin API: `Authorization: Bearer <shop secret>`.
 */
import { CustomerErasure, CustomerExport, CustomerRequest } from '../api/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { eraseCustomer, exportCustomer, subjectOf } from '../services/privacy.js';

/** Both keys are optional on their own; a request naming neither is about no one. */
function requireSubject(request: { customerId?: string; email?: string }) {
  if (!request.customerId && !request.email) throw new HttpError(400, 'customerId: required unless email is given.', 'customerId');
  return subjectOf(request);
}

export function privacyRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/customers/export',
      operationId: 'exportCustomerData',
      summary: "Everything kept about one customer (a data request's answer)",
      description:
        'Orders with refunds, reviews with their status and photos, the loyalty member with history, codes and ledger, ' +
        'conversations with their messages, emails left while away, and every email job to the address with whether it ' +
        'unsubscribed. A record belongs to the customer when it carries `customerId` or `email` (any case); give one or both.',
      tags: ['Admin'],
      security: 'admin',
      query: {
        customerId: { schema: CustomerRequest.shape.customerId, description: "The customer's id in the shop" },
        email: { schema: CustomerRequest.shape.email, description: "The customer's email, in any case" },
      },
      responses: { 200: { description: 'The export (empty lists for what there is none of)', schema: CustomerExport } },
      handler: async ({ shop, query }, c) => ({
        status: 200,
        body: await exportCustomer(deps, shop, requireSubject(query), c.get('baseUrl')),
      }),
    }),

    defineRoute({
      method: 'post',
      path: '/admin/customers/erase',
      operationId: 'eraseCustomerData',
      summary: "Erase one customer's data (a redaction)",
      description:
        'Deletes what the export lists: orders and refunds, reviews and their photo files, the loyalty member with history, ' +
        'codes and ledger, conversations and their messages and attachments, emails left while away, and email jobs to the ' +
        'address. An unsubscribed address keeps its unsubscribe, so it is never emailed again. Idempotent: a repeat erases ' +
        'nothing more and answers zeros.',
      tags: ['Admin'],
      security: 'admin',
      body: { json: CustomerRequest },
      responses: { 200: { description: 'What was erased, per area', schema: CustomerErasure } },
      handler: async ({ shop, body }) => ({ status: 200, body: await eraseCustomer(deps, shop, requireSubject(body)) }),
    }),
  ];
}
