// Shared first step of `npm start` and `npm test`: make sure dependencies are installed, then hand
// over to a TypeScript entry point (which can then use lib/ and lib/testbed/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function installed() {
  const lock = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(lock)) return false;
  // A lockfile newer than the install means package.json changed since: install again.
  return fs.statSync(lock).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs
    && fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'));
}

export function ensureDependencies() {
  if (installed()) return;
  console.error('layerlens: installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('layerlens: `npm ci` failed; see the output above.');
    process.exit(r.status ?? 1);
  }
}

export function runTs(entry, args = []) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-ts.mjs'), entry, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status ?? 1;
}
