/**
 * Writes `docker load` archives directly, in the docker-save layout that every engine accepts
 * (20.10 classic store, 28.x classic and containerd store):
 *   manifest.json            [{ Config, RepoTags, Layers, Parent? }] in load order
 *   <config hex>.json        image config; image ID (classic store) = sha256 of these bytes
 *   <diff hex>/layer.tar     uncompressed layer; diff ID = sha256 of the tar bytes
 *   repositories             legacy { repo: { tag: <top layer dir> } }, ignored by modern loaders
 * `planStore` lays out a realistic store (bases -> runtimes -> apps, many tags, classic-builder
 * style parent chains, dangling rebuilds); archives are a pure function of (seed, image count), so
 * the same seed gives byte-identical archives and, on the classic store, identical image IDs.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { docker } from './docker-cli';

/** A small seeded PRNG (mulberry32): deterministic decisions for fixtures and generated stores. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Rng {
  let a = (seed * 0x9e3779b1) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => next() < p,
  };
}

/** `n` pseudo-random bytes fully determined by `key` (AES-128-CTR keystream: native speed). */
export function seededBytes(key: string, n: number): Buffer {
  const k = createHash('sha256').update(key).digest();
  return createCipheriv('aes-128-ctr', k.subarray(0, 16), k.subarray(16, 32)).update(Buffer.alloc(n));
}

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export interface TarEntry {
  /** Relative path; directories end without `/` (the type says it). At most 100 bytes. */
  name: string;
  type?: 'file' | 'dir' | 'symlink';
  data?: Uint8Array;
  linkname?: string;
  mode?: number;
  /** Seconds since the epoch; fixed by default so equal content gives equal bytes (and diff IDs). */
  mtime?: number;
}

/** Fixed mtime (2020-01-01): engines keep it, so equal layers built twice hash the same. */
export const FIXED_MTIME = 1577836800;

