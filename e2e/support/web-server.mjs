#!/usr/bin/env node
// The browser tests' webServer: `next build` unless a build newer than every source exists, then
// `next start` on the given port, bound to loopback. Output goes to Playwright's webServer log.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const port = process.argv[2];
const root = process.cwd();
const next = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'lib', 'public', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules') max = Math.max(max, newest(join(path, e)));
  return max;
}

const buildId = join(root, '.next', 'BUILD_ID');
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (built > sources && process.env.LAYERLENS_E2E_REBUILD !== '1') {
  console.log('[e2e] reusing the existing build (newer than every source)');
} else {
  const t = Date.now();
  const r = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`[e2e] next build took ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
// Each run starts from an empty database (globalSetup adds the test users), before the server opens it.
if (process.env.LAYERLENS_E2E_FRESH_DB === '1' && process.env.LAYERLENS_DB) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(process.env.LAYERLENS_DB + suffix, { force: true });
}
const server = spawn(process.execPath, [next, 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
