import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { chainIds } from './chain-id';
import type { Container, EngineInfo, Image, ImageStore, Snapshot } from './snapshot';

/**
 * A tiny builder of hand-made snapshots for tests of the pure core: plain data, no engine.
 *
 * IDs are deterministic: `sha256:` + an optional readable hex prefix chosen by the test
 * (`{ id: 'abc' }` gives `sha256:abc…`) + the SHA-256 of the key, cut to 64 hex digits. Diff IDs
 * come from layer keys, so two images listing the same layer keys bottom-up share those chain IDs
 * (chain-id.ts), exactly as real images built on the same base do.
 *
 * References are given in familiar form, as the engine prints them (`busybox:latest`,
 * `busybox@sha256:…`, `localhost:5000/x:1`). On the containerd store every name is a record, so
 * digest-form names go to `RepoTags` like the engine lists them (engine-semantics.md sec. 7).
 */

/** A layer: its key (diff ID seed) and, optionally, its own size in bytes. */
export type LayerSpec = string | readonly [key: string, size: number];

export interface ImageSpec {
  /** Lower-case hex the image ID starts with, for prefix tests and readable failures. */
  id?: string;
  tags?: readonly string[];
  /** Digest refs in familiar form: `busybox@sha256:…` (see {@link digestOf}). */
  digests?: readonly string[];
  /** Layer keys bottom-up; an image with no layer keys has no layers (a metadata-only image). */
  layers?: readonly LayerSpec[];
  /** Key of the stored parent image (classic builder, commit, load). */
  parent?: string;
}

export interface ContainerSpec {
  id?: string;
  name?: string;
}

/** Own size of a layer whose size a test does not give. */
export const DEFAULT_LAYER_SIZE = 100;

function hex(seed: string): string {
  return bytesToHex(sha256(utf8ToBytes(seed)));
}

/** A fake `sha256:<64 hex>` from a readable hex prefix and a seed. */
export function fakeId(prefix: string, seed: string): string {
  if (!/^[0-9a-f]*$/.test(prefix) || prefix.length > 64) throw new Error(`bad hex prefix ${prefix}`);
  return `sha256:${(prefix + hex(seed)).slice(0, 64)}`;
}

/** A deterministic digest (`sha256:<64 hex>`) for a key: a manifest or index digest in tests. */
export function digestOf(key: string): string {
  return fakeId('', `digest:${key}`);
}

/** The diff ID of a layer key. */
export function diffIdOf(key: string): string {
  return fakeId('', `diff:${key}`);
}

const ENGINES: Record<ImageStore, EngineInfo> = {
  classic: {
    serverVersion: '20.10.24+dfsg1',
    apiVersion: '1.41',
    driver: 'overlay2',
    driverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
    ],
    warnings: [],
    dataRoot: '/var/lib/docker',
    imageStore: 'classic',
    operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    name: 'testhost',
  },
  containerd: {
    serverVersion: '28.5.2+dfsg4',
    apiVersion: '1.51',
    driver: 'overlayfs',
    driverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    warnings: [],
    dataRoot: '/var/lib/docker',
    imageStore: 'containerd',
    operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    name: 'testhost',
  },
};

/** Builds a {@link Snapshot} image by image. Keys name images and containers inside a test. */
export class TestStore {
  private readonly engine: EngineInfo;
  private readonly images = new Map<string, ImageSpec & { imageId: string }>();
  private readonly containers: Container[] = [];
  private readonly containerIds = new Map<string, string>();
  private readonly sizes = new Map<string, number>();

  constructor(opts: { store?: ImageStore; engine?: Partial<EngineInfo> } = {}) {
    const store = opts.store ?? 'classic';
    this.engine = { ...ENGINES[store], ...opts.engine, imageStore: store };
  }

