/**
 * Bad inputs, one per rule, with the error each must answer: the field it names
 * and a message that says the rule. Used by `errors.node.test.ts`.
 */
import { randomUUID } from 'node:crypto';
import { PNG, SECRET, customerHeaders } from './helpers.js';

export interface BadInput {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  /** Under `/api/v1`; `{conversation}` becomes a real conversation id. */
  path: string;
  body?: unknown;
  form?: () => FormData;
  headers?: Record<string, string>;
  status: number;
  field: string;
  message: string;
}

const review = { productId: 'prod-1', rating: 5, title: 'Good', body: 'Fits well', name: 'Ann' };
const admin = { authorization: `Bearer ${SECRET}` };

export const BAD_INPUTS: BadInput[] = [
  // Reviews: the list's query, the product id in the path.
  {
    name: 'unknown sort',
    path: '/products/prod-1/reviews?sort=random',
    status: 400,
    field: 'sort',
    message: 'sort: must be one of newest, highest, lowest, helpful, media-first.',
  },
  {
    name: 'rating above 5',
    path: '/products/prod-1/reviews?rating=6',
    status: 400,
    field: 'rating',
    message: 'rating: out of range: 1 to 5.',
  },
  {
    name: 'rating not a number',
    path: '/products/prod-1/reviews?rating=abc',
    status: 400,
    field: 'rating',
    message: 'rating: not a whole number.',
  },
  {
    name: 'rating a fraction',
    path: '/products/prod-1/reviews?rating=2.5',
    status: 400,
    field: 'rating',
    message: 'rating: not a whole number.',
  },
  {
    name: 'with_media not a boolean',
    path: '/products/prod-1/reviews?with_media=maybe',
    status: 400,
    field: 'with_media',
    message: 'with_media: not true or false.',
  },
  { name: 'limit 0', path: '/products/prod-1/reviews?limit=0', status: 400, field: 'limit', message: 'limit: out of range: 1 to 50.' },
  { name: 'limit 51', path: '/products/prod-1/reviews?limit=51', status: 400, field: 'limit', message: 'limit: out of range: 1 to 50.' },
  {
    name: 'product id too long',
    path: `/products/${'x'.repeat(200)}/reviews/summary`,
    status: 400,
    field: 'productId',
    message: 'productId: too long: at most 128 characters.',
  },
  // Review submission.
  {
    name: 'review without rating',
    method: 'POST',
    path: '/reviews',
    body: { ...review, rating: undefined },
    status: 400,
    field: 'rating',
    message: 'rating: required.',
  },
  {
    name: 'review rating 0',
    method: 'POST',
    path: '/reviews',
    body: { ...review, rating: 0 },
    status: 400,
    field: 'rating',
    message: 'rating: out of range: 1 to 5.',
  },
  {
    name: 'review rating "five"',
    method: 'POST',
    path: '/reviews',
    body: { ...review, rating: 'five' },
    status: 400,
    field: 'rating',
    message: 'rating: not a whole number.',
  },
  {
    name: 'review title too long',
    method: 'POST',
    path: '/reviews',
    body: { ...review, title: 't'.repeat(151) },
    status: 400,
    field: 'title',
    message: 'title: too long: at most 150 characters.',
  },
  {
    name: 'review body empty',
    method: 'POST',
    path: '/reviews',
    body: { ...review, body: '' },
    status: 400,
    field: 'body',
    message: 'body: must not be empty.',
  },
  {
    name: 'review body too long',
    method: 'POST',
    path: '/reviews',
    body: { ...review, body: 'b'.repeat(5001) },
    status: 400,
    field: 'body',
    message: 'body: too long: at most 5000 characters.',
  },
  {
    name: 'review without name',
    method: 'POST',
    path: '/reviews',
    body: { ...review, name: undefined },
    status: 400,
    field: 'name',
    message: 'name: required.',
  },
  {
    name: 'review email not an email',
    method: 'POST',
    path: '/reviews',
    body: { ...review, email: 'ann-at-example' },
    status: 400,
    field: 'email',
    message: 'email: not an email address.',
  },
  {
    name: 'review with six photos',
    method: 'POST',
    path: '/reviews',
    form: () => {
      const form = new FormData();
      for (const [key, value] of Object.entries(review)) form.set(key, String(value));
      for (let i = 0; i < 6; i++) form.append('photos', new Blob([PNG], { type: 'image/png' }), `p${i}.png`);
      return form;
    },
    status: 400,
    field: 'photos',
    message: 'photos: too many: at most 5.',
  },
  {
    name: 'review body not JSON',
    method: 'POST',
    path: '/reviews',
    body: '{"rating":',
    status: 400,
    field: 'body',
    message: 'The body is not valid JSON.',
  },
  {
    name: 'review as text/plain',
    method: 'POST',
    path: '/reviews',
    body: 'hello',
    headers: { 'content-type': 'text/plain' },
    status: 415,
    field: 'body',
    message: 'Send the body as application/json or multipart/form-data.',
  },
  // Votes.
  {
    name: 'vote helpful "yes"',
    method: 'POST',
    path: '/reviews/r-1/votes',
    body: { helpful: 'yes' },
    status: 400,
    field: 'helpful',
    message: 'helpful: not true or false.',
  },
  {
    name: 'vote without helpful',
    method: 'POST',
    path: '/reviews/r-1/votes',
    body: {},
    status: 400,
    field: 'helpful',
    message: 'helpful: required.',
  },
  // Chat.
  {
    name: 'visitor email not an email',
    method: 'POST',
    path: '/chat/conversations',
    body: { email: 'nope' },
    status: 400,
    field: 'email',
    message: 'email: not an email address.',
  },
  {
    name: 'visitor name too long',
    method: 'POST',
    path: '/chat/conversations',
    body: { name: 'n'.repeat(81) },
    status: 400,
    field: 'name',
    message: 'name: too long: at most 80 characters.',
  },
  {
    name: 'message without clientId',
    method: 'POST',
    path: '/chat/conversations/{conversation}/messages',
    body: { body: 'Hi' },
    status: 400,
    field: 'clientId',
    message: 'clientId: required.',
  },
  {
    name: 'message too long',
    method: 'POST',
    path: '/chat/conversations/{conversation}/messages',
    body: { clientId: randomUUID(), body: 'm'.repeat(4001) },
    status: 400,
    field: 'body',
    message: 'body: too long: at most 4000 characters.',
  },
  {
    name: 'message body a number',
    method: 'POST',
    path: '/chat/conversations/{conversation}/messages',
    body: { clientId: randomUUID(), body: 42 },
    status: 400,
    field: 'body',
    message: 'body: not a string.',
  },
  {
    name: 'history after -1',
    path: '/chat/conversations/{conversation}/messages?after=-1',
    status: 400,
    field: 'after',
    message: 'after: out of range: at least 0.',
  },
  {
    name: 'history after "abc"',
    path: '/chat/conversations/{conversation}/messages?after=abc',
    status: 400,
    field: 'after',
    message: 'after: not a whole number.',
  },
  {
    name: 'stream lastEventId "x"',
    path: '/chat/conversations/{conversation}/events?lastEventId=x',
    status: 400,
    field: 'lastEventId',
    message: 'lastEventId: not a whole number.',
  },
  {
    name: 'email request without email',
    method: 'POST',
    path: '/chat/email',
    body: { message: 'Call me' },
    status: 400,
    field: 'email',
    message: 'email: required.',
  },
  {
    name: 'email request message too long',
    method: 'POST',
    path: '/chat/email',
    body: { email: 'a@example.com', message: 'm'.repeat(4001) },
    status: 400,
    field: 'message',
    message: 'message: too long: at most 4000 characters.',
  },
  {
    name: 'email request over 64 KB',
    method: 'POST',
    path: '/chat/email',
    body: { email: 'a@example.com', message: 'm'.repeat(70_000) },
    status: 413,
    field: 'body',
    message: 'body: too large: at most 64 KB.',
  },
  // FAQ and products.
  {
    name: 'If-None-Match over 1024 characters',
    path: '/faq',
    headers: { 'if-none-match': `"${'e'.repeat(1024)}"` },
    status: 400,
    field: 'If-None-Match',
    message: 'If-None-Match: too long: at most 1024 characters.',
  },
  { name: 'a path nothing is at', path: '/faqs', status: 404, field: 'path', message: 'Nothing at GET /api/v1/faqs.' },
  { name: 'FAQ search without q', path: '/faq/search', status: 400, field: 'q', message: 'q: required.' },
  { name: 'FAQ search q blank', path: '/faq/search?q=%20%20', status: 400, field: 'q', message: 'q: must not be empty.' },
  {
    name: 'FAQ search q too long',
    path: `/faq/search?q=${'q'.repeat(201)}`,
    status: 400,
    field: 'q',
    message: 'q: too long: at most 200 characters.',
  },
  { name: 'products without ids', path: '/products', status: 400, field: 'ids', message: 'ids: required.' },
  {
    name: 'products with 251 ids',
    path: `/products?ids=${Array.from({ length: 251 }, (_, i) => `p${i}`).join(',')}`,
    status: 400,
    field: 'ids',
    message: 'ids: too many: at most 250.',
  },
  {
    name: 'products with an empty id',
    path: '/products?ids=prod-1,,prod-2',
    status: 400,
    field: 'ids.1',
    message: 'ids.1: must not be empty.',
  },
  // Identity and the admin API.
  {
    name: 'customer signature wrong',
    path: '/loyalty/member',
    headers: customerHeaders('cust-1', `${Math.floor(Date.now() / 1000)}.${'0'.repeat(64)}`),
    status: 401,
    field: 'customer.signature',
    message: 'The customer signature does not match.',
  },
  {
    name: 'admin points "ten"',
    method: 'POST',
    path: '/admin/loyalty/points',
    headers: admin,
    body: { customerId: 'c', points: 'ten', label: 'Order' },
    status: 400,
    field: 'points',
    message: 'points: not a whole number.',
  },
  {
    name: 'admin points without label',
    method: 'POST',
    path: '/admin/loyalty/points',
    headers: admin,
    body: { customerId: 'c', points: 10 },
    status: 400,
    field: 'label',
    message: 'label: required.',
  },
  {
    name: 'privacy export naming no one',
    path: '/admin/customers/export',
    headers: admin,
    status: 400,
    field: 'customerId',
    message: 'customerId: required unless email is given.',
  },
  {
    name: 'privacy export email not an email',
    path: '/admin/customers/export?email=ada',
    headers: admin,
    status: 400,
    field: 'email',
    message: 'email: not an email address.',
  },
  {
    name: 'privacy erasure naming no one',
    method: 'POST',
    path: '/admin/customers/erase',
    headers: admin,
    body: {},
    status: 400,
    field: 'customerId',
    message: 'customerId: required unless email is given.',
  },
];
