/**
 * Every 4xx says why: for a table of bad inputs (`bad-inputs.ts`), the status,
 * the field named, and a message that states the rule — never zod's bare
 * "Invalid input".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BAD_INPUTS, type BadInput } from './bad-inputs.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let conversation: string;
before(async () => {
  server = await startTestServer();
  conversation = (await server.json('/chat/conversations', { method: 'POST', body: '{}' })).body.id;
});
after(() => server.stop());

/** Sends one bad input; the answer's status and error. */
export async function send(target: TestServer, input: BadInput, conversationId: string) {
  const body = input.form
    ? input.form()
    : typeof input.body === 'string'
      ? input.body
      : input.body === undefined
        ? undefined
        : JSON.stringify(input.body);
  const response = await target.api(input.path.replace('{conversation}', conversationId), {
    method: input.method ?? 'GET',
    headers: { ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}), ...input.headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    error: JSON.parse(text).error as { message: string; field?: string },
  };
}

describe('errors that say why', () => {
  for (const input of BAD_INPUTS) {
    it(`${input.name}: ${input.status} ${input.field}`, async () => {
      const answer = await send(server, input, conversation);
      assert.deepEqual(
        { status: answer.status, field: answer.error.field, message: answer.error.message },
        { status: input.status, field: input.field, message: input.message },
      );
      assert.match(answer.type ?? '', /^application\/json/);
      assert.doesNotMatch(answer.error.message, /Invalid input/);
    });
  }
});

describe('a refused body', () => {
  // Refused on its length or its credentials, the body may be unread and still arriving; the server then
  // drops the connection, and a client that reused it lost its next request ("other side closed").
  for (const [name, init] of [
    ['over the size limit', { body: JSON.stringify({ email: 'a@example.com', message: 'm'.repeat(100_000) }) }],
    ['from an origin the shop does not allow', { body: '{}', headers: { origin: 'https://evil.example' } }],
  ] as const) {
    it(`${name}: answers with Connection: close, so the client does not reuse the connection`, async () => {
      const response = await server.api('/chat/email', { method: 'POST', ...init });
      assert.ok(response.status === 413 || response.status === 403, String(response.status));
      assert.equal(response.headers.get('connection'), 'close');
      await response.body?.cancel();
    });
  }

  it('a right request keeps its connection', async () => {
    const response = await server.api('/chat/email', { method: 'POST', body: JSON.stringify({ email: 'a@example.com', message: 'Hi' }) });
    assert.equal(response.status, 201);
    assert.notEqual(response.headers.get('connection'), 'close');
  });
});
