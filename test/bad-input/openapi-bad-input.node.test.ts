/**
 * 10,000 bad requests, generated with fast-check from the server's own OpenAPI
 * document (openapi-cases.ts), against `npm start`'s server as a process on
 * SQLite: each answers a 4xx with a JSON error naming the field at fault, none
 * a 5xx; the process is still up and answering afterwards, no prototype grew a
 * property, and the database and the media folder hold exactly what they held
 * before (every request was refused, so nothing may have been written).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { AGENT, SECRET, SHOP } from '../../packages/server/test/helpers.js';
import { startServerProcess, type ServerProcess } from '../../packages/server/test/server-process.js';
import { recordFigures } from '../helpers/figures.js';
import { badRequests, type BadRequest, type Context, type Document } from './openapi-cases.js';
import { databaseSnapshot, differences } from './database-snapshot.js';
import { demoShopContext } from './demo-context.js';
import { send, type Answer } from './send.js';
import { TRAVERSALS } from './wire-values.js';

const CASES = 10_000;
const SEED = Number(process.env.SHOPFRONT_FUZZ_SEED ?? 20_261_203);
/** Requests in flight at once: enough to keep the server busy on two cores. */
const IN_FLIGHT = 8;
/** Files the server serves by name: reached with names that climb out of their folder, they must find nothing. */
const SERVED_FILES = [
  '/media/u/{}',
  '/media/r/r-1/{}',
  '/media/demo/photos/{}',
  '/media/demo/products/{}',
  '/cdn/{}',
  '/inbox/media/r/r-1/{}',
];

let server: ServerProcess;
let dataDir: string;
let context: Context;
let document: Document;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shopfront-bad-input-'));
  server = await startServerProcess(
    {
      SHOPFRONT_DATA_DIR: dataDir,
      SHOPFRONT_DEMO_SECRET: SECRET,
      SHOPFRONT_AGENT_EMAIL: AGENT.email,
      SHOPFRONT_AGENT_PASSWORD: AGENT.password,
      // The budgets would answer 429 long before 10,000 requests, hiding every other answer.
      SHOPFRONT_RATE_PER_VISITOR: '1000000000',
      SHOPFRONT_RATE_PER_IP: '1000000000',
    },
    { preload: [join(import.meta.dirname, 'prototype-probe.mjs')] },
  );
  document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Document;
  context = await demoShopContext(server.url);
});

after(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Why an answer breaks the rule for its request, or undefined when it keeps it. */
function fault(request: BadRequest, answer: Answer): string | undefined {
  if (answer.status === 0) return `no answer: ${answer.text}`;
  if (answer.status >= 500) return `${answer.status}: ${answer.text.slice(0, 200)}`;
  if (/root:x:0|SQLite format/.test(answer.text)) return 'answered with a file from outside its folder';
  if (request.expect === '4xx' && (answer.status < 400 || answer.status > 499)) return `${answer.status} instead of a 4xx`;
  if (answer.status < 400) return undefined;
  if (!/^application\/json\b/.test(answer.type)) return `a ${answer.status} as ${answer.type || 'no type'}, not JSON`;
  let error: { message?: unknown; field?: unknown } | undefined;
  try {
    error = (JSON.parse(answer.text) as { error?: typeof error }).error;
  } catch {
    return `a ${answer.status} whose body is not JSON`;
  }
  if (typeof error?.message !== 'string' || !error.message) return `a ${answer.status} without error.message`;
  if (/Invalid input/.test(error.message)) return `"${error.message}" does not say the rule`;
  if (typeof error.field !== 'string' || !error.field) return `a ${answer.status} naming no field: "${error.message}"`;
  return undefined;
}

/** Sends every request, `IN_FLIGHT` at a time; the answers in the same order. */
async function sendAll(requests: BadRequest[]): Promise<Answer[]> {
  const answers: Answer[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      answers[index] = await send(server.url, requests[index]!);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return answers;
}

describe('bad input generated from the OpenAPI document, against the server as a process', () => {
  it(`refuses ${CASES.toLocaleString('en')} bad requests with a 4xx naming the field, no 5xx, and writes nothing`, async () => {
    const database = join(dataDir, 'shopfront.db');
    const mediaBefore = await readdir(dataDir, { recursive: true });
    const before = databaseSnapshot(database);

    const served = fc
      .tuple(fc.constantFrom(...SERVED_FILES), fc.constantFrom(...TRAVERSALS), fc.boolean())
      .map(([route, name, encoded]): BadRequest => ({
        operation: `GET ${route}`,
        rule: `a served file named ${name}`,
        method: 'GET',
        url: route.replace('{}', encoded ? encodeURIComponent(name) : name.replaceAll('/', '%2f')),
        headers: context.inbox,
        expect: 'not-5xx',
      }));
    const requests = fc.sample(fc.oneof({ arbitrary: badRequests(document, context), weight: 19 }, { arbitrary: served, weight: 1 }), {
      numRuns: CASES,
      seed: SEED,
    });
    const answers = await sendAll(requests);

    const faults = requests
      .map((request, index) => ({ request, answer: answers[index]!, why: fault(request, answers[index]!) }))
      .filter(({ why }) => why !== undefined);
    const serverErrors = answers.filter((answer) => answer.status >= 500).length;
    const statuses = answers.reduce<Record<number, number>>(
      (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );
    console.log(`bad input (seed ${SEED}): ${requests.length} requests, answers by status ${JSON.stringify(statuses)}`);

    // Still up: the process runs and answers right requests as before.
    assert.ok(server.running(), `the server process exited:\n${server.output().slice(-2000)}`);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/products/prod-1/reviews/summary?shop=${SHOP}`)).status, 200);
    const { code, output } = await server.stop();
    const probe = /PROTOTYPE-PROBE (.*)/.exec(output)?.[1];

    recordFigures({ suite: 'Server bad input (OpenAPI)', cases: requests.length, failures: faults.length, serverErrors });
    const shown = faults
      .slice(0, 15)
      .map(
        ({ request, answer, why }) =>
          `${request.method} ${request.url.slice(0, 120)} [${request.operation}: ${request.rule.slice(0, 80)}] → ${why} (${answer.status})`,
      );
    assert.deepEqual(shown, [], `${faults.length} of ${requests.length} requests (seed ${SEED}) broke the rule`);
    assert.equal(code, 0, output.slice(-2000));
    assert.deepEqual(
      JSON.parse(probe ?? 'null'),
      { Object: [], Array: [], Function: [], String: [] },
      'properties added to built-in prototypes',
    );
    assert.deepEqual(differences(before, databaseSnapshot(database)), [], 'the database changed');
    assert.deepEqual(
      (await readdir(dataDir, { recursive: true })).filter((file) => !mediaBefore.includes(file) && !/shopfront\.db/.test(file)),
      [],
    );
  });
});
