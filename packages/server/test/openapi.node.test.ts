/**
 * The OpenAPI document as a contract: generated from the route definitions,
 * clean under Redocly's recommended rules, complete (every route the app
 * registers is in it, except the pages listed below), and good enough to
 * generate a typed client from (openapi-typescript) that compiles and talks to
 * the running server.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createApi } from '../src/app.js';
import { startTestServer, type TestServer } from './helpers.js';

/** Routes that are pages or files, not API: the demo shop, the inbox's pages, the reference page, static assets. */
const NOT_API = new Set([
  'GET /',
  'GET /products/:handle',
  'GET /faq',
  'GET /account',
  'POST /demo/orders',
  // Shopify's deliveries, signed with the app's secret: documented in docs/shopify.md, not part of this API.
  'POST /shopify/webhooks',
  'GET /shopify/install',
  'GET /shopify/auth/callback',
  // The unsubscribe page and its button (an HTML page for people; its one-click POST is RFC 8058's, not this API's).
  'GET /email/unsubscribe',
  'POST /email/unsubscribe',
  'GET /assets/demo.css',
  'GET /assets/demo.js',
  'GET /assets/favicon.svg',
  'GET /favicon.ico',
  'GET /media/demo/products/:file',
  'GET /media/demo/photos/:file',
  'GET /media/u/:file',
  'GET /media/r/:reviewId/:file',
  'GET /inbox/media/r/:reviewId/:file',
  'GET /cdn/*',
  'GET /inbox',
  'GET /inbox/',
  'GET /inbox/login',
  'POST /inbox/login',
  'GET /inbox/invite',
  'POST /inbox/invite',
  'GET /inbox/app.js',
  'GET /inbox/inbox.css',
  'GET /api/v1/docs',
  'GET /api/v1/docs/before.js',
  'GET /api/v1/docs/scalar.js',
  'GET /api/v1/docs/start.js',
]);

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }>;
};

let server: TestServer;
let document: any;
before(async () => {
  server = await startTestServer();
  document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
after(() => server.stop());

const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );

describe('the OpenAPI document', () => {
  it('answers a health check', async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    assert.deepEqual([response.status, await response.json()], [200, { ok: true }]);
  });

  it('answers /healthz with the schema version, and 503 once the database is gone', async () => {
    const own = await startTestServer();
    try {
      const ready = await fetch(`${own.url}/healthz`);
      assert.equal(ready.status, 200);
      assert.equal(ready.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await ready.json(), { ok: true, database: 'ok', schemaVersion: await own.storage.schemaVersion() });
      await own.storage.close();
      const gone = await fetch(`${own.url}/healthz`);
      assert.deepEqual([gone.status, await gone.json()], [503, { ok: false, database: 'unreachable' }]);
    } finally {
      await own.stop().catch(() => undefined);
    }
  });

  it('is OpenAPI 3.1 for this server, readable from any origin, with the schemas the server validates with', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`, { headers: { origin: 'https://elsewhere.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(document.openapi, '3.1.0');
    assert.equal(document.servers[0].url, server.url.replace('localhost', '127.0.0.1'));
    const schemas = document.components.schemas;
    // Generated, not hand-written: nested schemas are components, with core's constraints.
    assert.deepEqual(schemas.ReviewPage.properties.reviews.items, { $ref: '#/components/schemas/Review' });
    assert.equal(schemas.Review.properties.rating.maximum, 5);
    assert.equal(schemas.ReviewDraft.properties.photos.maxItems, 5);
    assert.equal(schemas.OutgoingMessage.properties.clientId.maxLength, 128);
    assert.deepEqual(
      schemas.LoyaltyMember.oneOf.map((variant: { properties: { status: { const: string } } }) => variant.properties.status.const),
      ['guest', 'member'],
    );
    // The review sort is listed once, from the schema the route checks it with.
    const list = document.paths['/api/v1/products/{productId}/reviews'].get;
    assert.deepEqual(list.parameters.find((p: { name: string }) => p.name === 'sort').schema.enum, [
      'newest',
      'highest',
      'lowest',
      'helpful',
      'media-first',
    ]);
  });

  it('describes every operation: id, summary, tags, security, and errors as the JSON error shape', () => {
    const schemes = Object.keys(document.components.securitySchemes);
    assert.deepEqual(schemes.sort(), [
      'csrfToken',
      'customerId',
      'customerSignature',
      'inboxSession',
      'shopKey',
      'shopSecret',
      'webhookSignature',
    ]);
    const ids = new Set<string>();
    for (const { path, method, operation } of operations()) {
      const name = `${method.toUpperCase()} ${path}`;
      assert.ok(operation.operationId && !ids.has(operation.operationId), `${name} has a unique operationId`);
      ids.add(operation.operationId);
      assert.ok(operation.summary, `${name} has a summary`);
      assert.ok(operation.tags?.length, `${name} has a tag`);
      assert.ok(Array.isArray(operation.security), `${name} declares its security`);
      for (const requirement of operation.security as Array<Record<string, unknown>>) {
        for (const scheme of Object.keys(requirement)) assert.ok(schemes.includes(scheme), `${name}: ${scheme} is declared`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('4')) continue;
        const resolved = response.$ref ? document.components.responses[response.$ref.split('/').pop()!] : response;
        assert.deepEqual(resolved.content['application/json'].schema, { $ref: '#/components/schemas/Error' }, `${name} ${status}`);
      }
    }
    const stream = document.paths['/api/v1/chat/conversations/{conversationId}/events'].get.responses['200'];
    assert.deepEqual(stream.content['text/event-stream'].schema, { $ref: '#/components/schemas/ChatEvent' });
    assert.match(stream.description, /`message`, `typing`, `status`, `read`/);
    // Admin needs the shop's secret, a webhook the body's signature; the inbox's writes its CSRF token.
    assert.deepEqual(document.paths['/api/v1/admin/loyalty/points'].post.security, [{ shopKey: [], shopSecret: [] }]);
    assert.deepEqual(document.paths['/api/v1/webhooks/orders'].post.security, [{ shopKey: [], webhookSignature: [] }]);
    assert.deepEqual(document.paths['/inbox/api/me/availability'].put.security, [{ inboxSession: [], csrfToken: [] }]);
    // Every reference resolves.
    for (const [, section, name] of JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)) {
      assert.ok(document.components[section!][name!], `#/components/${section}/${name} resolves`);
    }
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: `${server.url}/api/v1/openapi.json`, config });
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    const line = (problem: (typeof problems)[number]) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`;
    console.log(
      `Redocly recommended: ${errors.length} errors, ${warnings.length} warnings${warnings.map((w) => `\n  warning ${line(w)}`).join('')}`,
    );
    assert.deepEqual(errors.map(line), []);
  });

  it('lists every route the app registers, except pages and files', () => {
    const { app } = createApi(server.deps);
    const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    const missing = app.routes
      // Middleware (`use`) is registered for every method.
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !NOT_API.has(route))
      .filter((route) => !documented.has(route.replace(/:([^/]+)/g, '{$1}')));
    assert.deepEqual(missing, [], 'routes without an entry in the document');
  });
});

/** A client written against the generated types: if the document and the server disagree, it does not compile or fails here. */
const CLIENT = `
import type { paths } from './api';

