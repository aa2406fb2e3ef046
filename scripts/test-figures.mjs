#!/usr/bin/env node
// `npm run test:figures`: runs the reliability suites (test/bad-input and
// test/faults: Node's *.node.test.ts, then the Chromium ones) and prints one
// table of what they counted: cases tried, failures, writes lost or stored
// twice, 5xx answers. Each suite appends its counts as a JSON line to the file
// named by SHOPFRONT_FIGURES_FILE (test/helpers/figures.ts, browser-figures.ts).
// Exits non-zero if a suite failed or reported nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'shopfront-figures-'));
const file = join(dir, 'figures.jsonl');
const env = { ...process.env, SHOPFRONT_FIGURES_FILE: file };

const find = (folder, pattern) =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true })
        .map((name) => join(folder, String(name)))
        .filter((name) => pattern.test(name))
    : [];
const nodeSuites = [...find('test/bad-input', /\.node\.test\.ts$/), ...find('test/faults', /\.node\.test\.ts$/)].sort();
const browserSuites = find('test/faults', /\.test\.ts$/)
  .filter((name) => !name.endsWith('.node.test.ts'))
  .sort();

const run = (args) => spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status ?? 1;
const nodeStatus = run(['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=dot', '--test-concurrency=1', ...nodeSuites]);
const browserStatus = run(['node_modules/@web/test-runner/dist/bin.js', ...browserSuites]);

const rows = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

const columns = ['Suite', 'Cases tried', 'Failures', 'Lost', 'Duplicated', '5xx'];
const cell = (value) => (value === undefined ? '–' : value.toLocaleString('en'));
const table = rows.map((row) => [
  row.suite,
  cell(row.cases),
  cell(row.failures),
  cell(row.lost),
  cell(row.duplicated),
  cell(row.serverErrors),
]);
const total = (key) => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
table.push([
  'Total',
  cell(total('cases')),
  cell(total('failures')),
  cell(total('lost')),
  cell(total('duplicated')),
  cell(total('serverErrors')),
]);
const widths = columns.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join(' | ')} |`;
console.log(`\n${line(columns)}\n| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`);
for (const row of table) console.log(line(row));

const failed = nodeStatus !== 0 || browserStatus !== 0 || rows.length === 0 || total('failures') > 0;
if (failed) console.log(`\nA suite failed (Node ${nodeStatus}, Chromium ${browserStatus}) or reported nothing.`);
process.exit(failed ? 1 : 0);
