#!/usr/bin/env node
// `npm test`: builds (the demo shop's end-to-end tests and the size budgets use
// the CDN build), checks the size budgets, runs the Node tests (server, demo
// shop, Storybook), then every browser test in Chromium. Ends with one line
// counting everything, `N passed, N failed`, and exits non-zero if anything
// failed.
import { spawn } from 'node:child_process';

/** Runs a command, streaming its output, and returns its exit code and text. */
function run(args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'] });
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

const browser = await run(['node_modules/@web/test-runner/dist/bin.js']);
const counts = last(browser.text, /(\d+) passed, (\d+) failed/g);
const browserPassed = Number(counts?.[1] ?? 0);
const browserFailed = Number(counts?.[2] ?? (browser.code ? 1 : 0));

const sizePassed = size.code === 0 ? 1 : 0;
console.log(
  `\nSize budgets: ${size.code === 0 ? 'within' : 'OVER'}. Node: ${nodePassed} passed, ${nodeFailed} failed. ` +
    `Chromium: ${browserPassed} passed, ${browserFailed} failed.`,
);
console.log(`${nodePassed + browserPassed + sizePassed} passed, ${nodeFailed + browserFailed + (1 - sizePassed)} failed`);
process.exit(size.code || node.code || browser.code);
