// Browser tests: real headless Chromium (Debian's), against the TypeScript sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { createServer } from 'node:net';
import { shopfrontServerPlugin } from './packages/server/testing/wtr-plugin.mjs';
import { CHROMIUM_ARGS } from './bench/lib/browser.mjs';

/**
 * `/__bundle/<source path>` serves that entry bundled with all its dependencies:
 * a second, independent copy of Shopfront (and Lit), as a page that loads the
 * script twice would have.
 */
const bundlePlugin = {
  name: 'shopfront-bundle',
  async serve(context) {
    if (!context.path.startsWith('/__bundle/')) return undefined;
    const result = await build({
      entryPoints: [context.path.slice('/__bundle/'.length)],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      conditions: ['source'],
      tsconfig: 'tsconfig.json',
      define: { __SHOPFRONT_VERSION__: JSON.stringify(context.URL.searchParams.get('version') ?? '0.0.0-copy') },
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/** A free port, so several test runs can share a machine. */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  port: Number(process.env.WTR_PORT) || (await freePort()),
  files: ['packages/*/test/**/*.test.ts', 'test/browser/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  // shopfrontServerPlugin: the real server for end-to-end tests (test/helpers/server.ts), started on first use.
  plugins: [bundlePlugin, shopfrontServerPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromium,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 20 * 60 * 1000,
};
