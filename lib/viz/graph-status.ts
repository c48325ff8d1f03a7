import type { TreeNode } from './layer-tree';
import type { PlanIndex } from './plan-text';
import type { StoreView } from './store-view';

/** What a removal plan does to a node: frees it, keeps it, or (images) only removes some tags. */
export type NodeStatus = 'freed' | 'kept' | 'untag' | null;

type DrawnNode = Exclude<TreeNode, { kind: 'root' }>;

/**
 * A layer node's fate is its top layer's: all layers of a collapsed run share holders, hence fate
 * (layer-tree.ts). Images: deleted, only untagged, or kept (a step failed, children, containers).
 */
export function nodeStatus(n: DrawnNode, view: StoreView, ix: PlanIndex): NodeStatus {
  if (n.kind === 'layers') {
    const top = view.layers[n.layers[n.layers.length - 1]!]!.chainId;
    return ix.freedLayers.has(top) ? 'freed' : ix.keptLayers.has(top) ? 'kept' : null;
  }
  if (n.kind === 'image') return ix.freedImages.has(n.id) ? 'freed' : ix.untagged.has(n.id) ? 'untag' : ix.keptImages.has(n.id) ? 'kept' : null;
  return null;
}

/** A link is drawn as freed when the node it leads to goes away with the plan. */
export function linkStatus(target: DrawnNode | undefined, ix: PlanIndex): '' | 'freed' {
  if (target?.kind === 'image') return ix.freedImages.has(target.id) ? 'freed' : '';
  return target?.kind === 'layers' && ix.freedLayers.has(target.id) ? 'freed' : '';
}

/** Graph search: image refs and IDs, chain IDs and the commands that made layers, container names. */
export function nodeMatches(n: DrawnNode, view: StoreView, lowerQuery: string): boolean {
  const q = lowerQuery;
  if (n.kind === 'image') {
    const img = view.images[n.image]!;
    return [...img.tags, ...img.digests, img.id].some((s) => s.toLowerCase().includes(q));
  }
  if (n.kind === 'layers') return n.layers.some((i) => view.layers[i]!.chainId.includes(q) || view.layers[i]!.createdBy.toLowerCase().includes(q));
  if (n.kind === 'container') return view.containers[n.container]!.name.toLowerCase().includes(q);
  return false;
}
