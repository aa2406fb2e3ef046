import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

it('answers a health check', async () => {
  const response = await fetch(`${server.url}/api/v1/health`);
  assert.deepEqual([response.status, await response.json()], [200, { ok: true }]);
});

it('serves an OpenAPI 3.1 document generated from the core schemas', async () => {
  const response = await fetch(`${server.url}/api/v1/openapi.json`);
  assert.equal(response.status, 200);
  const document = await response.json();
  assert.equal(document.openapi, '3.1.0');
  assert.equal(document.servers[0].url, `${server.url.replace('localhost', '127.0.0.1')}/api/v1`);
  for (const path of [
    '/products/{productId}/reviews/summary',
    '/products/{productId}/reviews',
    '/reviews',
    '/reviews/{reviewId}/votes',
    '/loyalty/program',
    '/loyalty/member',
    '/loyalty/rewards',
    '/loyalty/rewards/{rewardId}/redeem',
    '/loyalty/activity',
    '/chat/status',
    '/chat/conversations',
    '/chat/conversations/{conversationId}/messages',
    '/chat/conversations/{conversationId}/events',
    '/chat/email',
    '/faq',
    '/faq/search',
    '/products',
  ]) {
    assert.ok(document.paths[path], `documents ${path}`);
  }
  const schemas = document.components.schemas;
  // Generated, not hand-written: the review page's items carry the Review schema's constraints.
  assert.equal(schemas.ReviewPage.properties.reviews.items.properties.rating.maximum, 5);
  assert.equal(schemas.ReviewDraft.properties.photos.maxItems, 5);
  assert.equal(schemas.OutgoingMessage.properties.clientId.maxLength, 128);
  assert.deepEqual(
    schemas.LoyaltyMember.oneOf.map((variant: { properties: { status: { const: string } } }) => variant.properties.status.const),
    ['guest', 'member'],
  );

  // Every reference resolves.
  const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/[^"]+"/g) ?? [];
  for (const ref of refs) {
    const [, , section, name] = JSON.parse(`{${ref}}`).$ref.split('/');
    assert.ok(document.components[section][name], `${ref} resolves`);
  }
  // Every operation names its shop.
  for (const item of Object.values(document.paths) as Array<Record<string, { parameters: Array<{ $ref?: string }> }>>) {
    for (const operation of Object.values(item)) assert.equal(operation.parameters[0]!.$ref, '#/components/parameters/Shop');
  }
});
