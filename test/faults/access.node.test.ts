/**
 * Who may call what, for every operation the OpenAPI document lists (its right
 * request made by test/bad-input/openapi-cases.ts, then one thing taken away):
 * the inbox refuses a request without a session, a write without its CSRF token
 * or from another site, and an agent of another shop (who gets a 404 where the
 * shop's own agent succeeds); every shop operation refuses an origin the shop
 * does not allow (403, no CORS header), preflights included; and every
 * rate-limited write answers 429 with `Retry-After` past its budget.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALLOWED_ORIGIN, startTestServer, type TestServer } from '../../packages/server/test/helpers.js';
import { agentSession } from '../../packages/server/test/inbox-session.js';
import { recordFigures } from '../helpers/figures.js';
import { demoShopContext } from '../bad-input/demo-context.js';
import {
  documentedOperations,
  type BadRequest,
  type Context,
  type Document,
  type DocumentedOperation,
} from '../bad-input/openapi-cases.js';
import { send, type Answer } from '../bad-input/send.js';

const OTHER_AGENT = { email: 'other-shop@example.com', password: 'other-shop-password' };
const EVIL = 'https://evil.example';

let server: TestServer;
let configDir: string;
let context: Context;
let operations: DocumentedOperation[];
/** Every request checked, and what broke the rule: for the figures. */
const tally = { cases: 0, failed: 0, failures: [] as string[], serverErrors: 0 };

before(async () => {
  // A second shop with its own agent, who must never reach the demo shop's conversations or reviews.
  configDir = await mkdtemp(join(tmpdir(), 'shopfront-access-'));
  const config = join(configDir, 'shops.json');
  await writeFile(
    config,
    JSON.stringify({
      shops: [
        { key: 'pk_other', secret: 'other-shop-secret-0123', name: 'Other shop', origins: [], agents: [{ ...OTHER_AGENT, name: 'Otto' }] },
      ],
    }),
  );
  server = await startTestServer({ shopConfigFile: config });
  context = await demoShopContext(server.url);
  const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Document;
  operations = documentedOperations(document, context);
});

after(async () => {
  recordFigures({
    suite: 'Access (inbox, shops, CSRF, CORS, 429)',
    cases: tally.cases,
    failures: tally.failed,
    serverErrors: tally.serverErrors,
  });
  await server.stop();
  await rm(configDir, { recursive: true, force: true });
});

/** Sends a request and checks its answer with `rule` (a reason when broken); counts both. */
async function check(request: BadRequest, rule: (answer: Answer) => string | undefined, base = server.url): Promise<Answer> {
  const answer = await send(base, request);
  tally.cases++;
  if (answer.status >= 500) tally.serverErrors++;
  const why = answer.status >= 500 ? `${answer.status}: ${answer.text.slice(0, 200)}` : rule(answer);
  if (why) tally.failed++;
  if (why) tally.failures.push(`${request.method} ${request.url} [${request.operation}]: ${why}`);
  return answer;
}

const status =
  (...expected: number[]) =>
  (answer: Answer) =>
    expected.includes(answer.status) ? undefined : `${answer.status} instead of ${expected.join(' or ')}: ${answer.text.slice(0, 160)}`;

/** Failures so far, then cleared: each test reports its own. */
const failuresOfThisTest = () => tally.failures.splice(0).slice(0, 15);

const inbox = () => operations.filter((operation) => operation.schemes.has('inboxSession'));
const isWrite = (operation: DocumentedOperation) => operation.method !== 'get';