  /** Adds an image under `key`; throws if its ID collides with another image's. */
  image(key: string, spec: ImageSpec = {}): this {
    if (this.images.has(key)) throw new Error(`image ${key} twice`);
    const imageId = fakeId(spec.id ?? '', `image:${key}`);
    for (const [k, other] of this.images) if (other.imageId === imageId) throw new Error(`images ${k} and ${key} share an ID`);
    for (const l of spec.layers ?? []) {
      const [lk, size] = typeof l === 'string' ? [l, undefined] : l;
      const known = this.sizes.get(lk);
      if (size !== undefined && known !== undefined && known !== size) throw new Error(`layer ${lk}: two sizes`);
      if (size !== undefined || known === undefined) this.sizes.set(lk, size ?? DEFAULT_LAYER_SIZE);
    }
    this.images.set(key, { ...spec, imageId });
    return this;
  }

  /** Adds a container created from image `imageKey`, in engine state `state`. */
  container(key: string, imageKey: string, state: string, spec: ContainerSpec = {}): this {
    const img = this.images.get(imageKey);
    const imageId = img?.imageId ?? this.id(imageKey);
    if (this.containerIds.has(key)) throw new Error(`container ${key} twice`);
    const id = fakeId(spec.id ?? '', `container:${key}`);
    this.containerIds.set(key, id);
    this.containers.push({
      id,
      names: [spec.name ?? key],
      imageId,
      image: img?.tags?.[0] ?? imageId,
      state,
    });
    return this;
  }

  /** The ID of image `key`. */
  id(key: string): string {
    const img = this.images.get(key);
    if (!img) throw new Error(`no image ${key}`);
    return img.imageId;
  }

  /** `hex12` of image `key`, as conflict messages print it. */
  short(key: string): string {
    return this.id(key).slice('sha256:'.length, 'sha256:'.length + 12);
  }

  /** The ID of container `key`. */
  cid(key: string): string {
    const id = this.containerIds.get(key);
    if (id === undefined) throw new Error(`no container ${key}`);
    return id;
  }

  /** `hex12` of container `key`. */
  cshort(key: string): string {
    return this.cid(key).slice('sha256:'.length, 'sha256:'.length + 12);
  }

  /** Chain IDs of image `key`, bottom-up. */
  chains(key: string): string[] {
    const img = this.images.get(key);
    if (!img) throw new Error(`no image ${key}`);
    return chainIds((img.layers ?? []).map((l) => diffIdOf(typeof l === 'string' ? l : l[0])));
  }

  /** Chain ID of layer `k` of image `key` (bottom = 0; default: the top layer). */
  chain(key: string, k?: number): string {
    const cs = this.chains(key);
    const c = cs[k ?? cs.length - 1];
    if (c === undefined) throw new Error(`image ${key} has no layer ${k ?? 'top'}`);
    return c;
  }

  /** Own size of the layer with key `layerKey`. */
  size(layerKey: string): number {
    return this.sizes.get(layerKey) ?? DEFAULT_LAYER_SIZE;
  }

  snapshot(): Snapshot {
    const containerd = this.engine.imageStore === 'containerd';
    const images: Image[] = [...this.images.entries()].map(([key, spec], n) => {
      const layerKeys = (spec.layers ?? []).map((l) => (typeof l === 'string' ? l : l[0]));
      const chains = this.chains(key);
      const layers = layerKeys.map((k, i) => ({ diffId: diffIdOf(k), chainId: chains[i]!, size: this.size(k), createdBy: `RUN ${k}` }));
      const tags = [...(spec.tags ?? [])];
      const digests = [...(spec.digests ?? [])];
      const first = [...tags, ...digests][0];
      return {
        id: spec.imageId,
        // containerd: every record name is listed in RepoTags; RepoDigests is synthesized (sec. 7).
        repoTags: containerd ? [...tags, ...digests] : tags,
        repoDigests: containerd ? (first ? [`${first.replace(/[@:][^/]*$/, '')}@${spec.imageId}`] : []) : digests,
        parent: spec.parent ? this.id(spec.parent) : '',
        created: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
        size: layers.reduce((s, l) => s + l.size, 0),
        labels: {},
        layers,
      };
    });
    return { engine: { ...this.engine }, images, containers: this.containers.map((c) => ({ ...c })), readAt: 0 };
  }
}
