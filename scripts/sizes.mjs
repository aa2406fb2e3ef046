// Raw and gzip sizes of built files, printed as a table: used by the build and by
// the size budgets.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const gzipSize = (content) => gzipSync(content, { level: 9 }).length;

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/** rows: [{ name, raw, gzip, budget? }] */
export function printTable(title, rows) {
  const width = Math.max(4, ...rows.map((row) => row.name.length));
  const line = (name, raw, gzip, extra = '') => `${name.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}${extra}`;
  console.log(`\n${title}`);
  console.log(line('file', 'raw', 'gzip', rows.some((r) => r.budget) ? '      budget' : ''));
  for (const row of rows) {
    const budget = row.budget ? `  ${kb(row.budget).padStart(10)} ${row.gzip > row.budget ? 'OVER' : 'ok'}` : '';
    console.log(line(row.name, kb(row.raw), kb(row.gzip), budget));
  }
}

export function measureFile(path, name = path) {
  const content = readFileSync(path);
  return { name, raw: content.length, gzip: gzipSize(content) };
}

/** A rollup plugin that prints the size of every JavaScript file it wrote. */
export function sizeReport(title) {
  return {
    name: 'size-report',
    writeBundle(options, bundle) {
      const rows = Object.values(bundle)
        .filter((file) => file.fileName.endsWith('.js'))
        .map((file) => {
          const content = file.type === 'chunk' ? file.code : file.source;
          return { name: file.fileName, raw: Buffer.byteLength(content), gzip: gzipSize(content) };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      printTable(`${title} (${options.dir})`, rows);
    },
  };
}
