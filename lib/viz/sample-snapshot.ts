import { chainIds } from '../model/chain-id';
import type { Container, EngineInfo, Image, Snapshot } from '../model/snapshot';

/** A fake `sha256:` ID from a short key: stable, distinct, 64 hex digits. */
export function fakeId(key: string): string {
  let h = 2166136261;
  const out: string[] = [];
  for (let round = 0; out.join('').length < 64; round++) {
    for (const ch of `${key}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out.push(h.toString(16).padStart(8, '0'));
  }
  return `sha256:${out.join('').slice(0, 64)}`;
}

export const SAMPLE_ENGINE: EngineInfo = {
  serverVersion: '20.10.24+dfsg1',
  apiVersion: '1.41',
  driver: 'overlay2',
  driverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true']],
  warnings: [],
  dataRoot: '/var/lib/docker',
  imageStore: 'classic',
  operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  name: 'host',
};

export interface SampleImage {
  key: string;
  tags?: string[];
  /** Diff keys bottom-up with sizes: `[['base', 1000], ['app', 50]]`. */
  layers: Array<[string, number]>;
  parent?: string;
}

/** A snapshot from a compact description, for tests of the pure dashboard code. */
export function sampleSnapshot(images: SampleImage[], containers: Array<{ name: string; image: string; state: string }> = []): Snapshot {
  const built: Image[] = images.map((s) => {
    const diffIds = s.layers.map(([k]) => fakeId(`diff:${k}`));
    const chains = chainIds(diffIds);
    return {
      id: fakeId(`img:${s.key}`),
      repoTags: s.tags ?? [],
      repoDigests: [],
      parent: s.parent ? fakeId(`img:${s.parent}`) : '',
      created: '2024-05-01T12:00:00Z',
      size: s.layers.reduce((n, [, size]) => n + size, 0),
      labels: {},
      layers: s.layers.map(([k, size], i) => ({ diffId: diffIds[i]!, chainId: chains[i]!, size, createdBy: `RUN make ${k}` })),
    };
  });
  const cs: Container[] = containers.map((c) => ({
    id: fakeId(`ctr:${c.name}`),
    names: [c.name],
    imageId: fakeId(`img:${c.image}`),
    image: c.image,
    state: c.state,
  }));
  return { engine: SAMPLE_ENGINE, images: built, containers: cs, readAt: 0 };
}

/**
 * A large synthetic store: `n` images over a few bases, each with a handful of own layers, grouped
 * in families that share a middle layer. For layout and rendering measurements.
 */
export function largeSnapshot(n: number): Snapshot {
  const images: SampleImage[] = [];
  for (let i = 0; i < n; i++) {
    const base = `base${i % 5}`;
    const family = `fam${i % 97}`;
    images.push({
      key: `big${i}`,
      tags: i % 7 === 0 ? [] : [`repo${i % 40}/app${i}:v${i % 3}`],
      layers: [[base, 30_000_000], [`${base}-tools`, 5_000_000], [`${base}-${family}`, 2_000_000], [`own${i}`, 100_000 + i], [`own${i}b`, 5_000]],
    });
  }
  return sampleSnapshot(images, [{ name: 'c1', image: 'big1', state: 'running' }]);
}
