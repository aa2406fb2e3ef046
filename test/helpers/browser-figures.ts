/** A browser suite's counts for `npm run test:figures`, written by the test runner (figures-plugin.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Figures } from './figures.js';

export async function recordFigures(figures: Figures): Promise<void> {
  await executeServerCommand('record-figures', figures);
}
