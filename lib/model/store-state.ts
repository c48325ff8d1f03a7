import { compareRefs, parseFamiliar, type NamedRef } from './reference';
import type { Container, Snapshot } from './snapshot';

export const DANGLING_PREFIX = 'moby-dangling@';

/** A containerd image record: a full name, or the dangling placeholder of a target (no `ref`). */
export interface ImageRecord {
  name: string;
  target: string;
  ref?: NamedRef;
}

/** One image as the simulation sees it. `chains` are bottom-up chain IDs. */
export interface SimImage {
  id: string;
  parent: string;
  chains: string[];
}

/**
 * The mutable image store a removal plan is simulated on: references, images and their parents,
 * and the containers that pin images and layers. Built from a snapshot, never touching it.
 *
 * References are kept in their full normalized form (`docker.io/library/busybox:latest`), the key
 * the engine's reference store sorts by (engine-semantics.md sec. 1.5).
 */
export class StoreState {
  readonly images = new Map<string, SimImage>();
  /** full ref string -> parsed ref and image ID */
  readonly refs = new Map<string, { ref: NamedRef; imageId: string }>();
  /** Chains of every image of the snapshot, kept after a deletion: containers still pin them. */
  readonly chainsOf = new Map<string, string[]>();
  readonly layerSize = new Map<string, number>();
  readonly containers: readonly Container[];
  /**
   * Containerd image store only: images whose record is `moby-dangling@<id>` (no name left).
   * The classic store has no such records; there an image without references is just untagged.
   */
  readonly danglingRecords = new Set<string>();

  constructor(snapshot: Snapshot) {
    const containerd = snapshot.engine.imageStore === 'containerd';
    for (const img of snapshot.images) {
      const chains = img.layers.map((l) => l.chainId);
      this.images.set(img.id, { id: img.id, parent: img.parent, chains });
      this.chainsOf.set(img.id, chains);
      for (const l of img.layers) this.layerSize.set(l.chainId, l.size);
      // The containerd store lists every record name in RepoTags (digest-form names too) and
      // synthesizes RepoDigests from the target, so only RepoTags are records there (sec. 7).
      const names = containerd ? img.repoTags : [...img.repoTags, ...img.repoDigests];
      for (const s of names) {
        const ref = parseFamiliar(s, snapshot.engine.apiVersion);
        if (ref) this.refs.set(ref.full, { ref, imageId: img.id });
      }
      if (containerd && img.repoTags.length === 0) this.danglingRecords.add(img.id);
    }
    this.containers = snapshot.containers;
    for (const c of snapshot.containers) {
      if (c.pinnedChainIds && !this.chainsOf.has(c.imageId)) this.chainsOf.set(c.imageId, c.pinnedChainIds);
    }
  }

  /** refs(I), sorted in reference-store order. */
  refsOf(imageId: string): NamedRef[] {
    const out: NamedRef[] = [];
    for (const { ref, imageId: id } of this.refs.values()) if (id === imageId) out.push(ref);
    return out.sort(compareRefs);
  }

  /**
   * Containerd store: the records `{name, target}` of one target, or of all, in the store's name
   * order (bbolt key order). An image without names has the record `moby-dangling@<id>`.
   */
  records(target?: string): ImageRecord[] {
    const out: ImageRecord[] = [];
    for (const { ref, imageId } of this.refs.values()) {
      if (target === undefined || imageId === target) out.push({ name: ref.full, target: imageId, ref });
    }
    for (const id of this.danglingRecords) {
      if (target === undefined || id === target) out.push({ name: `${DANGLING_PREFIX}${id}`, target: id });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  children(imageId: string): SimImage[] {
    const out: SimImage[] = [];
    for (const img of this.images.values()) if (img.parent === imageId) out.push(img);
    return out;
  }

  containersUsing(imageId: string): Container[] {
    return this.containers.filter((c) => c.imageId === imageId);
  }

  deleteRef(full: string): boolean {
    return this.refs.delete(full);
  }

  /**
   * Drops an image and releases its layers top-down while nothing else holds them
   * (engine-semantics.md sec. 4.3): other images' chains and every container's creation image,
   * even one already deleted. Returns the released chain IDs, top first.
   */
  deleteImage(imageId: string): string[] {
    const img = this.images.get(imageId);
    if (!img) return [];
    this.images.delete(imageId);
    const held = this.heldChains();
    const released: string[] = [];
    for (let k = img.chains.length - 1; k >= 0; k--) {
      const chain = img.chains[k]!;
      if (held.has(chain)) break;
      released.push(chain);
    }
    return released;
  }

  /** Chain IDs pinned by the images still present and by all containers. */
  heldChains(): Set<string> {
    const held = new Set<string>();
    for (const img of this.images.values()) for (const c of img.chains) held.add(c);
    for (const c of this.containers) for (const ch of this.chainsOf.get(c.imageId) ?? []) held.add(ch);
    return held;
  }
}
