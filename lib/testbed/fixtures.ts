/**
 * Seeded fixture stores built with the real CLI (classic builder, commit, import, push/pull,
 * containers), so the cases of engine-semantics.md sec. 1.5-1.6, 2, 4 and 7 exist on a real engine.
 * Names, Dockerfiles and file contents are a pure function of the seed; image IDs are not (the
 * classic builder stamps `created` with the wall clock), so the manifest reports the IDs it got.
 *
 * Invariants: names live under `fx<seed>/` and containers are `fx<seed>-…`, so several seeds can be
 * built on one engine one after another (also after random removals); only the sec. 1.6 edge names
 * (`abc`, `cafe`, one of `s`…`sha25`, ID hex prefixes) are global and move to the newest store.
 */
import fs from 'node:fs';
import { docker, dockerOut, engineFacts, type EngineFacts } from './docker-cli';
import { seededBytes, seededRandom, tarBytes, type Rng, type TarEntry } from './load-archive';

export interface FixtureOptions {
  seed: number;
  /** Loopback registry `127.0.0.1:PORT`; without it the push/pull features are skipped. */
  registry?: string;
  size?: 'small' | 'medium';
  /** Name prefix instead of `fx<seed>` (the demo store uses `demo`). */
  namespace?: string;
  /** Add the global sec. 1.6 edge names (hex-prefix and `sha`-prefix repos). Default true. */
  edgeNames?: boolean;
}

export type FixtureFeature =
  | 'scratch-bases' | 'parent-chains' | 'shared-intermediates' | 'metadata-only-steps' | 'labels'
  | 'multi-tag-same-repo' | 'multi-repo' | 'registry-style-name' | 'hex-prefix-name' | 'sha-prefix-name'
  | 'identical-layers' | 'dangling' | 'dangling-in-use' | 'commit' | 'import'
  | 'container-created' | 'container-exited' | 'container-running' | 'container-paused'
  | 'pushed-digest' | 'pulled-by-tag' | 'pulled-by-digest';

export interface FixtureImage {
  /** What the builder made it as: `base`, `runtime`, `app`, `twin`, `dangling`, `committed`, … */
  role: string;
  id: string;
  /** Refreshed from `docker image inspect` once the store is complete. */
  repoTags: string[];
  repoDigests: string[];
  parent: string;
}

export interface FixtureContainer {
  role: string;
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: string;
}

export interface FixtureManifest {
  seed: number;
  namespace: string;
  size: 'small' | 'medium';
  registry?: string;
  engine: EngineFacts;
  images: FixtureImage[];
  containers: FixtureContainer[];
  features: FixtureFeature[];
  /** Features this engine could not produce, and why. */
  skipped: Array<{ feature: FixtureFeature; reason: string }>;
  /** Observations worth knowing when reading the store (e.g. which diff IDs the twins share). */
  notes: string[];
  elapsedMs: number;
}

type Files = Record<string, string | Uint8Array>;

/** Build state shared by the fixture steps; exported so other stores can compose the same builders. */
export class FixtureBuilder {
  readonly images: Array<{ role: string; id: string }> = [];
  readonly containers: Array<{ role: string; id: string }> = [];
  readonly features = new Set<FixtureFeature>();
  readonly skipped: FixtureManifest['skipped'] = [];
  readonly notes: string[] = [];
  readonly rng: Rng;

  constructor(
    readonly host: string,
    readonly facts: EngineFacts,
    readonly ns: string,
    readonly seed: number,
  ) {
    this.rng = seededRandom(seed);
  }

  /** Seed-determined text, different for every key. */
  text(key: string, bytes = 48): string {
    return `${this.ns} ${key}\n${seededBytes(`${this.seed}/${key}`, bytes).toString('hex')}\n`;
  }

  /** Classic-builder build from an in-memory context; returns the image ID. */
  async build(tag: string | undefined, dockerfile: string, files: Files = {}, opts: { noCache?: boolean; role?: string } = {}): Promise<string> {
    const entries: TarEntry[] = [{ name: 'Dockerfile', data: Buffer.from(dockerfile) }];
    for (const [name, data] of Object.entries(files)) entries.push({ name, data: typeof data === 'string' ? Buffer.from(data) : data, mode: name === 'busybox' ? 0o755 : 0o644 });
    const args = ['build', '-q', '--network', 'none', ...(opts.noCache ? ['--no-cache'] : []), ...(tag ? ['-t', tag] : []), '-'];
    const out = await dockerOut(this.host, args, { stdin: tarBytes(entries), classicBuilder: true });
    const id = /sha256:[0-9a-f]{64}/.exec(out)?.[0];
    if (!id) throw new Error(`docker build printed no image ID: ${out}`);
    if (opts.role) this.images.push({ role: opts.role, id });
    return id;
  }

