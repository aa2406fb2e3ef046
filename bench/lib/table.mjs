// Benchmark results as aligned plain-text tables.

/** `rows` are arrays of cells; numbers are right-aligned. */
export function printTable(title, headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? format(cell) : String(cell ?? ''))));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = headers.map((_, column) => rows.every((row) => typeof row[column] === 'number' || row[column] === undefined));
  const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

function format(value) {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

export const kb = (bytes) => Number((bytes / 1024).toFixed(2));
