import 'server-only';
import type Docker from 'dockerode';
import pLimit from 'p-limit';
import type { Image, Layer, Snapshot } from '../model/snapshot';
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
    const images = await Promise.all(
      summaries.map((s) => this.limit(async (): Promise<Image | undefined> => {
        const part = await this.immutablePart(s.Id);
        return part && toImage(s, part.inspect, part.layers);
      })),
    );
    const seen = new Set(summaries.map((s) => s.Id));
    for (const id of this.byImage.keys()) if (!seen.has(id)) this.byImage.delete(id);
    return {
      engine,
      images: images.filter((i): i is Image => i !== undefined),
      containers: containers.map(toContainer),
      readAt,
    };
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
