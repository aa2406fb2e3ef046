/**
 * The OpenAPI 3.1 document, generated from core's zod schemas (the ones the
 * server validates with and the widgets parse with), so the document cannot
 * drift from what is enforced.
 */
import * as z from 'zod/mini';
import {
  ActivityList,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Conversation,
  EmailReceipt,
  EmailRequest,
  FaqEntries,
  FaqSearchResult,
  LoyaltyMember,
  LoyaltyProgram,
  OutgoingMessage,
  ProductList,
  Redemption,
  ReviewDraft,
  ReviewPage,
  ReviewSubmission,
  ReviewSummary,
  ReviewVote,
  RewardList,
  Visitor,
  ChatEvent,
} from '@shopfront/core/schemas.js';

const VoteRequest = z.object({ helpful: z.boolean() });

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const responses: Record<string, z.ZodMiniType> = {
  ReviewSummary,
  ReviewPage,
  ReviewSubmission,
  ReviewVote,
  LoyaltyProgram,
  LoyaltyMember,
  RewardList,
  Redemption,
  ActivityList,
  ChatStatus,
  Conversation,
  ChatHistory,
  ChatMessage,
  ChatEvent,
  EmailReceipt,
  FaqEntries,
  FaqSearchResult,
  ProductList,
};
const requests: Record<string, z.ZodMiniType> = { ReviewDraft, VoteRequest, Visitor, OutgoingMessage, EmailRequest };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

