/**
 * The server process the chat chaos suite kills and restarts: src/main.ts's
 * settings from the environment, but with the demo shop's chat always within
 * business hours (as the browser tests' server is), so the widget shows its
 * composer whatever the hour the suite runs at. No environment variable sets
 * that, so this small entry does, and prints `on <url>` as main.ts does.
 */
import { configFromEnv, startServer } from '../../packages/server/src/index.js';

const options = configFromEnv();
const server = await startServer({ ...options, demo: options.demo === false ? false : { ...options.demo, alwaysOpen: true } });
console.log(`Shopfront chaos server on ${server.url}`);

// SIGTERM closes cleanly (the suite's last stop, before it reads the database); SIGKILL is the crash.
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
