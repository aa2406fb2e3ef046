#!/usr/bin/env node
// Node tests (`packages/*/test/**/*.node.test.ts`, `test/node/**/*.test.ts`, and the
// reliability suites' `test/faults/**/*.node.test.ts`, `test/bad-input/**/*.node.test.ts`) with
// node:test, TypeScript through tsx, workspace packages resolved to their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, String(file)))
    .filter((file) => pattern.test(file) && !file.includes('node_modules'));
}

// `--server`: only the server's tests (the PostgreSQL pass of `npm test`).
const serverOnly = process.argv.includes('--server');
const files = (
  serverOnly
    ? find(join('packages', 'server', 'test'), /\.node\.test\.ts$/)
    : [
        ...readdirSync('packages').flatMap((name) => find(join('packages', name, 'test'), /\.node\.test\.ts$/)),
        ...find(join('test', 'node'), /\.test\.ts$/),
        ...find(join('test', 'faults'), /\.node\.test\.ts$/),
        ...find(join('test', 'bad-input'), /\.node\.test\.ts$/),
      ]
).sort();

if (files.length === 0) {
  console.log('No Node tests.');
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=1',
    // Each file's process exits once its tests and hooks are done, even if a handle is left open:
    // a socket Node failed to close once kept one spinning at exit until CI's time ran out.
    '--test-force-exit',
    ...process.argv.slice(2).filter((arg) => arg !== '--server'),
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
