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