/** One 512-byte ustar header. Written by hand (not tar-stream) so bytes are stable and streamable. */
export function tarHeader(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  const type = e.type ?? 'file';
  const name = type === 'dir' ? `${e.name}/` : e.name;
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name too long: ${name}`);
  const oct = (v: number, len: number, at: number) => h.write(v.toString(8).padStart(len - 1, '0') + '\0', at, 'ascii');
  h.write(name, 0, 'utf8');
  oct(e.mode ?? (type === 'file' ? 0o644 : 0o755), 8, 100);
  oct(0, 8, 108);
  oct(0, 8, 116);
  oct(type === 'file' ? size : 0, 12, 124);
  oct(e.mtime ?? FIXED_MTIME, 12, 136);
  h.write(type === 'dir' ? '5' : type === 'symlink' ? '2' : '0', 156, 'ascii');
  if (e.linkname) h.write(e.linkname, 157, 'utf8');
  h.write('ustar\0' + '00', 257, 'ascii');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);

/** A whole tar in memory: build contexts, import tarballs, layer tars. */
export function tarBytes(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.type && e.type !== 'file' ? Buffer.alloc(0) : Buffer.from(e.data ?? new Uint8Array());
    parts.push(tarHeader(e, data.length), data, pad(data.length));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** Streams tar entries to `out`, honouring back-pressure; call `end()` to write the trailer. */
export function tarWriter(out: Writable) {
  const put = async (b: Uint8Array) => {
    if (b.length > 0 && !out.write(b)) await once(out, 'drain');
  };
  return {
    async file(name: string, data: Uint8Array) {
      await put(tarHeader({ name }, data.length));
      await put(data);
      await put(pad(data.length));
    },
    end: () => put(Buffer.alloc(1024)),
  };
}

/** One history entry of an image config (OCI `history[]`). */
export interface HistoryEntry {
  created: string;
  created_by: string;
  empty_layer?: true;
}

/** An image as written to an archive: layers bottom-first, history with one entry per layer. */
export interface ArchiveImage {
  config: Record<string, unknown>;
  /** Layer tar bytes are produced lazily, once per archive. */
  layers: Array<{ key: string; bytes: () => Buffer }>;
  repoTags: string[];
  /** Key of an image earlier in the archive (or loaded before), written as manifest `Parent`. */
  parentKey?: string;
  key: string;
}

/**
 * Writes one docker-save archive of `images` (parents must come earlier in the same archive) and
 * returns the image ID (config digest) of every key. `diffIds` caches layer digests across archives.
 */
export async function writeArchive(
  images: readonly ArchiveImage[],
  out: Writable,
  known: Map<string, string> = new Map(),
  diffIds: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  const tar = tarWriter(out);
  const written = new Set<string>();
  const keys = new Set<string>();
  const manifest: Array<Record<string, unknown>> = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const img of images) {
    const paths: string[] = [];
    const ids: string[] = [];
    for (const l of img.layers) {
      let hex = diffIds.get(l.key);
      if (!hex || !written.has(hex)) {
        const bytes = l.bytes();
        hex = sha256Hex(bytes);
        diffIds.set(l.key, hex);
        written.add(hex);
        await tar.file(`${hex}/layer.tar`, bytes);
      }
      paths.push(`${hex}/layer.tar`);
      ids.push(`sha256:${hex}`);
    }
    const config = { ...img.config, rootfs: { type: 'layers', diff_ids: ids } };
    const bytes = Buffer.from(JSON.stringify(config));
    const hex = sha256Hex(bytes);
    known.set(img.key, `sha256:${hex}`);
    await tar.file(`${hex}.json`, bytes);
    // The engine drops a Parent that is not in the same archive, so never write one.
    const parent = img.parentKey && keys.has(img.parentKey) ? known.get(img.parentKey) : undefined;
    if (img.parentKey && !parent) throw new Error(`parent ${img.parentKey} of ${img.key} is not earlier in this archive`);
    keys.add(img.key);
    manifest.push({ Config: `${hex}.json`, RepoTags: img.repoTags.length ? img.repoTags : null, Layers: paths, ...(parent ? { Parent: parent } : {}) });
    for (const t of img.repoTags) {
      const at = t.lastIndexOf(':');
      const top = paths.at(-1);
      if (top) (repositories[t.slice(0, at)] ??= {})[t.slice(at + 1)] = top.split('/')[0] ?? '';
    }
  }
  await tar.file('manifest.json', Buffer.from(JSON.stringify(manifest)));
  await tar.file('repositories', Buffer.from(JSON.stringify(repositories)));
  await tar.end();
  return known;
}

// ---------------------------------------------------------------------------------------------
// Large-store plan: a few bases, language runtimes on the bases, many apps on the runtimes.

/** One build step. Steps are shared objects: versions "built from cache" share their prefix. */
export interface Step {
  created: string;
  createdBy: string;
  layer?: PlannedLayer;
  env?: string;
  label?: [string, string];
  cmd?: string[];
  workdir?: string;
}

export interface PlannedLayer {
  key: string;
  files: Array<{ path: string; size: number }>;
}

export interface PlannedImage {
  key: string;
  role: 'base' | 'runtime' | 'app' | 'intermediate' | 'dangling';
  steps: Step[];
  tags: string[];
  /** Classic-builder style parent (manifest `Parent`): only for the steps of "locally built" apps. */
  parentKey?: string;
  /** Images of one group go into the same archive (keeps parent chains together). 0 = bases. */
  group: number;
}

export interface StorePlan {
  seed: number;
  images: PlannedImage[];
}

const DISTROS = ['debian', 'alpine', 'ubuntu', 'fedora', 'busybox', 'wolfi'];
const LANGS = ['python', 'node', 'golang', 'ruby', 'openjdk', 'php', 'rust', 'dotnet'];
const TEAMS = ['payments', 'search', 'infra', 'web', 'data', 'ml', 'mobile', 'core', 'edge', 'ops'];
const WORDS = 'amber birch cedar delta ember fjord garnet harbor indigo jasper kestrel lumen maple nova onyx pine quartz raven sage tundra umber vortex willow xenon yarrow zephyr'.split(' ');
const SERVICES = ['api', 'worker', 'web', 'cron', 'gateway', 'sync', 'auth', 'report'];

/**
 * A deterministic store of about `images` images: never fewer than the bases and runtimes (10-30),
 * and the last app build may add up to 8 more.
 */
export function planStore(opts: { images: number; seed: number }): StorePlan {
  const rng = seededRandom(opts.seed);
  const images: PlannedImage[] = [];
  let clock = Date.UTC(2024, 0, 1) / 1000;
  const step = (createdBy: string, extra: Omit<Step, 'created' | 'createdBy'> = {}): Step => {
    clock += rng.int(30, 20_000);
    return { created: new Date(clock * 1000).toISOString().replace('.000Z', 'Z'), createdBy, ...extra };
  };
  // Sizes are log-uniform so the store has many small layers and a few big ones, like real stores.
  const layer = (key: string, dir: string, files: number, minKB: number, maxKB: number): PlannedLayer => ({
    key,
    files: Array.from({ length: files }, (_, i) => ({
      path: `${dir}/${sha256Hex(key).slice(0, 8)}/f${i}.bin`,
      size: Math.round(1024 * minKB * Math.pow(maxKB / minKB, rng.next())),
    })),
  });
  const run = (cmd: string, l: PlannedLayer) => step(`/bin/sh -c ${cmd}`, { layer: l });
  const nop = (what: string, extra: Omit<Step, 'created' | 'createdBy'>) => step(`/bin/sh -c #(nop)  ${what}`, extra);

  const bases: PlannedImage[] = [];
  for (const d of DISTROS.slice(0, Math.min(DISTROS.length, 2 + Math.floor(opts.images / 250)))) {
    const versions = rng.int(2, 3);
    for (let v = 1; v <= versions; v++) {
      const root = layer(`base/${d}/${v}`, `usr/lib/${d}`, rng.int(8, 30), 2, 60);
      const steps = [step(`/bin/sh -c #(nop) ADD file:${sha256Hex(root.key)} in / `, { layer: root }), nop('CMD ["sh"]', { cmd: ['sh'] })];
      const tags = [`base/${d}:${v}.0`, ...(v === versions ? [`base/${d}:latest`] : [])];
      bases.push({ key: `base/${d}:${v}`, role: 'base', steps, tags, group: 0 });
    }
  }
  images.push(...bases);

  const runtimes: PlannedImage[] = [];
  for (const lang of LANGS.slice(0, Math.min(LANGS.length, 3 + Math.floor(opts.images / 200)))) {
    const versions = rng.int(2, 4);
    for (let v = 1; v <= versions; v++) {
      const base = rng.pick(bases);
      const ver = `${rng.int(1, 3)}.${v + 8}`;
      const steps = [
        ...base.steps,
        nop(`ENV ${lang.toUpperCase()}_VERSION=${ver}`, { env: `${lang.toUpperCase()}_VERSION=${ver}` }),
        run(`install-${lang} ${ver}`, layer(`rt/${lang}/${v}`, `usr/local/${lang}`, rng.int(10, 40), 2, 40)),
        run(`install-${lang}-tools`, layer(`rt/${lang}/${v}/tools`, `usr/local/bin`, rng.int(2, 8), 1, 30)),
        nop(`CMD ["${lang}"]`, { cmd: [lang] }),
      ];
      const distro = base.key.split(/[/:]/)[1] ?? 'base';
      const tags = [`runtime/${lang}:${ver}`, `runtime/${lang}:${ver}-${distro}`, ...(v === versions ? [`runtime/${lang}:latest`] : [])];
      if (rng.chance(0.3)) tags.push(`localhost:5000/runtime/${lang}:${ver}`);
      runtimes.push({ key: `runtime/${lang}:${v}`, role: 'runtime', steps, tags, group: 0 });
    }
  }
  // Classic apps go into their runtime's group, so parent and children share one archive.
  const clusters = new Map(runtimes.map((rt) => [rt.key, [rt]]));
  const others: PlannedImage[] = [];
  let count = images.length + runtimes.length;
  const usedTags = new Set<string>();
  const tagOnce = (tags: string[]) => tags.filter((t) => !usedTags.has(t) && usedTags.add(t));

  const names = new Set<string>();
  for (let group = 1; count < opts.images; group++) {
    const word = rng.pick(WORDS);
    let name = `${rng.pick(TEAMS)}/${word}-${rng.pick(SERVICES)}`;
    if (names.has(name)) name = `${name}${group}`;
    names.add(name);
    const rt = rng.pick(runtimes);
    const versions = Math.min(12, 1 + Math.floor(-Math.log(1 - rng.next()) * 3));
    const classic = rng.chance(0.2);
    const stepImage = new Map<Step, string>();
    const own = classic ? (clusters.get(rt.key) ?? []) : others;
    const add = (img: PlannedImage) => {
      own.push(img);
      count++;
    };
    let deps: Step[] | undefined;
    for (let v = 1; v <= versions && count < opts.images; v++) {
      const ver = `1.${v - 1}.${rng.int(0, 3)}`;
      // Dependencies change only now and then: unchanged deps = same steps = shared layers (and,
      // for classic apps, shared intermediate images, like a classic-builder cache hit).
      if (!deps || rng.chance(0.35)) {
        const k = `app/${name}/${v}`;
        deps = [
          nop('WORKDIR /app', { workdir: '/app' }),
          step(`/bin/sh -c #(nop) COPY file:${sha256Hex(k).slice(0, 16)} in /app/ `, { layer: layer(`${k}/manifest`, 'app', 1, 1, 4) }),
          run('install-deps', layer(`${k}/deps`, 'app/deps', rng.int(3, 20), 1, 60)),
        ];
      }
      const build = (k: string) => [
        ...rt.steps,
        ...(deps ?? []),
        step(`/bin/sh -c #(nop) COPY dir:${sha256Hex(k).slice(0, 16)} in /app `, { layer: layer(k, 'app/src', rng.int(1, 10), 1, 60) }),
        nop(`ENV APP_VERSION=${ver}`, { env: `APP_VERSION=${ver}` }),
        nop(`LABEL org.opencontainers.image.version=${ver}`, { label: ['org.opencontainers.image.version', ver] }),
        nop(`CMD ["/app/run"]`, { cmd: ['/app/run'] }),
      ];
      // A rebuilt tag leaves the previous build dangling (untagged, no children).
      if (rng.chance(0.06)) add({ key: `${name}:${ver}#old`, role: 'dangling', steps: build(`app/${name}/${v}/old`), tags: [], group });
      const steps = build(`app/${name}/${v}/code`);
      // Tags are unique in the plan: a tag loaded twice would move, in whichever order parallel loads ran.
      const tags = tagOnce([`${name}:${ver}`, ...(v === versions ? [`${name}:latest`] : [])]);
      if (rng.chance(0.1)) tags.push(...tagOnce([`localhost:5000/${name}:${ver}`]));
      if (rng.chance(0.04)) tags.push(...tagOnce([`${rng.pick(TEAMS)}/${word}:${ver}`]));
      const key = `${name}:${ver}`;
      if (!classic) {
        add({ key, role: 'app', steps, tags, group });
        continue;
      }
      // Classic builder: one image per step, each the parent of the next; the last one is tagged.
      let parentKey = rt.key;
      for (let i = rt.steps.length + 1; i <= steps.length; i++) {
        const last = steps[i - 1] as Step;
        const cached = stepImage.get(last);
        if (cached) {
          parentKey = cached;
          continue;
        }
        const final = i === steps.length;
        const k = final ? key : `${key}#step${i}`;
        add({ key: k, role: final ? 'app' : 'intermediate', steps: steps.slice(0, i), tags: final ? tags : [], parentKey, group });
        stepImage.set(last, k);
        parentKey = k;
      }
    }
  }
  // Group numbers: 0 bases, 1..R runtime clusters, then one group per plain app.
  [...clusters.values()].forEach((cluster, r) => images.push(...cluster.map((img) => ({ ...img, group: r + 1 }))));
  images.push(...others.map((img) => ({ ...img, group: img.group + clusters.size })));
  return { seed: opts.seed, images };
}

