// Browser tests: real headless Chromium (Debian's), against the TypeScript sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { createServer } from 'node:net';
import { shopfrontServerPlugin } from './packages/server/testing/wtr-plugin.mjs';
import { CHROMIUM_ARGS } from './bench/lib/browser.mjs';
import { fakeStorefront } from './packages/adapter-shopify/test/support/fake-storefront.mjs';
import { retryingImportsMiddleware } from './scripts/retrying-imports.mjs';
import { figuresPlugin } from './test/helpers/figures-plugin.mjs';
import { cutStreamMiddleware } from './test/helpers/cut-stream.mjs';

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

/**
 * `executeServerCommand('fail-next-fetch', { path })`: the next request of this
 * test page for a URL whose path ends with `path` answers 503, once. A lazy
 * part's fetch fails for real (the browser sees a failed module fetch), and
 * only in the page that asked, so tests running side by side are not touched.
 */
const failNextFetchPlugin = {
  name: 'shopfront-fail-next-fetch',
  async executeCommand({ command, payload, session }) {
    if (command !== 'fail-next-fetch') return undefined;
    const page = session.browser.getPage(session.id);
    await page.route(
      (url) => url.pathname.endsWith(payload.path),
      (route) => route.fulfill({ status: 503, body: '' }),
      { times: 1 },
    );
    return true;
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
  files: ['packages/*/test/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/faults/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  // A fake Shopify storefront on the page's own origin (app proxy, Ajax product JSON), for the Shopify adapter;
  // the CDN build's retrying dynamic imports (scripts/retrying-imports.mjs) on the sources as served;
  // and a proxy that cuts a chat event stream mid-event (test/helpers/cut-stream.mjs).
  middleware: [cutStreamMiddleware(), fakeStorefront(), retryingImportsMiddleware()],
  // shopfrontServerPlugin: the real server for end-to-end tests (test/helpers/server.ts), started on first use.
  plugins: [
    bundlePlugin,
    failNextFetchPlugin,
    figuresPlugin(),
    shopfrontServerPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
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
