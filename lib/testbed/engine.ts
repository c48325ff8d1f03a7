/**
 * Test-bed Docker engines: private dockerd instances the engine and browser tests run against
 * (style.md rule 9: never a mock). Kinds:
 * - `v20`: bookworm's docker.io 20.10 (/usr/sbin/dockerd), classic graph-driver store, overlay2;
 * - `v28`: Debian sid's 28.5 (sid-engine.ts), classic store, overlay2;
 * - `v28-c8d`: the same binary with the containerd image store (engine-semantics.md sec. 7).
 *
 * Invariants:
 * - each engine owns a short run dir `/tmp/ll-XXXXXX` (exec-root, socket, pidfile: unix socket paths
 *   must stay under ~107 bytes, which a repo-relative dir cannot promise) and `DIR/data`; its
 *   managed containerd listens under that exec-root, so any number of engines (and the host's own
 *   daemon, whose /var/run/docker.sock we never touch) run side by side;
 * - every process that belongs to an engine has the run dir in its command line (dockerd, its
 *   managed containerd, the shims) or descends from one that does; stop() only kills those;
 * - dockerd is spawned detached (own session and process group) so a terminal Ctrl-C does not hit it
 *   half-way and stop() can shut it down in order. With `reapOnExit` (default) it is also started
 *   through `setpriv --pdeathsig KILL`, and an exit hook kills the whole tree, so a dying test runner
 *   leaves no daemon behind; whatever a hard kill still leaves (shims, mounts) is reaped by the next
 *   startEngine on the same dir, or by `scripts/testbed.ts down`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDebianPackages, log } from './packages';
import { ensureSidEngine } from './sid-engine';

export type EngineKind = 'v20' | 'v28' | 'v28-c8d';
export const ENGINE_KINDS: readonly EngineKind[] = ['v20', 'v28', 'v28-c8d'];

/** What another process needs to find and stop an engine (serialised in DIR/engine.json and state.json). */
export interface EngineRecord {
  kind: EngineKind;
  /** `unix:///tmp/ll-XXXXXX/docker.sock`, usable as DOCKER_HOST. */
  host: string;
  pid: number;
  dataRoot: string;
  execRoot: string;
  /** The short per-run dir holding exec-root, socket and pidfile. */
  runDir: string;
  dir: string;
  version: string;
}

export interface RunningEngine extends EngineRecord {
  /** Stops dockerd, its containerd, shims and containers, and unmounts. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartEngineOptions {
  kind: EngineKind;
  /** Engine home: `DIR/data` (data-root), `DIR/dockerd.log`, `DIR/engine.json`. */
  dir: string;
  /** Wipe `DIR/data` first. */
  fresh?: boolean;
  /** Kill the engine when this Node process exits (default true; the `up` CLI passes false). */
  reapOnExit?: boolean;
  /** Where sid's engine is unpacked (default `.layerlens/cache/sid` under the cwd, as scripts/test-suite.ts uses). */
  sidCacheDir?: string;
  timeoutMs?: number;
}

const SYSTEM_PATH = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const reapList = new Map<string, EngineRecord>();