const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';

/** The layer tar: parent directories first, then files with seed-determined content. */
export function layerTar(seed: number, l: PlannedLayer): Buffer {
  const dirs = new Set<string>();
  for (const f of l.files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const entries: TarEntry[] = [...dirs].sort().map((name) => ({ name, type: 'dir' }));
  for (const f of l.files) entries.push({ name: f.path, data: seededBytes(`${seed}/${l.key}/${f.path}`, f.size) });
  return tarBytes(entries);
}

/** The image config the steps produce; history has one non-empty entry per layer. */
export function configOf(steps: readonly Step[]): Record<string, unknown> {
  const env = new Map<string, string>([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  const labels: Record<string, string> = {};
  let cmd: string[] | undefined;
  let workdir = '';
  for (const s of steps) {
    if (s.env) env.set(s.env.split('=')[0] ?? '', s.env.slice(s.env.indexOf('=') + 1));
    if (s.label) labels[s.label[0]] = s.label[1];
    if (s.cmd) cmd = s.cmd;
    if (s.workdir) workdir = s.workdir;
  }
  return {
    architecture: ARCH,
    config: { Env: [...env].map(([k, v]) => `${k}=${v}`), Cmd: cmd ?? null, WorkingDir: workdir, Labels: Object.keys(labels).length ? labels : null },
    created: steps.at(-1)?.created ?? '2024-01-01T00:00:00Z',
    history: steps.map((s) => ({ created: s.created, created_by: s.createdBy, ...(s.layer ? {} : { empty_layer: true }) })),
    os: 'linux',
  };
}

export function toArchiveImage(seed: number, img: PlannedImage): ArchiveImage {
  const layers = img.steps.flatMap((s) => (s.layer ? [s.layer] : [])).map((l) => ({ key: l.key, bytes: () => layerTar(seed, l) }));
  return { key: img.key, config: configOf(img.steps), layers, repoTags: img.tags, parentKey: img.parentKey };
}

/**
 * Splits the plan into archives of about `perArchive` images, never splitting a group; the bases
 * (group 0) get an archive of their own, loaded first. A group holds every parent its images name:
 * `docker load` keeps a manifest `Parent` only when the parent is in the same archive (moby
 * tarexport load.go, validatedParentLinks), and loading an image twice is not harmless on the
 * containerd store (each reload adds a `moby-dangling@` record for the target, observed on 28.5).
 */
export function chunkPlan(plan: StorePlan, perArchive: number): PlannedImage[][] {
  const chunks: PlannedImage[][] = [];
  let current: PlannedImage[] = [];
  let group = 0;
  for (const img of plan.images) {
    if (img.group !== group && (group === 0 || current.length >= perArchive)) {
      chunks.push(current);
      current = [];
    }
    group = img.group;
    current.push(img);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export interface GeneratedStore {
  plan: StorePlan;
  /** Plan key -> config digest (= image ID on the classic store; containerd IDs are manifest digests). */
  configDigests: Map<string, string>;
  archives: number;
  loadMs: number;
}

/**
 * Generates the plan and streams it, archive by archive, into `docker load` on `host`. The first
 * archive (bases, runtimes) loads alone; the rest run `parallel` loads at a time (the layer store
 * accepts concurrent registration of the same layer: the second one is dropped).
 */
export async function loadGeneratedStore(
  host: string,
  opts: { images: number; seed: number; perArchive?: number; parallel?: number; onArchive?: (done: number, total: number) => void },
): Promise<GeneratedStore> {
  const plan = planStore(opts);
  const chunks = chunkPlan(plan, opts.perArchive ?? 150);
  const known = new Map<string, string>();
  const diffIds = new Map<string, string>();
  const started = Date.now();
  let done = 0;
  const loadOne = async (chunk: PlannedImage[]) => {
    const pipe = new PassThrough();
    const loading = docker(host, ['load'], { stdin: pipe });
    // A failed load stops reading: destroy the pipe so the writer, waiting for 'drain', fails too.
    loading.catch(() => pipe.destroy());
    // Generation and load overlap: the CLI uploads while the next layers are produced.
    const writing = writeArchive(chunk.map((img) => toArchiveImage(plan.seed, img)), pipe, known, diffIds).then(() => pipe.end());
    await Promise.all([loading, writing]);
    opts.onArchive?.(++done, chunks.length);
  };
  const [first, ...rest] = chunks;
  if (first) await loadOne(first);
  const worker = async () => {
    for (let next = rest.shift(); next; next = rest.shift()) await loadOne(next);
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 2) }, worker));
  return { plan, configDigests: known, archives: chunks.length, loadMs: Date.now() - started };
}
