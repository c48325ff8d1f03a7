#!/usr/bin/env node
// The browser tests' webServer: `next build` unless a build newer than every source exists, then
// `next start` on the given port, bound to loopback. Output goes to Playwright's webServer log.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureBuild, nextBin } from '../../scripts/ensure-build.mjs';

const port = process.argv[2];
const root = process.cwd();
const next = nextBin(root);

const built = ensureBuild(root, { force: process.env.LAYERLENS_E2E_REBUILD === '1' });
console.log(built === 'reused' ? '[e2e] reusing the existing build (newer than every source)' : `[e2e] next build took ${(built / 1000).toFixed(1)} s`);
// Each run starts from an empty database (globalSetup adds the test users), before the server opens it.
if (process.env.LAYERLENS_E2E_FRESH_DB === '1' && process.env.LAYERLENS_DB) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(process.env.LAYERLENS_DB + suffix, { force: true });
}
const server = spawn(process.execPath, [next, 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