describe('the inbox', () => {
  it('refuses every operation without a session, or with a forged one (401)', async () => {
    for (const operation of inbox()) {
      await check(
        operation.request((draft) => delete draft.headers.cookie),
        status(401),
      );
      await check(
        operation.request((draft) => void (draft.headers.cookie = 'sf_inbox=forged')),
        status(401),
      );
    }
    assert.deepEqual(failuresOfThisTest(), []);
  });

  it('refuses every write without its CSRF token, with a forged one, or from another site (403)', async () => {
    const changes: Array<(headers: Record<string, string>) => void> = [
      (headers) => delete headers['x-csrf-token'],
      (headers) => void (headers['x-csrf-token'] = 'forged'),
      (headers) => void (headers.origin = EVIL),
      (headers) => void (headers['sec-fetch-site'] = 'cross-site'),
    ];
    for (const operation of inbox().filter(isWrite)) {
      for (const change of changes)
        await check(
          operation.request((draft) => change(draft.headers)),
          status(403),
        );
    }
    assert.deepEqual(failuresOfThisTest(), []);
  });

  it("gives another shop's agent nothing of this shop's, where this shop's agent succeeds", async () => {
    const other = await agentSession(server, OTHER_AGENT);
    const asOther = (request: BadRequest): BadRequest => ({
      ...request,
      headers: { ...request.headers, cookie: other.cookie, 'x-csrf-token': other.csrf },
    });
    const named = inbox().filter((operation) => /\{(conversationId|reviewId)\}/.test(operation.path) && !operation.stream);
    for (const operation of named) {
      const request = operation.request();
      await check(asOther(request), status(404, 403));
      // The same request is right for the shop's own agent: the refusal is the shop's, not the input's.
      await check(request, (answer) => (answer.status < 300 ? undefined : `${answer.status} for the shop's own agent: ${answer.text}`));
    }
    const lists = inbox().filter((operation) => !isWrite(operation) && !operation.stream && !operation.path.includes('{'));
    for (const operation of lists) {
      await check(asOther(operation.request()), (answer) =>
        answer.status !== 200
          ? `${answer.status}`
          : [context.ids.conversationId!, context.ids.reviewId!].find((id) => answer.text.includes(id)) && 'lists the demo shop’s data',
      );
    }
    assert.ok(named.length >= 7, `${named.length} inbox operations name a conversation or a review`);
    assert.deepEqual(failuresOfThisTest(), []);
  });
});

describe('CORS', () => {
  const shopOperations = () => operations.filter((operation) => operation.schemes.has('shopKey'));

  it('refuses an origin the shop does not allow on every shop operation: 403 and no Access-Control-Allow-Origin', async () => {
    for (const operation of shopOperations()) {
      await check(
        operation.request((draft) => void (draft.headers.origin = EVIL)),
        (answer) =>
          status(403)(answer) ?? (answer.headers.has('access-control-allow-origin') ? 'sent Access-Control-Allow-Origin' : undefined),
      );
    }
    assert.deepEqual(failuresOfThisTest(), []);
  });

  it("answers preflights for the shop's own origin only", async () => {
    for (const path of new Set(shopOperations().map((operation) => operation.request().url))) {
      for (const [origin, expected] of [
        [EVIL, 403],
        [ALLOWED_ORIGIN, 204],
      ] as const) {
        await check(
          {
            operation: `OPTIONS ${path}`,
            rule: `preflight from ${origin}`,
            method: 'OPTIONS',
            url: path,
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
            expect: '4xx',
          },
          (answer) =>
            status(expected)(answer) ??
            (expected === 204 && answer.headers.get('access-control-allow-origin') !== origin
              ? 'no allow header for the shop’s origin'
              : undefined),
        );
      }
    }
    assert.deepEqual(failuresOfThisTest(), []);
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  before(async () => (limited = await startTestServer({ rateLimits: { writesPerVisitor: 2, writesPerIp: 10_000, windowMs: 60_000 } })));
  after(() => limited.stop());

  it('answer every rate-limited write past its budget with 429 and a Retry-After in seconds', async () => {
    const writes = operations.filter((operation) => operation.statuses.has('429'));
    assert.ok(writes.length >= 6, `${writes.length} rate-limited operations`);
    for (const operation of writes) {
      const visitor = await limited.visitor();
      const request = operation.request((draft) => void (draft.headers['x-shopfront-visitor'] = visitor));
      // The budget counts before anything else is checked, so what the first two answer does not matter.
      await send(limited.url, request);
      await send(limited.url, request);
      await check(
        request,
        (answer) => {
          const retryAfter = Number(answer.headers.get('retry-after'));
          if (answer.status !== 429) return `${answer.status} instead of 429`;
          return Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60
            ? undefined
            : `Retry-After ${answer.headers.get('retry-after')}`;
        },
        limited.url,
      );
    }
    assert.deepEqual(failuresOfThisTest(), []);
  });
});
