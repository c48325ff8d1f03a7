/**
 * The engine snapshot: everything layerlens knows about one Docker engine at one instant.
 * Plain, serialisable data. Produced by `lib/engine/snapshot-reader.ts`, consumed by the pure core
 * (planner, filters, layer graph) and printed by `layerlens snapshot --json`.
 *
 * Invariants:
 * - every ID is in the engine's `sha256:<64 hex>` form;
 * - `layers` are bottom-up, `layers[k].chainId` is the chain ID of diff IDs 0..k (chain-id.ts);
 * - on the classic store the layer sizes add up to the image `size`.
 */

/** Which image store the engine uses (engine-semantics.md sec. 7, "Which store is active"). */
export type ImageStore = 'classic' | 'containerd';

export interface EngineInfo {
  /** e.g. `20.10.24+dfsg1` */
  serverVersion: string;
  /** e.g. `1.41`: the API version the engine speaks by default, which keys version-gated texts. */
  apiVersion: string;
  /** `overlay2`, `devicemapper`, `overlayfs` (containerd snapshotter), … */
  driver: string;
  driverStatus: Array<[string, string]>;
  warnings: string[];
  dataRoot: string;
  imageStore: ImageStore;
  operatingSystem: string;
  /** Engine host name, as the engine reports it. */
  name: string;
  /**
   * Build cache as `GET /system/df?type=build-cache` reports it (API 1.42+); absent when not read.
   * Its records can hold layers that an image removal would otherwise free.
   */
  buildCache?: { records: number; bytes: number };
}

export interface Layer {
  diffId: string;
  chainId: string;
  /** Own size of the layer (DiffSize), bytes. */
  size: number;
  /** The history entry that produced this layer (empty-layer history entries have no layer). */
  createdBy: string;
}

export interface Image {
  id: string;
  /** Familiar form, as the engine prints them (`busybox:latest`, `localhost:5000/x:1`). */
  repoTags: string[];
  /** Familiar form `repo@sha256:…`. */
  repoDigests: string[];
  /** Stored parent image ID, `""` when none. */
  parent: string;
  /** RFC 3339 creation time as the engine reports it (full precision; `""` if absent). */
  created: string;
  /**
   * Size in bytes as the engine reports it for this image. On the classic store it is the sum of
   * the layers' sizes; on the containerd store it also counts content blobs (manifests, config,
   * compressed layers), so it is larger than that sum (engine-semantics.md sec. 7, List).
   */
  size: number;
  labels: Record<string, string>;
  layers: Layer[];
}

export interface Container {
  id: string;
  /** Without the leading `/`. */
  names: string[];
  /** Full image ID the container was created from. */
  imageId: string;
  /** The image as the user typed it (or the ID when that name no longer resolves to it). */
  image: string;
  /** Engine state: `created`, `running`, `paused`, `restarting`, `removing`, `exited`, `dead`. */
  state: string;
  /**
   * Only when the container's image is gone (force-deleted): the chain IDs it still pins, bottom-up,
   * as far as they could be recovered (engine-semantics.md sec. 4.2). Absent otherwise.
   */
  pinnedChainIds?: string[];
}

export interface Snapshot {
  engine: EngineInfo;
  images: Image[];
  containers: Container[];
  /** ms since epoch when the read started. */
  readAt: number;
}

/** Running in the engine's sense: State.Running is true (engine-semantics.md sec. 2, definitions). */
export function isRunningState(state: string): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting';
}

/** `hex12` of engine-semantics.md: strip up to the first `:` and keep 12 characters. */
export function shortId(id: string): string {
  const i = id.indexOf(':');
  return id.slice(i + 1, i + 13);
}
