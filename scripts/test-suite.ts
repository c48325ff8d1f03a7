/**
 * Everything `npm test` runs, in order, with one closing `N passed, N failed` line.
 *
 * Set-up: Debian packages, Docker 28.5 from sid (private folder), a loopback registry. The engine
 * suites start their own private engines (test/support/engines.ts), so nothing here touches
 * /var/run/docker.sock. Every process started is stopped by pid, also on failure or Ctrl-C.
 *
 * LAYERLENS_ENGINES=v20,v28,v28-c8d picks engines; LAYERLENS_SUITES=unit,engine,e2e picks suites.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { engineKindsFromEnv } from '../lib/testbed/engine';
import { ensureDebianPackages } from '../lib/testbed/packages';
import { startRegistry } from '../lib/testbed/registry';
import { ensureSidEngine } from '../lib/testbed/sid-engine';

type Env = Record<string, string | undefined>;
const root = path.resolve(__dirname, '..');
// LAYERLENS_TEST_DIR moves the test beds (engines, e2e database) out of the checkout, e.g. per worktree.
const work = path.resolve(process.env.LAYERLENS_TEST_DIR ?? path.join(root, '.layerlens', 'test'));
const suites = new Set((process.env.LAYERLENS_SUITES ?? 'static,unit,engine,e2e').split(','));
const totals = { passed: 0, failed: 0, skipped: 0 };
const log = (s: string) => process.stderr.write(`\n== ${s}\n`);

function run(cmd: string, args: string[], env: Env = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      process.stdout.write(b);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A whole command counts as one test: typecheck, lint. */
async function step(name: string, cmd: string, args: string[]): Promise<void> {
  log(name);
  const { code } = await run(cmd, args);
  if (code === 0) totals.passed++;
  else {
    totals.failed++;
    process.stderr.write(`FAILED: ${name}\n`);
  }
}

/** node:test with the TAP reporter; counts come from its closing `# pass` / `# fail` lines. */
async function nodeTests(name: string, files: string[], env: Env = {}): Promise<void> {
  log(`${name} (${files.length} files)`);
  if (files.length === 0) return;
  const { code, out } = await run(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=1', ...files],
    env,
  );
  const count = (k: string) => Number(out.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped');
  if (code !== 0 && count('fail') + count('cancelled') === 0) totals.failed++;
}

function findTests(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.name.endsWith(suffix)) out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

async function main(): Promise<void> {
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    while (cleanups.length > 0) await cleanups.pop()!().catch((e: unknown) => console.error(e));
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => void cleanup().then(() => process.exit(130)));
  }
  try {
    if (suites.has('static')) {
      await step('typecheck', process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.']);
      // eslint's package exports hide its bin script from require.resolve.
      await step('lint', process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings=0', '.']);
    }
    if (suites.has('unit')) await nodeTests('unit tests', findTests('lib', '.test.ts'));

    const needEngines = suites.has('engine') || suites.has('e2e');
    const kinds = engineKindsFromEnv();
    const env: Env = { LAYERLENS_TEST_DIR: work, LAYERLENS_ENGINES: kinds.join(',') };
    if (needEngines) {
      log('set-up: Debian packages, Docker 28.5 from sid, loopback registry');
      fs.mkdirSync(work, { recursive: true });
      await ensureDebianPackages(['docker.io', 'docker-registry', 'busybox-static', 'chromium']);
      if (kinds.some((k) => k !== 'v20')) await ensureSidEngine(path.join(root, '.layerlens', 'cache', 'sid'));
      const registry = await startRegistry({ dir: path.join(work, 'registry') });
      cleanups.push(() => registry.stop());
      env.LAYERLENS_TEST_REGISTRY = registry.addr;
    }
    if (suites.has('engine')) await nodeTests('engine tests', findTests('test', '.test.ts'), env);
    if (suites.has('e2e')) await playwright(env);
  } finally {
    await cleanup();
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

async function playwright(env: Env): Promise<void> {
  log('browser tests (Playwright, Debian Chromium)');
  const report = path.join(work, 'playwright.json');
  fs.rmSync(report, { force: true });
  const { code } = await run(process.execPath, [require.resolve('@playwright/test/cli'), 'test'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (!fs.existsSync(report)) {
    totals.failed++;
    return;
  }
  const stats = (JSON.parse(fs.readFileSync(report, 'utf8')) as { stats: Record<string, number> }).stats;
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  if (code !== 0 && !stats.unexpected) totals.failed++;
}

main().catch((e: unknown) => {
  console.error(e);
  console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