/** Starts one engine and resolves once `GET /_ping` answers. */
export async function startEngine(opts: StartEngineOptions): Promise<RunningEngine> {
  const { kind, fresh = false, reapOnExit = true, timeoutMs = 60_000 } = opts;
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const stale = readRecord(join(dir, 'engine.json'));
  if (stale) await stopEngine(stale);
  const dataRoot = join(dir, 'data');
  if (fresh) {
    if (unmountBelow([dataRoot]) > 0) throw new Error(`cannot wipe ${dataRoot}: mounts remain below it`);
    rmSync(dataRoot, { recursive: true, force: true });
  }

  // A fixed PATH: dockerd spawns `containerd`, the shim spawns `runc` and dockerd finds `docker-init`
  // by PATH lookup, so the caller's PATH (e.g. /usr/local/bin) must not pick the binaries.
  let dockerd = '/usr/sbin/dockerd';
  let path = SYSTEM_PATH;
  let version = '';
  if (kind === 'v20') {
    ensureDebianPackages(['docker.io']);
  } else {
    const sid = ensureSidEngine(resolve(opts.sidCacheDir ?? '.layerlens/cache/sid'));
    ({ dockerd, version } = sid);
    path = [...sid.binDir, ...SYSTEM_PATH];
  }

  const runDir = mkdtempSync('/tmp/ll-');
  const execRoot = join(runDir, 'exec');
  const sock = join(runDir, 'docker.sock');
  // An empty config file: the host's /etc/docker/daemon.json must not change the test bed.
  writeFileSync(join(dir, 'daemon.json'), '{}\n');
  const args = [
    `--config-file=${join(dir, 'daemon.json')}`,
    `--data-root=${dataRoot}`,
    `--exec-root=${execRoot}`,
    `--host=unix://${sock}`,
    `--pidfile=${join(runDir, 'dockerd.pid')}`,
    // No networking side effects on the host: no iptables rules, no docker0 bridge.
    '--iptables=false',
    '--bridge=none',
    // C8D chooses its snapshotter itself (overlayfs); GD is pinned to overlay2.
    ...(kind === 'v28-c8d' ? ['--feature=containerd-snapshotter=true'] : ['--storage-driver=overlay2']),
  ];
  const logFile = join(dir, 'dockerd.log');
  const fd = openSync(logFile, 'a');
  writeFileSync(fd, `\n==== ${new Date().toISOString()} ${kind}: ${dockerd} ${args.join(' ')}\n`);
  const [cmd, argv] = reapOnExit ? ['setpriv', ['--pdeathsig', 'KILL', dockerd, ...args]] : [dockerd, args];
  const child = spawn(cmd, argv, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { PATH: path.join(':'), HOME: process.env.HOME ?? '/root' } as Record<string, string> as NodeJS.ProcessEnv,
  });
  closeSync(fd);
  child.unref();
  child.once('error', (err) => log(`${kind}: ${cmd}: ${err.message}`));
  if (!child.pid) throw new Error(`could not spawn ${cmd}`);

  const rec: EngineRecord = { kind, host: `unix://${sock}`, pid: child.pid, dataRoot, execRoot, runDir, dir, version };
  writeFileSync(join(dir, 'engine.json'), JSON.stringify(rec, null, 2) + '\n');
  if (reapOnExit) armExitHook(rec);
  const started = Date.now();
  try {
    await waitUntil(timeoutMs, async () => {
      if (!alive(rec.pid)) throw new Error('dockerd exited');
      return (await ping(sock)) === 'OK';
    });
  } catch (err) {
    await stopEngine(rec);
    throw new Error(`${kind} engine did not come up: ${(err as Error).message}\n${logTail(logFile)}`);
  }
  rec.version ||= await serverVersion(sock);
  writeFileSync(join(dir, 'engine.json'), JSON.stringify(rec, null, 2) + '\n');
  log(`${kind} dockerd ${rec.version} up at ${rec.host} (pid ${rec.pid}) in ${Date.now() - started} ms`);
  return { ...rec, stop: () => stopEngine(rec) };
}

/**
 * Stops an engine from its record (also from another process): SIGKILL the containers, SIGTERM to
 * dockerd (it cleans up and stops its containerd), up to 20 s, then SIGKILL to everything left of the
 * tree, then unmount whatever is still mounted below data-root / exec-root and remove the run dir.
 */
export async function stopEngine(rec: EngineRecord): Promise<void> {
  const before = collectTree(rec);
  // Containers go first, hard: on shutdown dockerd waits each container's own stop timeout (10 s
  // by default, and it wins over --shutdown-timeout), and test containers ignore SIGTERM.
  killAll(before.inits);
  if (before.pids.has(rec.pid)) {
    try {
      process.kill(rec.pid, 'SIGTERM');
      await waitGone([rec.pid], 20_000);
    } catch {
      // exited on its own in between
    }
  }
  const after = collectTree(rec);
  const rest = [...new Set([...before.pids, ...after.pids])];
  killAll(rest, rec.pid);
  const gone = await waitGone(rest, 10_000);
  cleanUp(rec, gone ? [...before.sockets, ...after.sockets] : []);
  const recordFile = join(rec.dir, 'engine.json');
  if (readRecord(recordFile)?.runDir === rec.runDir) rmSync(recordFile, { force: true });
  reapList.delete(rec.runDir);
}

/** Engine kinds the test suites run against: `LAYERLENS_ENGINES=v20,v28` (default: all three). */
export function engineKindsFromEnv(env: Record<string, string | undefined> = process.env): EngineKind[] {
  const raw = env.LAYERLENS_ENGINES?.trim();
  if (!raw) return [...ENGINE_KINDS];
  const kinds = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(ENGINE_KINDS as readonly string[]).includes(k));
  if (bad.length > 0) throw new Error(`LAYERLENS_ENGINES: unknown kind(s) ${bad.join(', ')}; use ${ENGINE_KINDS.join(',')}`);
  return [...new Set(kinds)] as EngineKind[];
}

function readRecord(file: string): EngineRecord | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EngineRecord) : undefined;
}

/** Removes dead shims' sockets, unmounts below data-root / exec-root, deletes the run dir. */
function cleanUp(rec: EngineRecord, shimSockets: string[]): void {
  for (const s of shimSockets) rmSync(s, { force: true });
  unmountBelow([rec.dataRoot, rec.execRoot]);
  // Only delete the run dir once nothing is mounted under it (rm would descend into the mounts).
  if (unmountBelow([rec.runDir]) === 0) rmSync(rec.runDir, { recursive: true, force: true });
}

let exitHookArmed = false;

/**
 * Exit hooks must be synchronous: SIGKILL the trees and clean up, no graceful shutdown. The record
 * file stays, so the next startEngine on the dir (or `testbed down`) double-checks.
 */