  async tag(source: string, ref: string): Promise<void> {
    await dockerOut(this.host, ['tag', source, ref]);
  }

  /** `docker create` (never pulls, no network), then started per `state`. */
  async container(role: string, name: string | undefined, image: string, cmd: string[], state: 'created' | 'exited' | 'running'): Promise<string> {
    const id = await dockerOut(this.host, ['create', '--pull=never', '--network', 'none', ...(name ? ['--name', name] : []), image, ...cmd]);
    if (state === 'exited') await dockerOut(this.host, ['start', '-a', id]);
    if (state === 'running') await dockerOut(this.host, ['start', id]);
    this.containers.push({ role, id });
    return id;
  }

  /** Runs an optional step; a failure is recorded as skipped instead of failing the store. */
  async optional(feature: FixtureFeature, step: () => Promise<void>): Promise<void> {
    try {
      await step();
      this.features.add(feature);
    } catch (e) {
      this.skipped.push({ feature, reason: e instanceof Error ? e.message.slice(0, 300) : String(e) });
    }
  }

  /** Re-reads every recorded image and container, so the manifest shows the final refs. */
  async manifest(opts: FixtureOptions, started: number): Promise<FixtureManifest> {
    const ids = [...new Set(this.images.map((i) => i.id))];
    const inspect = ids.length ? await docker(this.host, ['image', 'inspect', ...ids], { allowFailure: true }) : undefined;
    type I = { Id: string; RepoTags?: string[] | null; RepoDigests?: string[] | null; Parent?: string };
    const found = new Map((JSON.parse(inspect?.stdout || '[]') as I[]).map((i) => [i.Id, i]));
    const images = this.images.flatMap(({ role, id }) => {
      const i = found.get(id);
      return i ? [{ role, id, repoTags: i.RepoTags ?? [], repoDigests: i.RepoDigests ?? [], parent: i.Parent ?? '' }] : [];
    });
    const cids = this.containers.map((c) => c.id);
    type C = { Id: string; Name: string; Image: string; Config: { Image: string }; State: { Status: string } };
    const cs = cids.length ? (JSON.parse(await dockerOut(this.host, ['container', 'inspect', ...cids])) as C[]) : [];
    const containers = cs.map((c, k) => ({ role: this.containers[k]?.role ?? '', id: c.Id, name: c.Name.replace(/^\//, ''), image: c.Config.Image, imageId: c.Image, state: c.State.Status }));
    if (!images.some((i) => i.parent)) {
      for (const f of ['parent-chains', 'shared-intermediates'] as const) {
        if (this.features.delete(f)) this.skipped.push({ feature: f, reason: 'the engine reports no Parent for classic-builder images' });
      }
    }
    return {
      seed: opts.seed, namespace: this.ns, size: opts.size ?? 'small', registry: opts.registry, engine: this.facts,
      images, containers, features: [...this.features].sort(), skipped: this.skipped, notes: this.notes, elapsedMs: Date.now() - started,
    };
  }
}

const WORDS = ['alder', 'birch', 'cedar', 'dune', 'elm', 'fern', 'gorse', 'heath', 'iris', 'juniper', 'kelp', 'larch'];
/** Repo names that are prefixes of the literal `sha256:` (spec sec. 1.6). `sha256` itself is refused. */
const SHA_NAMES = ['s', 'sh', 'sha', 'sha2', 'sha25'];
let busybox: Buffer | undefined;
const hex = (id: string) => id.replace(/^sha256:/, '');

/** FROM scratch + the static busybox; the seed file makes every base (and its IDs) differ. */
export function buildBase(b: FixtureBuilder, name: string, key: string): Promise<string> {
  busybox ??= fs.readFileSync('/bin/busybox');
  const dockerfile = [
    'FROM scratch',
    'COPY busybox /bin/busybox',
    // Exec form: there is no /bin/sh until busybox has installed its applet links.
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    'COPY seed.txt /etc/fx-seed',
    'ENV PATH=/bin',
    `LABEL org.layerlens.fixture=${b.ns} org.layerlens.role=base`,
    'CMD ["sh"]',
  ];
  return b.build(name, dockerfile.join('\n'), { busybox, 'seed.txt': b.text(key) });
}

/** A runtime on a base: RUN + COPY layers and ENV/LABEL steps (metadata-only step images). */
export function buildRuntime(b: FixtureBuilder, name: string, base: string, word: string): Promise<string> {
  const dockerfile = [
    `FROM ${base}`,
    `ENV RUNTIME=${word} RUNTIME_VERSION=1.${b.rng.int(0, 9)}`,
    `RUN mkdir -p /opt/${word} && echo ${word} > /opt/${word}/VERSION`,
    `COPY lib.bin /opt/${word}/lib.bin`,
    `LABEL org.layerlens.role=runtime org.layerlens.runtime=${word}`,
  ];
  return b.build(name, dockerfile.join('\n'), { 'lib.bin': seededBytes(`${b.seed}/rt/${word}`, b.rng.int(4, 64) * 1024) });
}

/**
 * Versions of one app, built in order: the first two steps hit the classic builder's cache, so
 * the versions share those intermediate images (one parent with several children, spec sec. 2).
 */
export async function buildAppVersions(b: FixtureBuilder, repo: string, runtime: string, versions: number): Promise<string[]> {
  const ids: string[] = [];
  const deps = b.text(`${repo}/deps`, 512);
  for (let v = 0; v < versions; v++) {
    const dockerfile = [
      `FROM ${runtime}`,
      `LABEL org.layerlens.app=${repo.replace(/[^a-z0-9]+/g, '-')}`,
      'COPY deps.txt /app/deps.txt',
      `RUN echo 1.${v} > /app/VERSION`,
      'COPY code.txt /app/code.txt',
      `ENV APP_VERSION=1.${v}`,
    ];
    ids.push(await b.build(`${repo}:1.${v}`, dockerfile.join('\n'), { 'deps.txt': deps, 'code.txt': b.text(`${repo}/code/${v}`, 2048) }));
  }
  const last = ids.at(-1);
  if (last) await b.tag(last, `${repo}:latest`);
  return ids;
}

/** Builds the seeded store on `host` and describes what it made. */
export async function buildFixtureStore(host: string, opts: FixtureOptions): Promise<FixtureManifest> {
  const started = Date.now();
  const ns = opts.namespace ?? `fx${opts.seed}`;
  const names = (await dockerOut(host, ['ps', '-a', '--format', '{{.Names}}'])).split('\n');
  if (names.some((n) => n.startsWith(`${ns}-`))) throw new Error(`fixture store ${ns} already exists on ${host}: use another seed or namespace`);
  const b = new FixtureBuilder(host, await engineFacts(host), ns, opts.seed);
  const medium = opts.size === 'medium';
  const words = [...WORDS];
  for (let i = words.length - 1; i > 0; i--) {
    const j = b.rng.int(0, i);
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  const w = (i: number) => words[i % words.length] as string;
  const record = (role: string, ids: string[]) => ids.forEach((id) => b.images.push({ role, id }));

  // Bases and runtimes are independent of each other per index: build them in parallel.
  const nBases = medium ? 3 : 2;
  const bases = await Promise.all(Array.from({ length: nBases }, (_, i) => buildBase(b, `${ns}/base-${w(i)}:1`, `base-${i}`)));
  record('base', bases);
  const [base0, base1] = bases as [string, string];
  await b.tag(base0, `${ns}/base-${w(0)}:latest`);
  const runtimes = await Promise.all(bases.map((base, i) => buildRuntime(b, `${ns}/runtime-${w(i)}:1`, base, w(i))));
  record('runtime', runtimes);
  const apps = await Promise.all(runtimes.map((rt, i) => buildAppVersions(b, `${ns}/app-${w(i)}`, rt, medium ? 3 : 2)));
  apps.forEach((ids) => record('app', ids));
  for (const f of ['scratch-bases', 'parent-chains', 'shared-intermediates', 'metadata-only-steps', 'labels', 'multi-tag-same-repo'] as const) b.features.add(f);
  const app0 = apps[0] as [string, string];
  await b.tag(app0[0], `${ns}/mirror-${w(0)}:stable`);
  b.features.add('multi-repo');
  await b.tag(app0[0], `localhost:5000/${ns}/app-${w(0)}:1.0`);
  b.features.add('registry-style-name');

  await buildTwins(b, base0);
  await buildRebuilt(b, base1);
  await b.optional('import', () => importImage(b));
  await addContainers(b, `${ns}/runtime-${w(0)}:1`, [`${ns}/app-${w(0)}:1.0`, `${ns}/app-${w(0)}:1.1`], medium);
  if (opts.edgeNames === false) {
    for (const f of ['hex-prefix-name', 'sha-prefix-name'] as const) b.skipped.push({ feature: f, reason: 'edgeNames: false' });
  } else {
    await b.optional('hex-prefix-name', async () => {
      // A repo named like a prefix of its own image ID (an ID request, sec. 1.6) and one named like
      // a prefix of another image's ID (the name wins over the ID prefix).
      await b.tag(app0[1], `${hex(app0[1]).slice(0, 3)}:latest`);
      await b.tag(runtimes[1] as string, `${hex(base0).slice(0, 4)}:latest`);
      await b.tag(base1, 'abc:latest');
      await b.tag(app0[0], 'cafe:latest');
    });
    await b.optional('sha-prefix-name', () => b.tag(runtimes[1] as string, `${SHA_NAMES[opts.seed % SHA_NAMES.length]}:latest`));
  }
  if (opts.registry) await addRegistryImages(b, opts.registry, base1, app0[0]);
  else for (const f of ['pushed-digest', 'pulled-by-tag', 'pulled-by-digest'] as const) b.skipped.push({ feature: f, reason: 'no registry given' });
  return b.manifest(opts, started);
}

/**
 * Two `--no-cache` builds whose first steps are identical: the classic builder makes new step
 * images (new IDs) but the layers come out byte-identical (COPY keeps the context mtime, the RUN
 * pins its file's mtime), so both images hold the same chain IDs (sec. 4.2 reference counts).
 */
async function buildTwins(b: FixtureBuilder, base: string): Promise<void> {
  const common = [`FROM ${base}`, 'COPY shared.txt /shared.txt', 'RUN echo twin > /twin.txt && touch -d @0 /twin.txt'];
  const files = { 'shared.txt': b.text('twin/shared', 1024), 'b.txt': b.text('twin/b') };
  const a = await b.build(`${b.ns}/twin:a`, [...common, 'LABEL org.layerlens.twin=a'].join('\n'), files, { noCache: true, role: 'twin' });
  const c = await b.build(`${b.ns}/twin:b`, [...common, 'COPY b.txt /b.txt'].join('\n'), files, { noCache: true, role: 'twin' });
  const layers = async (id: string) => (await dockerOut(b.host, ['image', 'inspect', '-f', '{{json .RootFS.Layers}}', id])).trim();
  const [la, lb] = [JSON.parse(await layers(a)) as string[], JSON.parse(await layers(c)) as string[]];
  const shared = la.filter((d, i) => lb[i] === d).length;
  b.notes.push(`twin:a ${hex(a).slice(0, 12)} and twin:b ${hex(c).slice(0, 12)}: ${shared} of ${la.length}/${lb.length} diff IDs equal (no-cache builds)`);
  if (shared > la.length - 1) b.features.add('identical-layers');
  else b.skipped.push({ feature: 'identical-layers', reason: `independent builds gave different layers (${shared} shared)` });
}

/** Rebuilding a tag leaves the old image dangling; a container keeps a second old build in use. */
async function buildRebuilt(b: FixtureBuilder, base: string): Promise<void> {
  const build = (n: number, tag: string) =>
    b.build(tag, [`FROM ${base}`, 'COPY build.txt /build.txt', `LABEL org.layerlens.build=${n}`].join('\n'), { 'build.txt': b.text(`rebuilt/${n}`) }, { role: n < 2 ? 'dangling' : 'rebuilt' });
  await build(0, `${b.ns}/rebuilt:latest`);
  await build(1, `${b.ns}/rebuilt-used:latest`);
  await b.container('uses-dangling', `${b.ns}-uses-dangling`, `${b.ns}/rebuilt-used:latest`, ['true'], 'exited');
  await build(2, `${b.ns}/rebuilt:latest`);
  await build(3, `${b.ns}/rebuilt-used:latest`);
  b.features.add('dangling');
  b.features.add('dangling-in-use');
}

/** `docker import`: a one-layer image with no parent and no history but the import entry. */
async function importImage(b: FixtureBuilder): Promise<void> {
  busybox ??= fs.readFileSync('/bin/busybox');
  const links = ['sh', 'true', 'sleep', 'echo', 'cat', 'ls'].map((l): TarEntry => ({ name: `bin/${l}`, type: 'symlink', linkname: 'busybox' }));
  const tar = tarBytes([{ name: 'bin', type: 'dir' }, { name: 'bin/busybox', data: busybox, mode: 0o755 }, ...links, { name: 'etc', type: 'dir' }, { name: 'etc/imported', data: Buffer.from(b.text('import')) }]);
  const out = await dockerOut(b.host, ['import', '--change', 'CMD ["sh"]', '--change', 'ENV PATH=/bin', '-', `${b.ns}/imported:1`], { stdin: tar });
  b.images.push({ role: 'imported', id: /sha256:[0-9a-f]{64}/.exec(out)?.[0] ?? out });
}

/** Created, exited and running containers (some named), and a `docker commit` of one of them. */
async function addContainers(b: FixtureBuilder, runtime: string, app: readonly [string, string], medium: boolean): Promise<void> {
  const ns = b.ns;
  await b.container('created', `${ns}-created`, app[0], ['sh'], 'created');
  b.features.add('container-created');
  // A stopped container on a single-tag image blocks `docker image rm twin:b` (sec. 3 row 6).
  await b.container('exited', `${ns}-exited`, `${ns}/twin:b`, ['true'], 'exited');
  await b.container('exited-unnamed', undefined, app[1], ['true'], 'exited');
  b.features.add('container-exited');
  await b.container('running', `${ns}-running`, runtime, ['sleep', 'infinity'], 'running');
  b.features.add('container-running');
  if (medium) {
    await b.optional('container-paused', async () => {
      const id = await b.container('paused', `${ns}-paused`, app[1], ['sleep', 'infinity'], 'running');
      await dockerOut(b.host, ['pause', id]);
    });
  }
  await b.optional('commit', async () => {
    const src = await b.container('commit-source', `${ns}-commit-src`, app[1], ['sh', '-c', 'echo committed > /committed.txt'], 'exited');
    const id = await dockerOut(b.host, ['commit', '--change', 'LABEL org.layerlens.role=committed', src, `${ns}/committed:1`]);
    b.images.push({ role: 'committed', id });
  });
}

/**
 * Registry refs (sec. 1.5): a push adds `repo@digest` to the pushed image; a pull by tag stores
 * the tag and the digest; a pull by digest stores only the digest (a digest-only image).
 */
async function addRegistryImages(b: FixtureBuilder, registry: string, base: string, app: string): Promise<void> {
  const repo = `${registry}/${b.ns}`;
  const push = async (ref: string) => /digest: (sha256:[0-9a-f]{64})/.exec(await dockerOut(b.host, ['push', ref]))?.[1] ?? '';
  await b.optional('pushed-digest', async () => {
    await b.tag(app, `${repo}/app:1.0`);
    await push(`${repo}/app:1.0`);
  });
  const roundTrip = async (name: string, tag: string, pullRef: (digest: string) => string, role: string) => {
    const ref = `${repo}/${name}:${tag}`;
    await b.build(ref, [`FROM ${base}`, `COPY ${name}.txt /${name}.txt`].join('\n'), { [`${name}.txt`]: b.text(name) });
    const digest = await push(ref);
    if (!digest) throw new Error(`push of ${ref} printed no digest`);
    await dockerOut(b.host, ['rmi', ref]);
    await dockerOut(b.host, ['pull', '-q', pullRef(digest)]);
    b.images.push({ role, id: await dockerOut(b.host, ['image', 'inspect', '-f', '{{.Id}}', pullRef(digest)]) });
  };
  await b.optional('pulled-by-tag', () => roundTrip('pulled', '1', () => `${repo}/pulled:1`, 'pulled'));
  await b.optional('pulled-by-digest', () => roundTrip('by-digest', 'tmp', (d) => `${repo}/by-digest@${d}`, 'digest-only'));
}