type Method = 'get' | 'post' | 'put';
type OperationOf<P extends keyof paths, M extends Method> = Exclude<paths[P][M], undefined>;
type WithMethod<M extends Method> = { [P in keyof paths]: [Exclude<paths[P][M], undefined>] extends [never] ? never : P }[keyof paths];
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<O> = O extends { responses: infer R } ? { [S in keyof R]: S extends 200 | 201 ? Json<R[S]> : never }[keyof R] : never;
type Part<O, K extends string> = O extends { parameters: { [key in K]?: infer V } } ? ([V] extends [undefined] ? never : V) : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
interface Options<O> {
  path?: Part<O, 'path'>;
  query?: Part<O, 'query'>;
  body?: Body<O>;
}

export function client(base: string, shop: string) {
  return async function call<M extends Method, P extends WithMethod<M>>(method: M, path: P, options: Options<OperationOf<P, M>> = {}): Promise<Success<OperationOf<P, M>>> {
    const filled = String(path).replace(/\\{(\\w+)\\}/g, (_, name: string) => encodeURIComponent(String((options.path as Record<string, unknown>)[name])));
    const url = new URL(base + filled);
    url.searchParams.set('shop', shop);
    for (const [key, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) url.searchParams.set(key, String(value));
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers: { 'content-type': 'application/json', 'x-shopfront-visitor': 'typed-client-visitor' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) throw new Error(method + ' ' + filled + ': ' + response.status + ' ' + (await response.text()));
    return (await response.json()) as Success<OperationOf<P, M>>;
  };
}

export async function run(base: string, shop: string) {
  const call = client(base, shop);
  const summary = await call('get', '/api/v1/products/{productId}/reviews/summary', { path: { productId: 'prod-1' } });
  const fiveStars: number = summary.histogram[5];
  const page = await call('get', '/api/v1/products/{productId}/reviews', { path: { productId: 'prod-1' }, query: { sort: 'highest', limit: 3 } });
  const author: string = page.reviews[0]!.authorName;
  // @ts-expect-error: the document allows only its sorts
  void (() => call('get', '/api/v1/products/{productId}/reviews', { path: { productId: 'prod-1' }, query: { sort: 'random' } }));
  const conversation = await call('post', '/api/v1/chat/conversations', { body: { name: 'Typed client' } });
  const message = await call('post', '/api/v1/chat/conversations/{conversationId}/messages', {
    path: { conversationId: conversation.id },
    body: { clientId: 'typed-client-1', body: 'Hello from a generated client' },
  });
  const seq: number = message.seq;
  const member = await call('get', '/api/v1/loyalty/member');
  const status: 'guest' | 'member' = member.status;
  const products = await call('get', '/api/v1/products', { query: { ids: ['prod-1', 'prod-2'] } });
  return { fiveStars, author, seq, status, count: page.reviews.length, products: products.products.length };
}
`;

describe('a client generated from the document', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'shopfront-typed-client-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('compiles with strict types and talks to the running server', async () => {
    await writeFile(join(dir, 'api.ts'), astToString(await openapiTS(document)));
    await writeFile(join(dir, 'client.ts'), CLIENT);
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diagnostics, []);

    const { run } = (await import(join(dir, 'client.ts'))) as { run: (base: string, shop: string) => Promise<Record<string, unknown>> };
    const result = await run(server.url, 'pk_demo');
    assert.equal(typeof result.fiveStars, 'number');
    assert.equal(typeof result.author, 'string');
    assert.deepEqual([result.seq, result.status, result.count, result.products], [1, 'guest', 3, 2]);
  });
});
