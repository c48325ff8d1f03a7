// `next build` unless a build newer than every source exists. Shared by `npm start`
// (scripts/serve.ts), the browser tests' web server and the UI benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['app', 'lib', 'public', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules') max = Math.max(max, newest(join(path, e)));
  return max;
}

/** The path of Next's CLI in this checkout. */
export const nextBin = (root) => join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Builds when the build is missing or older than a source (or `force`). Returns 'reused' or the
 * build time in ms; throws when the build fails (its output went to `stdio`).
 */
export function ensureBuild(root, { force = false, stdio = 'inherit' } = {}) {
  const buildId = join(root, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (!force && built > Math.max(...SOURCES.map((s) => newest(join(root, s))))) return 'reused';
  const t = Date.now();
  const r = spawnSync(process.execPath, [nextBin(root), 'build'], { cwd: root, stdio });
  if (r.status !== 0) throw new Error('next build failed; see its output above');
  return Date.now() - t;
}
