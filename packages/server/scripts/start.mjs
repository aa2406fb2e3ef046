#!/usr/bin/env node
// `npm start`: builds what is missing (the widgets' CDN build, when its sources
// exist but dist/cdn does not have them), rebuilds the server and the inbox script
// (a second with esbuild), then runs the server in this process so SIGTERM
// reaches it directly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInbox, buildServer, packageDir } from './build.mjs';

const root = resolve(packageDir, '..', '..');
const cdn = join(root, 'dist', 'cdn');
const loaderSource = join(root, 'packages', 'loader', 'src', 'index.ts');
const cdnMissing = !existsSync(join(cdn, 'core.js')) || (existsSync(loaderSource) && !existsSync(join(cdn, 'shopfront.js')));

if (cdnMissing) {
  console.log('Building the widgets (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.warn('The widget build failed: the demo shop will show without widgets.');
}

const [main] = await Promise.all([buildServer({ entry: 'main' }), buildInbox()]);
await import(pathToFileURL(main).href);