type Operation = {
  summary: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
};

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/Error${code}` }]));

const ok = (name: string, status = 200) => ({ [status]: { description: 'OK', content: json(name) } });
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 128 } });
const query = (name: string, schema: unknown, description: string) => ({ name, in: 'query', schema, description });

export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {
    '/products/{productId}/reviews/summary': {
      get: {
        summary: 'Star average and histogram of published reviews',
        parameters: [pathParam('productId')],
        responses: { ...ok('ReviewSummary'), ...errors(400) },
      },
    },
    '/products/{productId}/reviews': {
      get: {
        summary: 'A page of published reviews (keyset pagination: stable while reviews are added)',
        parameters: [
          pathParam('productId'),
          query('sort', { enum: ['newest', 'highest', 'lowest', 'helpful', 'media-first'] }, 'Order; default newest'),
          query('rating', { type: 'integer', minimum: 1, maximum: 5 }, 'Only this rating'),
          query('with_media', { type: 'boolean' }, 'Only reviews with photos'),
          query('cursor', { type: 'string' }, 'nextCursor of the previous page'),
          query('limit', { type: 'integer', minimum: 1, maximum: 50 }, 'Page size; default 10'),
        ],
        responses: { ...ok('ReviewPage'), ...errors(400) },
      },
    },
    '/reviews': {
      post: {
        summary: 'Submit a review, with up to 5 photos (multipart/form-data; JSON without photos)',
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: ref('ReviewDraft') }, 'application/json': { schema: ref('ReviewDraft') } },
        },
        responses: { ...ok('ReviewSubmission', 201), ...errors(400, 401, 413, 429) },
      },
    },
    '/reviews/{reviewId}/votes': {
      post: {
        summary: 'Helpful vote, once per visitor (a repeat returns the unchanged count)',
        parameters: [pathParam('reviewId'), { $ref: '#/components/parameters/Visitor' }],
        requestBody: { required: true, content: json('VoteRequest') },
        responses: { ...ok('ReviewVote'), ...errors(400, 404, 429) },
      },
    },
    '/loyalty/program': { get: { summary: 'Tiers and ways to earn', responses: ok('LoyaltyProgram') } },
    '/loyalty/member': {
      get: {
        summary: 'The signed-in member, or a guest',
        parameters: customerHeaders(),
        responses: { ...ok('LoyaltyMember'), ...errors(401) },
      },
    },
    '/loyalty/rewards': { get: { summary: 'Rewards to redeem', responses: ok('RewardList') } },
    '/loyalty/rewards/{rewardId}/redeem': {
      post: {
        summary: 'Spend points on a reward for a single-use discount code',
        parameters: [pathParam('rewardId'), ...customerHeaders()],
        responses: { ...ok('Redemption', 201), ...errors(401, 404, 409, 429) },
      },
    },
    '/loyalty/activity': {
      get: {
        summary: "The member's points history, newest first",
        parameters: customerHeaders(),
        responses: { ...ok('ActivityList'), ...errors(401) },
      },
    },
    '/chat/status': { get: { summary: 'Online or away, and why', responses: ok('ChatStatus') } },
    '/chat/conversations': {
      post: {
        summary: 'Start a conversation',
        requestBody: { required: true, content: json('Visitor') },
        responses: { ...ok('Conversation', 201), ...errors(400, 429) },
      },
    },
    '/chat/conversations/{conversationId}/messages': {
      get: {
        summary: 'Messages after a sequence number, in order',
        parameters: [pathParam('conversationId'), query('after', { type: 'integer', minimum: 0 }, 'Sequence number; default 0')],
        responses: { ...ok('ChatHistory'), ...errors(400, 404) },
      },
      post: {
        summary: 'Send a message; idempotent by clientId (a resend returns the stored message with 200)',
        parameters: [pathParam('conversationId')],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('OutgoingMessage') }, 'multipart/form-data': { schema: ref('OutgoingMessage') } },
        },
        responses: {
          ...ok('ChatMessage', 201),
          '200': { description: 'Already stored', content: json('ChatMessage') },
          ...errors(400, 404, 413, 429),
        },
      },
    },
    '/chat/conversations/{conversationId}/events': {
      get: {
        summary: 'Server-Sent Events: ChatEvent JSON per event; message events carry their sequence number as the event id',
        parameters: [
          pathParam('conversationId'),
          {
            name: 'Last-Event-ID',
            in: 'header',
            schema: { type: 'integer', minimum: 0 },
            description: 'Replay messages after this sequence number',
          },
          query('lastEventId', { type: 'integer', minimum: 0 }, 'Same as Last-Event-ID, for the first connection'),
        ],
        responses: {
          '200': { description: 'text/event-stream of ChatEvent', content: { 'text/event-stream': { schema: ref('ChatEvent') } } },
          ...errors(400, 404),
        },
      },
    },
    '/chat/email': {
      post: {
        summary: 'Leave an email for a reply',
        requestBody: { required: true, content: json('EmailRequest') },
        responses: { ...ok('EmailReceipt', 201), ...errors(400, 404, 429) },
      },
    },
    '/faq': {
      get: {
        summary: 'Every FAQ entry, with an ETag (send If-None-Match for a 304)',
        parameters: [{ name: 'If-None-Match', in: 'header', schema: { type: 'string' } }],
        responses: { ...ok('FaqEntries'), '304': { description: 'Not modified' } },
      },
    },
    '/faq/search': {
      get: {
        summary: 'Server-side FAQ search',
        parameters: [query('q', { type: 'string', minLength: 1, maxLength: 200 }, 'Words to find')],
        responses: { ...ok('FaqSearchResult'), ...errors(400) },
      },
    },
    '/products': {
      get: {
        summary: 'Products by id, in the order asked; unknown ids are absent',
        parameters: [query('ids', { type: 'string' }, 'Comma-separated product ids (at most 250)')],
        responses: { ...ok('ProductList'), ...errors(400) },
      },
    },
  };

  // Every operation names its shop.
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item))
      operation.parameters = [{ $ref: '#/components/parameters/Shop' }, ...(operation.parameters ?? [])];
  }

  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Shopfront HTTP contract',
      version: '1',
      description:
        'What the RestAdapter speaks and the reference server implements. Name the shop with the `shop` query parameter, the visitor with `X-Shopfront-Visitor`, and a signed-in customer with `X-Shopfront-Customer` and `X-Shopfront-Customer-Signature` (hex HMAC-SHA256 of the id with the shop secret).',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      parameters: {
        Shop: {
          name: 'shop',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 128 },
          description: "The shop's public key",
        },
        Visitor: {
          name: 'X-Shopfront-Visitor',
          in: 'header',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
          description: 'Random per-browser id',
        },
        Customer: { name: 'X-Shopfront-Customer', in: 'header', schema: { type: 'string', maxLength: 128 } },
        CustomerSignature: { name: 'X-Shopfront-Customer-Signature', in: 'header', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      },
      responses: {
        Error400: errorResponse('Bad input; `field` names it'),
        Error401: errorResponse('No valid customer signature'),
        Error404: errorResponse('Not found'),
        Error409: errorResponse('Conflict (not enough points)'),
        Error413: errorResponse('Body too large'),
        Error429: errorResponse('Too many writes; see Retry-After'),
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, field: { type: 'string' } } },
          },
        },
        ...Object.fromEntries(Object.entries(responses).map(([name, schema]) => [name, jsonSchema(schema, 'output')])),
        ...Object.fromEntries(Object.entries(requests).map(([name, schema]) => [name, jsonSchema(schema, 'input')])),
      },
    },
  };
}

function customerHeaders() {
  return [{ $ref: '#/components/parameters/Customer' }, { $ref: '#/components/parameters/CustomerSignature' }];
}
