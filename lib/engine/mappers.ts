import 'server-only';
import type Docker from 'dockerode';
import { chainIds } from '../model/chain-id';
import type { Container, EngineInfo, Image, Layer } from '../model/snapshot';

/** The engine's `/images/{id}/history` row (dockerode's typing is incomplete). */
export interface HistoryRow {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Tags: string[] | null;
  Comment: string;
}

// Dockerfile instructions that only change the image config: the builders mark their history
// entries `empty_layer`, which the API does not expose (engine-semantics.md sec. 6.1, 10).
const METADATA_STEP =
  /^(\/bin\/sh -c #\(nop\)\s+)?(ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|WORKDIR|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|ARG|MAINTAINER)\b/;

/**
 * Pairs an image's diff IDs (bottom-up) with its history rows (newest first, as the API returns
 * them). The engine consumes one diff ID per history entry that is not `empty_layer`; the API hides
 * that flag, but an empty-layer entry always reports Size 0. So: every row with Size > 0 is a layer;
 * among 0-byte rows, metadata instructions are taken to be empty-layer entries unless more layers
 * are needed to account for every diff ID. The attribution of `createdBy` can only be wrong for
 * 0-byte layers, so sizes always add up to the engine's.
 */
export function layersFromHistory(diffIds: readonly string[], history: readonly HistoryRow[]): Layer[] {
  const rows = [...history].reverse();
  const certain = rows.map((r) => r.Size > 0);
  const likely = rows.map((r, i) => certain[i] || !METADATA_STEP.test(r.CreatedBy));
  const want = diffIds.length;
  let picked = rows.map((_, i) => likely[i]!);
  let count = picked.filter(Boolean).length;
  // Too many candidates: drop uncertain 0-byte rows from the top; too few: promote metadata rows.
  for (let i = rows.length - 1; i >= 0 && count > want; i--) {
    if (picked[i] && !certain[i]) { picked[i] = false; count--; }
  }
  for (let i = 0; i < rows.length && count < want; i++) {
    if (!picked[i]) { picked[i] = true; count++; }
  }
  if (count !== want) picked = rows.map(() => false); // history does not describe the layers
  const chains = chainIds(diffIds);
  const layerRows = rows.filter((_, i) => picked[i]);
  return diffIds.map((diffId, k) => {
    const row = layerRows[k];
    return { diffId, chainId: chains[k]!, size: row?.Size ?? 0, createdBy: row?.CreatedBy ?? '' };
  });
}

/** API < 1.43 lists untagged images with `<none>` placeholders; the snapshot keeps plain lists. */
export function realRefs(list: readonly string[] | null | undefined): string[] {
  return (list ?? []).filter((r) => r !== '<none>:<none>' && r !== '<none>@<none>');
}

export function toImage(
  summary: Docker.ImageInfo,
  inspect: Docker.ImageInspectInfo,
  layers: Layer[],
): Image {
  return {
    id: summary.Id,
    repoTags: realRefs(summary.RepoTags),
    repoDigests: realRefs(summary.RepoDigests),
    parent: summary.ParentId ?? '',
    created: inspect.Created ?? '',
    size: summary.Size,
    labels: summary.Labels ?? {},
    layers,
  };
}

export function toContainer(c: Docker.ContainerInfo): Container {
  return {
    id: c.Id,
    names: (c.Names ?? []).map((n) => n.replace(/^\//, '')),
    imageId: c.ImageID,
    image: c.Image,
    state: c.State,
  };
}

type RawInfo = {
  Driver?: string;
  DriverStatus?: Array<[string, string]> | null;
  Warnings?: string[] | null;
  DockerRootDir?: string;
  OperatingSystem?: string;
  Name?: string;
};

export function toEngineInfo(version: { Version?: string; ApiVersion?: string }, info: RawInfo): EngineInfo {
  const driverStatus = info.DriverStatus ?? [];
  // The containerd image store reports its snapshotter this way (engine-semantics.md sec. 7).
  const containerd = driverStatus.some(([k, v]) => k === 'driver-type' && v === 'io.containerd.snapshotter.v1');
  return {
    serverVersion: version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    driver: info.Driver ?? '',
    driverStatus,
    warnings: info.Warnings ?? [],
    dataRoot: info.DockerRootDir ?? '',
    imageStore: containerd ? 'containerd' : 'classic',
    operatingSystem: info.OperatingSystem ?? '',
    name: info.Name ?? '',
  };
}
