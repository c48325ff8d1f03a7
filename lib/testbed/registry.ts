/**
 * A loopback Docker registry (Debian's docker-registry, distribution 2.8) for push / pull-by-digest
 * fixtures. It listens on 127.0.0.1 only, without TLS: dockerd treats 127.0.0.0/8 as an insecure
 * registry by default, so every test-bed engine can push to it with no daemon flag.
 *
 * Invariants: storage lives under `DIR/data` (kept across restarts; delete it for a clean registry);
 * the process is found again by pid, verified by its config path on the command line.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { alive, killAll, logTail, waitGone, waitUntil } from './engine';
import { ensureDebianPackages, log } from './packages';

export interface RegistryRecord {
  /** `127.0.0.1:PORT`, the prefix of image references pushed to it. */
  addr: string;
  pid: number;
  dir: string;
}

export interface RunningRegistry extends RegistryRecord {
  /** Stops the registry by pid. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  dir: string;
  /** Default: a free port picked at start. */
  port?: number;
  /** Kill the registry when this Node process exits (default true; the `up` CLI passes false). */
  reapOnExit?: boolean;
}

const BINARY = '/usr/bin/docker-registry';

/** Starts the registry and resolves once `GET /v2/` answers 200. */
export async function startRegistry(opts: StartRegistryOptions): Promise<RunningRegistry> {
  ensureDebianPackages(['docker-registry']);
  const dir = resolve(opts.dir);
  mkdirSync(join(dir, 'data'), { recursive: true });
  const stale = existsSync(join(dir, 'registry.json'))
    ? (JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')) as RegistryRecord)
    : undefined;
  if (stale) await stopRegistry(stale);
  // A picked port can be taken between probe and bind by someone else; then just pick again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(dir, opts.port ?? (await freePort()), opts.reapOnExit ?? true);
    } catch (err) {
      if (opts.port !== undefined || attempt >= 3 || !/address already in use/.test(String(err))) throw err;
    }
  }
}

async function launch(dir: string, port: number, reapOnExit: boolean): Promise<RunningRegistry> {
  const addr = `127.0.0.1:${port}`;
  const config = join(dir, 'config.yml');
  // No auth, no TLS, no health-check poller: a private fixture registry on loopback.
  writeFileSync(
    config,
    ['version: 0.1', 'log:', '  level: info', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`, '  delete:', '    enabled: true', 'http:', `  addr: ${addr}`, ''].join('\n'),
  );
  const logFile = join(dir, 'registry.log');
  const fd = openSync(logFile, 'a');
  writeFileSync(fd, `\n==== ${new Date().toISOString()} ${addr}\n`);
  // Same lifetime rules as the engines (engine.ts header): own process group, pdeathsig when reaped.
  const argv = ['serve', config];
  const child = reapOnExit
    ? spawn('setpriv', ['--pdeathsig', 'KILL', BINARY, ...argv], { detached: true, stdio: ['ignore', fd, fd] })
    : spawn(BINARY, argv, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.unref();
  child.once('error', (err) => log(`registry: ${err.message}`));
  if (!child.pid) throw new Error(`could not spawn ${BINARY}`);
  const rec: RegistryRecord = { addr, pid: child.pid, dir };
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(rec, null, 2) + '\n');
  try {
    await waitUntil(30_000, async () => {
      if (!alive(rec.pid)) throw new Error('docker-registry exited');
      return (await status(`http://${addr}/v2/`)) === 200;
    });
  } catch (err) {
    await stopRegistry(rec);
    throw new Error(`registry did not come up: ${(err as Error).message}\n${logTail(logFile)}`);
  }
  log(`registry up at ${addr} (pid ${rec.pid})`);
  return { ...rec, stop: () => stopRegistry(rec) };
}

/** SIGTERM, up to 5 s, then SIGKILL; only if the pid still runs our config (pids get reused). */
export async function stopRegistry(rec: RegistryRecord): Promise<void> {
  const config = join(rec.dir, 'config.yml');
  let cmd = '';
  try {
    cmd = readFileSync(`/proc/${rec.pid}/cmdline`, 'utf8');
  } catch {
    // not running
  }
  if (alive(rec.pid) && cmd.includes(config)) {
    process.kill(rec.pid, 'SIGTERM');
    if (!(await waitGone([rec.pid], 5_000))) killAll([rec.pid]);
    await waitGone([rec.pid], 5_000);
  }
  const file = join(rec.dir, 'registry.json');
  if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as RegistryRecord).pid === rec.pid) rmSync(file);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

function status(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => ok(0));
  });
}
