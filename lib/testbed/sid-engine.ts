/**
 * Docker 28.5 (dockerd, containerd, docker-init) taken from Debian **sid** and unpacked into a private
 * directory, so the `v28` test-bed engines run next to the host's bookworm docker.io 20.10 without
 * installing anything system-wide.
 *
 * How: a private apt configuration (own sources.list with one sid line, own lists/cache/status, no
 * host source parts or pins) downloads the .debs, and `dpkg -x` unpacks them into `cacheDir/root`.
 * The host's apt.conf.d is still read on purpose: it carries the proxy / mirror settings that make
 * the archive reachable at all.
 *
 * Invariants: `cacheDir/root` appears atomically (unpacked to a temp dir, then renamed), so "dockerd
 * exists and answers --version" means the tree is complete and the download is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages, log, run } from './packages';

export interface SidEngine {
  /** Directories to put first on dockerd's PATH, so it spawns sid's containerd, shim and docker-init. */
  binDir: string[];
  dockerd: string;
  /** dockerd's version, e.g. `28.5.2+dfsg4`. */
  version: string;
  containerdVersion: string;
  /**
   * `host` when sid's runc could not run on this libc (sid builds it against glibc >= 2.38, bookworm
   * has 2.36) and was left out, so the shim finds bookworm's /usr/sbin/runc on PATH instead.
   */
  runc: 'sid' | 'host';
}

const PACKAGES = ['docker.io', 'containerd', 'runc', 'tini-static'];
/** sid splits the client into docker-cli (not needed by dockerd, but kept for a matching client). */
const OPTIONAL_PACKAGES = ['docker-cli'];

/** The Debian mirror the host already uses: sid comes from the same archive (no host hard-coded). */
export function hostDebianMirror(): string {
  const deb822 = '/etc/apt/sources.list.d/debian.sources';
  if (existsSync(deb822)) {
    const firstStanza = readFileSync(deb822, 'utf8').split(/\n\s*\n/)[0] ?? '';
    const uri = /^URIs:\s*(\S+)/m.exec(firstStanza)?.[1];
    if (uri) return uri;
  }
  const legacy = existsSync('/etc/apt/sources.list') ? readFileSync('/etc/apt/sources.list', 'utf8') : '';
  const uri = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/m.exec(legacy)?.[1];
  if (!uri) throw new Error(`no Debian mirror found in ${deb822} or /etc/apt/sources.list`);
  return uri;
}

function versionOf(bin: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function describe(root: string): SidEngine | undefined {
  const dockerd = join(root, 'usr/sbin/dockerd');
  const out = existsSync(dockerd) ? versionOf(dockerd) : undefined;
  if (!out) return undefined;
  const version = /Docker version ([^,\s]+)/.exec(out)?.[1] ?? out;
  const containerdOut = versionOf(join(root, 'usr/bin/containerd')) ?? '';
  return {
    binDir: [join(root, 'usr/bin'), join(root, 'usr/sbin')],
    dockerd,
    version,
    containerdVersion: containerdOut.split(/\s+/)[2] ?? containerdOut,
    runc: existsSync(join(root, 'usr/sbin/runc')) ? 'sid' : 'host',
  };
}

/**
 * Returns sid's Docker engine unpacked under `cacheDir`, downloading it first if needed.
 * Throws when sid no longer carries 28.5.x (the engine-semantics notes are written against it).
 */
export function ensureSidEngine(cacheDir: string): SidEngine {
  const root = join(cacheDir, 'root');
  const cached = describe(root);
  if (cached) return checked(cached);

  ensureDebianPackages(['apt', 'dpkg', 'debian-archive-keyring']);
  const apt = join(cacheDir, 'apt');
  for (const d of ['etc/sources.list.d', 'etc/preferences.d', 'state/lists/partial', 'cache/archives/partial']) {
    mkdirSync(join(apt, d), { recursive: true });
  }
  const sourceLine = `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${hostDebianMirror()} sid main`;
  writeFileSync(join(apt, 'etc/sources.list'), sourceLine + '\n');
  writeFileSync(join(apt, 'state/status'), '');
  const opts = Object.entries({
    'Dir::Etc::sourcelist': join(apt, 'etc/sources.list'),
    'Dir::Etc::sourceparts': join(apt, 'etc/sources.list.d'),
    'Dir::Etc::preferences': join(apt, 'etc/preferences'),
    'Dir::Etc::preferencesparts': join(apt, 'etc/preferences.d'),
    'Dir::State': join(apt, 'state'),
    // An empty dpkg status: nothing of the host's installed set leaks into sid's resolution.
    'Dir::State::status': join(apt, 'state/status'),
    'Dir::Cache': join(apt, 'cache'),
    // Downloads land in our own dir, which the unprivileged `_apt` sandbox user may not be able to write.
    'APT::Sandbox::User': 'root',
  }).flatMap(([k, v]) => ['-o', `${k}=${v}`]);

  log(`fetching sid package lists (${sourceLine})`);
  run('apt-get', ['-q', ...opts, 'update']);
  const optional = OPTIONAL_PACKAGES.filter(
    (p) => spawnSync('apt-cache', [...opts, 'show', p], { stdio: 'ignore' }).status === 0,
  );
  const debs = join(cacheDir, 'debs');
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  log(`downloading ${[...PACKAGES, ...optional].join(' ')} from sid`);
  run('apt-get', ['-q', ...opts, 'download', ...PACKAGES, ...optional], process.env, debs);

  const tmp = `${root}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) run('dpkg', ['-x', join(debs, deb), tmp]);
  if (!versionOf(join(tmp, 'usr/sbin/runc'))) {
    log('sid runc does not run on this libc; using the host runc package instead');
    rmSync(join(tmp, 'usr/sbin/runc'), { force: true });
    rmSync(join(tmp, 'usr/bin/runc'), { force: true });
  }
  rmSync(root, { recursive: true, force: true });
  renameSync(tmp, root);
  rmSync(debs, { recursive: true, force: true });
  const fresh = describe(root);
  if (!fresh) throw new Error(`sid dockerd in ${root} does not run on this machine (libc too old?)`);
  return checked(fresh);
}

function checked(engine: SidEngine): SidEngine {
  if (!engine.version.startsWith('28.5.')) {
    throw new Error(`sid now ships dockerd ${engine.version}, not 28.5.x; the v28 test bed expects 28.5`);
  }
  // The shim resolves `runc` on PATH; with sid's unusable build removed, bookworm's must be there.
  if (engine.runc === 'host') ensureDebianPackages(['runc']);
  return engine;
}
