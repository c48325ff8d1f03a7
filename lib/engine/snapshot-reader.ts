import 'server-only';
import type Docker from 'dockerode';
import pLimit from 'p-limit';
import { apiAtLeast } from '../model/reference';
import type { EngineInfo, Image, Layer, Snapshot } from '../model/snapshot';
import { EngineUnreachableError } from './connection';
import { layersFromHistory, toContainer, toEngineInfo, toImage, type HistoryRow } from './mappers';

/** What never changes for an image ID: its config fixes its diff IDs, history and creation time. */
interface ImmutablePart {
  inspect: Docker.ImageInspectInfo;
  layers: Layer[];
}

/**
 * Reads an engine into a Snapshot. One reader per engine: it remembers the immutable part of every
 * image it has seen (an image ID is the digest of its config), so a warm read costs four list calls
 * plus inspect/history for new images only. Layers are shared by chain ID across images.
 */
export class SnapshotReader {
  private readonly byImage = new Map<string, ImmutablePart>();
  private readonly byChain = new Map<string, Layer>();
  private readonly limit = pLimit(8);

  constructor(
    private readonly docker: Docker,
    private readonly address: string,
  ) {}

  async read(): Promise<Snapshot> {
    const readAt = Date.now();
    let version, info, summaries, containers;
    try {
      [version, info, summaries, containers] = await Promise.all([
        this.docker.version(),
        this.docker.info(),
        this.docker.listImages({ all: true }),
        this.docker.listContainers({ all: true }),
      ]);
    } catch (e) {
      throw toEngineError(e, this.address);
    }
    const engine = toEngineInfo(version, info);
    const buildCache = await this.buildCache(engine.apiVersion);
    if (buildCache) engine.buildCache = buildCache;
    const images = await Promise.all(
      summaries.map((s) => this.limit(async (): Promise<Image | undefined> => {
        const part = await this.immutablePart(s.Id);
        return part && toImage(s, part.inspect, part.layers);
      })),
    );
    const seen = new Set(summaries.map((s) => s.Id));
    const pinned = new Set(containers.map((c) => c.ImageID));
    // A force-deleted image's layers stay pinned by its containers; keep what we knew of it.
    for (const id of this.byImage.keys()) if (!seen.has(id) && !pinned.has(id)) this.byImage.delete(id);
    const orphans = containers.filter((c) => !seen.has(c.ImageID));
    const cacheDirs = orphans.some((c) => !this.byImage.has(c.ImageID)) ? this.chainByCacheDir() : undefined;
    return {
      engine,
      images: images.filter((i): i is Image => i !== undefined),
      containers: await Promise.all(
        containers.map(async (c) => {
          const out = toContainer(c);
          if (seen.has(c.ImageID)) return out;
          const known = this.byImage.get(c.ImageID);
          const chains = known ? known.layers.map((l) => l.chainId) : await this.pinnedByOverlay(c.Id, cacheDirs!);
          return chains ? { ...out, pinnedChainIds: chains } : out;
        }),
      ),
      readAt,
    };
  }

  /**
   * Build-cache records and bytes, when the engine can report them cheaply (`type=` needs API
   * 1.42; older engines would compute the whole disk usage, so they are not asked).
   */
  private async buildCache(apiVersion: string): Promise<EngineInfo['buildCache']> {
    if (!apiAtLeast(apiVersion, '1.42')) return undefined;
    try {
      const df = await new Promise<{ BuildCache?: Array<{ Size?: number }> | null }>((resolve, reject) =>
        this.docker.modem.dial(
          { path: '/system/df?', method: 'GET', options: { type: 'build-cache' }, statusCodes: { 200: true } },
          (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as { BuildCache?: Array<{ Size?: number }> })),
        ),
      );
      const items = df.BuildCache ?? [];
      return { records: items.length, bytes: items.reduce((n, b) => n + (b.Size ?? 0), 0) };
    } catch {
      return undefined;
    }
  }

  /** overlay2 layer directory -> chain ID, from every image's GraphDriver data (top, then lower). */
  private chainByCacheDir(): Map<string, string> {
    const map = new Map<string, string>();
    for (const { inspect, layers } of this.byImage.values()) {
      const data = (inspect.GraphDriver?.Data ?? {}) as Record<string, string | undefined>;
      const dirs = [data.UpperDir, ...(data.LowerDir ?? '').split(':')].filter((d): d is string => !!d);
      dirs.forEach((dir, k) => {
        const layer = layers[layers.length - 1 - k];
        if (layer) map.set(dir, layer.chainId);
      });
    }
    return map;
  }

  /**
   * The chains a container pins when its image is gone and was never read: its overlay2 lower
   * directories mapped back through the images that still share them. Layers no other image has
   * cannot change a plan, so missing them is harmless. Other drivers: unknown (undefined).
   */
  private async pinnedByOverlay(containerId: string, byDir: Map<string, string>): Promise<string[] | undefined> {
    try {
      const info = await this.docker.getContainer(containerId).inspect();
      const lower = ((info.GraphDriver?.Data ?? {}) as Record<string, string | undefined>).LowerDir;
      if (!lower) return undefined;
      const chains = lower.split(':').map((d) => byDir.get(d)).filter((c): c is string => c !== undefined);
      return chains.reverse();
    } catch {
      return undefined;
    }
  }

  /** undefined when the image vanished between the list and the inspect (a concurrent removal). */
  private async immutablePart(id: string): Promise<ImmutablePart | undefined> {
    const cached = this.byImage.get(id);
    if (cached) return cached;
    const img = this.docker.getImage(id);
    let inspect: Docker.ImageInspectInfo;
    let history: HistoryRow[];
    try {
      [inspect, history] = await Promise.all([img.inspect(), img.history() as Promise<HistoryRow[]>]);
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return undefined;
      throw toEngineError(e, this.address);
    }
    const layers = layersFromHistory(inspect.RootFS?.Layers ?? [], history).map((l) => {
      const known = this.byChain.get(l.chainId);
      if (known) return known;
      this.byChain.set(l.chainId, l);
      return l;
    });
    const part = { inspect, layers };
    this.byImage.set(id, part);
    return part;
  }
}

/** Connection failures become one clear error naming the address; API errors pass through. */
export function toEngineError(e: unknown, address: string): Error {
  const code = (e as { code?: string }).code;
  if (code && ['ENOENT', 'ECONNREFUSED', 'EACCES', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', 'ENOTFOUND'].includes(code)) {
    return new EngineUnreachableError(address, e);
  }
  return e instanceof Error ? e : new Error(String(e));
}