function armExitHook(rec: EngineRecord): void {
  reapList.set(rec.runDir, rec);
  if (exitHookArmed) return;
  exitHookArmed = true;
  process.once('exit', () => {
    for (const r of reapList.values()) {
      const tree = collectTree(r);
      killAll(tree.pids, r.pid);
      cleanUp(r, tree.sockets);
    }
  });
}

function get(sock: string, path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const req = request({ socketPath: sock, path, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end();
  });
}

const ping = (sock: string) => get(sock, '/_ping').catch(() => '');
/** True when the engine answers `GET /_ping`. */
export const pingEngine = async (rec: EngineRecord) => (await ping(rec.host.replace(/^unix:\/\//, ''))) === 'OK';
const serverVersion = async (sock: string) => (JSON.parse(await get(sock, '/version')) as { Version: string }).Version;

// ---- Process trees and mounts (also used by registry.ts). Never by process name: by pid, verified.

/** True if the pid exists and is not a zombie (orphans can sit unreaped for a while). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function readPid(file: string): number | undefined {
  return Number.parseInt(readText(file), 10) || undefined;
}

function ppidOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Bundle dirs of the managed containerd's tasks (containerd 1.6 and 2.x use the same layout). */
function taskBundles(execRoot: string): string[] {
  const base = join(execRoot, 'containerd/daemon/io.containerd.runtime.v2.task');
  const ls = (d: string) => (existsSync(d) ? readdirSync(d).map((n) => join(d, n)) : []);
  return ls(base).flatMap(ls);
}

interface EngineTree {
  /** dockerd, its containerd, the shims and all their descendants. */
  pids: Set<number>;
  /** Each container's pid 1 (killing it ends the container's whole pid namespace). */
  inits: number[];
  /** The shims' ttrpc sockets in the host-wide /run/containerd/s, left behind when a shim is killed. */
  sockets: string[];
}

/**
 * The engine's live processes: dockerd, its containerd (pidfile), the shims (containerd 1.6 writes
 * `shim.pid`; 2.x does not, so the shim is found as the parent of the task's `init.pid`), each kept
 * only if the run dir is in its command line, plus all their descendants (the containers).
 */
export function collectTree(rec: EngineRecord): EngineTree {
  const ours = (p: number | undefined): p is number => !!p && alive(p) && cmdline(p).includes(`${rec.runDir}/`);
  const pids = new Set([rec.pid, readPid(join(rec.execRoot, 'containerd/containerd.pid'))].filter(ours));
  const inits: number[] = [];
  const sockets: string[] = [];
  for (const b of taskBundles(rec.execRoot)) {
    const shim = readPid(join(b, 'shim.pid'));
    if (ours(shim)) pids.add(shim);
    const init = readPid(join(b, 'init.pid'));
    const parent = init ? ppidOf(init) : undefined;
    if (init && ours(parent)) {
      pids.add(parent);
      inits.push(init);
    }
    // containerd 1.6 keeps the shim address in `address`, 2.x in `bootstrap.json`.
    const addr = [readText(join(b, 'address')), /"address":"([^"]+)"/.exec(readText(join(b, 'bootstrap.json')))?.[1]]
      .map((a) => a?.trim().replace(/^unix:\/\//, ''))
      .find((a) => a?.startsWith('/run/containerd/s/'));
    if (addr) sockets.push(addr);
  }
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const parent = ppidOf(Number(name));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  for (const p of pids) for (const c of children.get(p) ?? []) pids.add(c);
  return { pids, inits, sockets };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** SIGKILL every live pid; if the group leader is still alive, its whole process group too. */
export function killAll(pids: Iterable<number>, groupLeader?: number): void {
  const kill = (p: number) => {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  if (groupLeader && alive(groupLeader)) kill(-groupLeader);
  for (const p of pids) if (alive(p)) kill(p);
}

export async function waitGone(pids: number[], ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (pids.some(alive)) {
    if (Date.now() > end) return false;
    await sleep(100);
  }
  return true;
}

/** Polls `ready` every 100 ms; an exception from it aborts the wait at once. */
export async function waitUntil(ms: number, ready: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms`);
    await sleep(100);
  }
}

/** Unmounts everything at or below the given dirs, deepest first; returns how many remain mounted. */
export function unmountBelow(dirs: string[]): number {
  const roots = dirs.filter(existsSync).map((d) => realpathSync(d));
  const below = () =>
    readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => (l.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
      .filter((mp) => mp && roots.some((r) => mp === r || mp.startsWith(`${r}/`)))
      .sort((a, b) => b.length - a.length);
  for (let pass = 0; pass < 3 && below().length > 0; pass++) {
    for (const mp of below()) {
      if (spawnSync('umount', [mp], { stdio: 'ignore' }).status !== 0) spawnSync('umount', ['-l', mp], { stdio: 'ignore' });
    }
  }
  return below().length;
}

export function logTail(file: string, lines = 30): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return `--- last lines of ${file} ---\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
}
