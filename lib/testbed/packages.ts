/**
 * Installs the Debian packages the test bed runs on (docker.io, docker-registry, busybox-static, …).
 * A fresh CI machine has none of them, so every test-bed entry point calls this before it needs one.
 *
 * Invariants: never touches apt when everything is present (cheap to call on every start); runs
 * `apt-get update` at most once per process, and only when something has to be installed.
 */
import { spawnSync } from 'node:child_process';

let aptUpdated = false;

/** Progress goes to stderr so stdout stays machine-readable (`scripts/testbed.ts` prints JSON). */
export function log(msg: string): void {
  process.stderr.write(`[testbed] ${msg}\n`);
}

/** Names of `names` that dpkg does not report as fully installed. */
export function missingDebianPackages(names: string[]): string[] {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', name], { encoding: 'utf8' });
    // `ii ` = desired install, currently installed; anything else (absent, half-configured) counts as missing.
    return r.status !== 0 || !r.stdout.startsWith('ii');
  });
}

/**
 * Makes sure every package in `names` is installed, installing the missing ones with apt-get.
 * Throws when installation fails (apt's own output is on stderr) or when not running as root.
 */
export function ensureDebianPackages(names: string[]): void {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Debian packages missing: ${missing.join(' ')}. Install them or run as root.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update'], env);
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env);
  const still = missingDebianPackages(missing);
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(' ')}`);
}

/** Runs a command to completion; its output goes to our stderr, and a failure throws. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): void {
  const r = spawnSync(cmd, args, { env, cwd, stdio: ['ignore', 2, 2] });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}
