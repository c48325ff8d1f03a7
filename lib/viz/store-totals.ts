import type { StoreView } from './store-view';

export interface StoreTotals {
  images: number;
  /** Images `docker image ls` lists without `-a` (intermediate images excluded). */
  topLevelImages: number;
  tags: number;
  layers: number;
  containers: number;
  runningContainers: number;
  /** Every distinct layer counted once (by chain ID). */
  bytesOnDisk: number;
  /** Layers that two or more images hold. */
  bytesShared: number;
  /** Layers that only images without any container hold: what `docker image prune -a` frees. */
  bytesReclaimable: number;
  unusedImages: number;
}

/**
 * Store-wide totals from chain IDs. A layer is reclaimable when no image a container was created
 * from holds it: containers pin their image's layers even after the image is gone (sec. 4.2), and
 * an unused image's parents are unused too, their layers being a prefix of the child's.
 */
export function storeTotals(view: StoreView): StoreTotals {
  let bytesOnDisk = 0;
  let bytesShared = 0;
  for (const l of view.layers) {
    bytesOnDisk += l.size;
    if (l.holders > 1) bytesShared += l.size;
  }
  const pinned = new Set<number>();
  let unusedImages = 0;
  for (const img of view.images) {
    if (img.containers.length > 0) for (const i of img.layers) pinned.add(i);
    else if (!img.intermediate) unusedImages++;
  }
  let bytesPinned = 0;
  for (const i of pinned) bytesPinned += view.layers[i]!.size;
  return {
    images: view.images.length,
    topLevelImages: view.images.filter((i) => !i.intermediate).length,
    tags: view.images.reduce((n, i) => n + i.tags.length, 0),
    layers: view.layers.length,
    containers: view.containers.length,
    runningContainers: view.containers.filter((c) => c.running).length,
    bytesOnDisk,
    bytesShared,
    bytesReclaimable: bytesOnDisk - bytesPinned,
    unusedImages,
  };
}

export interface RepositoryBytes {
  repository: string;
  images: number;
  /** Layers held only by this repository's images: removing the repository frees them. */
  unique: number;
  /** Layers this repository holds together with other repositories. */
  shared: number;
}

/** What the chart leaves out: repositories beyond the top ones, summed. */
export interface OtherRepositories {
  repositories: number;
  images: number;
  /** Layers any of them holds, each counted once. */
  bytes: number;
}

/**
 * Bytes per repository (an image counts under its first tag's repository, untagged ones under
 * `<none>`), largest first, the first `top` of them; the rest are summed in `others` so that one
 * big remainder does not flatten every bar of the chart.
 */
export function bytesByRepository(view: StoreView, top = 12): { rows: RepositoryBytes[]; others: OtherRepositories | null } {
  const reposOfLayer = new Map<number, Set<string>>();
  const layersOfRepo = new Map<string, Set<number>>();
  const imagesOfRepo = new Map<string, number>();
  for (const img of view.images) {
    // Intermediate images hold nothing their descendants don't; they would only blur the split.
    if (img.intermediate) continue;
    const repo = img.repository;
    imagesOfRepo.set(repo, (imagesOfRepo.get(repo) ?? 0) + 1);
    const set = layersOfRepo.get(repo) ?? layersOfRepo.set(repo, new Set()).get(repo)!;
    for (const i of img.layers) {
      set.add(i);
      (reposOfLayer.get(i) ?? reposOfLayer.set(i, new Set()).get(i)!).add(repo);
    }
  }
  const rows: RepositoryBytes[] = [...layersOfRepo].map(([repository, set]) => {
    let unique = 0;
    let shared = 0;
    for (const i of set) {
      const size = view.layers[i]!.size;
      if (reposOfLayer.get(i)!.size > 1) shared += size;
      else unique += size;
    }
    return { repository, images: imagesOfRepo.get(repository) ?? 0, unique, shared };
  });
  rows.sort((a, b) => b.unique + b.shared - (a.unique + a.shared) || a.repository.localeCompare(b.repository));
  if (rows.length <= top) return { rows, others: null };
  const rest = rows.slice(top);
  const layers = new Set<number>();
  for (const r of rest) for (const i of layersOfRepo.get(r.repository)!) layers.add(i);
  let bytes = 0;
  for (const i of layers) bytes += view.layers[i]!.size;
  return {
    rows: rows.slice(0, top),
    others: { repositories: rest.length, images: rest.reduce((n, r) => n + r.images, 0), bytes },
  };
}
