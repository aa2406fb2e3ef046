#!/usr/bin/env node
// `npm test`: builds (the demo shop's end-to-end tests and the size budgets use
// the CDN build), checks the size budgets, runs the Node tests (server, demo
// shop, Storybook), the server's tests again on a real PostgreSQL that this run
// starts and removes (scripts/postgres.mjs), then every browser test in
// Chromium. Ends with one line
// counting everything, `N passed, N failed`, and exits non-zero if anything
// failed.
import { spawn } from 'node:child_process';
import { startPostgres } from './postgres.mjs';

/** Runs a command, streaming its output, and returns its exit code and text. */
function run(args, { quiet = false, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'], env: env && { ...process.env, ...env } });
    let text = '';
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        text += chunk;
        if (!quiet) target.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

const last = (text, pattern) => [...text.matchAll(pattern)].at(-1);

console.log('Building…');
const build = await run(['node_modules/rollup/dist/bin/rollup', '-c'], { quiet: true });
if (build.code !== 0) {
  console.error(build.text);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const size = await run(['scripts/size.mjs']);

const node = await run(['scripts/test-node.mjs']);
const nodePassed = Number(last(node.text, /ℹ pass (\d+)/g)?.[1] ?? 0);
const nodeFailed = Number(last(node.text, /ℹ fail (\d+)/g)?.[1] ?? (node.code ? 1 : 0));

// The server on PostgreSQL: the same tests, each on a fresh database in this cluster (test/database.ts).
// A machine without PostgreSQL skips this half and says why; CI (SHOPFRONT_REQUIRE_POSTGRES=1, set by
// .ci/run, which installs it) counts a cluster that does not start as a failure.
let postgres = { code: 1, passed: 0, failed: 1 };
let cluster;
try {
  cluster = await startPostgres();
} catch (error) {
  if (process.env.SHOPFRONT_REQUIRE_POSTGRES === '1') console.error(`Server tests on PostgreSQL could not run: ${error.message}`);
  else {
    console.log(`\nServer tests on PostgreSQL SKIPPED: ${error.message}.`);
    postgres = { code: 0, passed: 0, failed: 0, skipped: true };
  }
}
if (cluster) {
  try {
    console.log(`\nServer tests on PostgreSQL (${cluster.url})…`);
    const result = await run(['scripts/test-node.mjs', '--server'], { env: { SHOPFRONT_TEST_DATABASE_URL: cluster.url } });
    postgres = {
      code: result.code,
      passed: Number(last(result.text, /ℹ pass (\d+)/g)?.[1] ?? 0),
      failed: Number(last(result.text, /ℹ fail (\d+)/g)?.[1] ?? (result.code ? 1 : 0)),
    };
  } finally {
    cluster.stop();
  }
}

const browser = await run(['node_modules/@web/test-runner/dist/bin.js']);
const counts = last(browser.text, /(\d+) passed, (\d+) failed/g);
const browserPassed = Number(counts?.[1] ?? 0);
const browserFailed = Number(counts?.[2] ?? (browser.code ? 1 : 0));

const sizePassed = size.code === 0 ? 1 : 0;
console.log(
  `\nSize budgets: ${size.code === 0 ? 'within' : 'OVER'}. Node: ${nodePassed} passed, ${nodeFailed} failed. ` +
    `PostgreSQL: ${postgres.skipped ? 'skipped (not installed)' : `${postgres.passed} passed, ${postgres.failed} failed`}. Chromium: ${browserPassed} passed, ${browserFailed} failed.`,
);
const passed = nodePassed + postgres.passed + browserPassed + sizePassed;
const failed = nodeFailed + postgres.failed + browserFailed + (1 - sizePassed);
console.log(`${passed} passed, ${failed} failed`);
process.exit(size.code || node.code || postgres.code || browser.code);
