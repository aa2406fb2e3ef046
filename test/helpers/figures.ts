/**
 * The counts a reliability suite reports for `npm run test:figures`
 * (scripts/test-figures.mjs): one JSON line per suite, appended to the file
 * that script names in `SHOPFRONT_FIGURES_FILE`. Without it (a plain `npm
 * test`) nothing is written: the suites still pass or fail on their own.
 */
import { appendFileSync } from 'node:fs';

export interface Figures {
  suite: string;
  /** Inputs, requests or payloads tried. */
  cases: number;
  /** Cases that broke the suite's rule (each also fails the test). */
  failures: number;
  /** Writes acknowledged but missing afterwards. */
  lost?: number;
  /** Writes stored more than once. */
  duplicated?: number;
  /** Answers with a 5xx status. */
  serverErrors?: number;
}

export function recordFigures(figures: Figures): void {
  const file = process.env.SHOPFRONT_FIGURES_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}
