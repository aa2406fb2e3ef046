// web-test-runner plugin: `executeServerCommand('record-figures', figures)` from a
// browser suite appends its counts to SHOPFRONT_FIGURES_FILE, as the Node suites
// do (test/helpers/figures.ts), for `npm run test:figures`.
import { appendFileSync } from 'node:fs';

export function figuresPlugin() {
  return {
    name: 'shopfront-record-figures',
    async executeCommand({ command, payload }) {
      if (command !== 'record-figures') return undefined;
      const file = process.env.SHOPFRONT_FIGURES_FILE;
      if (file) appendFileSync(file, `${JSON.stringify(payload)}\n`);
      return true;
    },
  };
}
