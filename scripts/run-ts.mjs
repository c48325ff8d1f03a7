#!/usr/bin/env node
// Runs a TypeScript entry point with tsx under the `react-server` export condition, so modules
// fenced with `import 'server-only'` load outside Next.js (the CLI, benchmarks, engine tests).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs ENTRY.ts [ARGS...]');
  process.exit(2);
}
const tsx = require.resolve('tsx');
const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', tsx, entry, ...args], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
