import { isRunningState, shortId, type EngineInfo, type Snapshot } from '../model/snapshot';
import { familiarName, parseFamiliar } from '../model/reference';

/** One distinct layer of the store, keyed by chain ID. */
export interface LayerView {
  chainId: string;
  diffId: string;
  /** Index of the layer beneath (chain ID of diff IDs 0..k-1), -1 for a bottom layer. */
  parent: number;
  size: number;
  createdBy: string;
  /**
   * Images that hold this chain ID, not counting intermediate images: as `docker system df` counts
   * sharing (top-level images only). An intermediate image's layers are always held by its
   * descendants, and removing a child prunes it, so counting it would make nothing look unique.
   */
  holders: number;
}

export interface ContainerView {
  id: string;
  shortId: string;
  name: string;
  imageId: string;
  state: string;
  running: boolean;
}

export interface ImageView {
  id: string;
  shortId: string;
  tags: string[];
  digests: string[];
  created: string;
  size: number;
  /** Bytes of layers no other image holds: what removing this image alone would free. */
  uniqueBytes: number;
  /** Bytes of layers at least one other image holds. */
  sharedBytes: number;
  parent: string;
  labels: Record<string, string>;
  /** Indices into StoreView.layers, bottom-up. */
  layers: number[];
  /** Indices into StoreView.containers. */
  containers: number[];
  /** Untagged with child images: what `docker image ls` hides without `-a`. */
  intermediate: boolean;
  /** Untagged and childless: `dangling=true` in `docker image ls --filter`. */
  dangling: boolean;
  repository: string;
}

/**
 * The snapshot reshaped for the dashboard: serialisable, with layers stored once and referenced by
 * index (a 1,000-image store repeats each base chain ID hundreds of times). Sizes are computed from
 * chain IDs, not read from the API: API 1.41 reports `SharedSize` as -1 (engine-semantics.md sec. 6.2).
 */
export interface StoreView {
  readAt: number;
  engine: EngineInfo;
  images: ImageView[];
  layers: LayerView[];
  containers: ContainerView[];
}

/** Builds the view. Invariant: `layers[i].parent < i`, so a parent always precedes its children. */
export function toStoreView(snapshot: Snapshot): StoreView {
  const index = new Map<string, number>();
  const layers: LayerView[] = [];
  const hasChild = new Set(snapshot.images.map((i) => i.parent).filter(Boolean));
  const isIntermediate = (img: Snapshot['images'][number]) => img.repoTags.length === 0 && hasChild.has(img.id);
  for (const img of snapshot.images) {
    let below = -1;
    for (const l of img.layers) {
      let i = index.get(l.chainId);
      if (i === undefined) {
        i = layers.length;
        index.set(l.chainId, i);
        layers.push({ chainId: l.chainId, diffId: l.diffId, parent: below, size: l.size, createdBy: l.createdBy.slice(0, 300), holders: 0 });
      }
      if (!isIntermediate(img)) layers[i]!.holders++;
      below = i;
    }
  }
  const containers: ContainerView[] = snapshot.containers.map((c) => ({
    id: c.id,
    shortId: shortId(c.id),
    name: c.names[0] ?? shortId(c.id),
    imageId: c.imageId,
    state: c.state,
    running: isRunningState(c.state),
  }));
  const images: ImageView[] = snapshot.images.map((img) => {
    const idx = img.layers.map((l) => index.get(l.chainId)!);
    let uniqueBytes = 0;
    let sharedBytes = 0;
    for (const i of idx) {
      const l = layers[i]!;
      if (l.holders > 1 || (l.holders === 1 && isIntermediate(img))) sharedBytes += l.size;
      else uniqueBytes += l.size;
    }
    const untagged = img.repoTags.length === 0;
    return {
      id: img.id,
      shortId: shortId(img.id),
      tags: img.repoTags,
      digests: img.repoDigests,
      created: img.created,
      size: img.size,
      uniqueBytes,
      sharedBytes,
      parent: img.parent,
      labels: img.labels,
      layers: idx,
      containers: containers.flatMap((c, i) => (c.imageId === img.id ? [i] : [])),
      intermediate: untagged && hasChild.has(img.id),
      dangling: untagged && !hasChild.has(img.id),
      repository: repositoryOf(img.repoTags[0] ?? img.repoDigests[0], snapshot.engine.apiVersion),
    };
  });
  return { readAt: snapshot.readAt, engine: snapshot.engine, images, layers, containers };
}

/** How a person names an image: its first tag, else its first digest reference, else its short ID. */
export function imageLabel(img: Pick<ImageView, 'tags' | 'digests' | 'shortId'>): string {
  return img.tags[0] ?? img.digests[0] ?? img.shortId;
}

/**
 * The references that remove a whole image without `--force`, as an operator would type them: every
 * tag (the last tag of a repository also takes that repository's digests, sec. 2), else its digest
 * references, else its short ID (an ID request).
 */
export function removalRefs(img: Pick<ImageView, 'tags' | 'digests' | 'shortId'>): string[] {
  if (img.tags.length > 0) return [...img.tags];
  if (img.digests.length > 0) return [...img.digests];
  return [img.shortId];
}

/** The repository a familiar ref names, as the engine prints it; `<none>` for an untagged image. */
function repositoryOf(ref: string | undefined, apiVersion: string): string {
  const parsed = ref === undefined ? null : parseFamiliar(ref, apiVersion);
  return parsed ? familiarName(parsed) : '<none>';
}
