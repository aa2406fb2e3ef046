/**
 * `npm start` runs this: the server with settings from the environment, the
 * URLs to open, how to log in to the inbox, and a clean stop on SIGTERM/SIGINT.
 */
import { configFromEnv, resolveConfig, type ServerOptions } from './config.js';
import { redactedSmtpUrl } from './email/transport.js';
import { startServer, type RunningServer } from './server.js';
import { startupErrorMessage } from './startup-errors.js';

/** Prints a known start-up failure as one line and exits 1; an unknown one keeps its stack, which is then worth reading. */
function stopOnStartupError(error: unknown, options: ServerOptions): never {
  const message = startupErrorMessage(error, resolveConfig(options));
  console.error(message === undefined ? error : `Shopfront: ${message}`);
  process.exit(1);
}

let options: ServerOptions = {};
let server: RunningServer;
try {
  options = configFromEnv();
  server = await startServer(options);
} catch (error) {
  stopOnStartupError(error, options);
}
const shown = server.config.publicUrl ?? server.url;
const lines = [``, `Shopfront server on ${shown}`];
if (server.config.demo !== false) {
  lines.push(`  Demo shop:   ${shown}/`, `  Signed in:   ${shown}/account`);
}
lines.push(`  Inbox:       ${shown}/inbox`, `  API:         ${shown}/api/v1/docs (document: /api/v1/openapi.json)`);
if (server.login) lines.push(`  Inbox login: ${server.login.email} / ${server.login.password}`);
lines.push(`  Database:    ${server.storage.description}`);
lines.push(
  server.config.smtpUrl
    ? `  Email:       sent through ${redactedSmtpUrl(server.config.smtpUrl)}`
    : `  Email:       not sent (no SHOPFRONT_SMTP_URL): kept in the inbox's Outbox tab`,
  ``,
);
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing event streams and the database…`);
    server.close().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
