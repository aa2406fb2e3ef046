/**
 * `npm start`'s entry point (src/main.ts) as its own process, the way an
 * operator runs it: a crash, an uncaught throw or a hang is the process's, not
 * the test runner's, and shows as an exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const mainModule = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Whether it is still running. */
  running(): boolean;
  /** SIGTERM (main.ts closes cleanly on it); resolves with the exit code and everything it printed. */
  stop(): Promise<{ code: number | null; output: string }>;
}

/** This process's environment without any setting of ours, so the developer's own cannot leak in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SHOPFRONT_') && !['PORT', 'HOST', 'DATABASE_URL'].includes(name)),
  );
}

/**
 * Starts the server on a free local port with `env` on top; resolves once it
 * listens. `preload` modules run first in the same process (`--import`), for
 * probes that watch the server from inside without changing it. `entry`
 * replaces src/main.ts with another script that starts the server and prints
 * `on <url>` as main.ts does (one that sets an option no variable sets).
 */
export function startServerProcess(
  env: Record<string, string>,
  { preload = [] as string[], entry = mainModule } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', ...preload.flatMap((module) => ['--import', module]), entry],
    { cwd: repositoryRoot, env: { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let exit: Promise<number | null> | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      resolve({
        url: match[1]!,
        child,
        output: () => output,
        running,
        async stop() {
          if (running()) child.kill('SIGTERM');
          exit ??= exited;
          return { code: await exit, output };
        },
      });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before listening: ${output}`)));
  });
}
