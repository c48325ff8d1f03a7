import type { LayerSurvivor, PlanStep, RemovalFlags, SurvivalReason } from './plan-types';
import { shortId, type Snapshot } from './snapshot';
import type { StoreState } from './store-state';

/** At most this many sharing images are named per layer; `sharedBy` still counts them all. */
export const MAX_SHARED_REASONS = 25;

/** How a kept image is known to a person: its tags and digests, else its short ID. */
function labelOf(state: StoreState, imageId: string): string[] {
  const refs = state.refsOf(imageId).map((r) => r.familiar);
  return refs.length > 0 ? refs : [shortId(imageId)];
}

/**
 * Untagged ancestors of deleted images that `--no-prune` keeps: those pruning would have deleted,
 * i.e. no refs, no container, and no child left but the kept ancestor below (sec. 2.2).
 */
function keptByNoPrune(snapshot: Snapshot, state: StoreState, flags: RemovalFlags): Set<string> {
  const out = new Set<string>();
  if (!flags.noPrune) return out;
  const parentOf = new Map(snapshot.images.map((i) => [i.id, i.parent]));
  for (const img of snapshot.images) {
    if (state.images.has(img.id)) continue;
    let below = img.id;
    let p = parentOf.get(img.id) ?? '';
    while (
      p &&
      !out.has(p) &&
      state.images.has(p) &&
      state.refsOf(p).length === 0 &&
      state.containersUsing(p).length === 0 &&
      state.children(p).every((c) => c.id === below)
    ) {
      out.add(p);
      below = p;
      p = parentOf.get(p) ?? '';
    }
  }
  return out;
}

/** Why an image that a removal targeted is still there, each reason naming its holder. */
export function keptImageReasons(
  snapshot: Snapshot,
  state: StoreState,
  imageId: string,
  steps: readonly PlanStep[],
  flags: RemovalFlags,
): SurvivalReason[] {
  const reasons: SurvivalReason[] = [];
  for (const s of steps) {
    if (s.imageId === imageId && s.error) reasons.push({ kind: 'error', imageId, message: s.error.message });
  }
  const refs = state.refsOf(imageId).map((r) => r.familiar);
  if (refs.length > 0) reasons.push({ kind: 'tagged', imageId, refs });
  for (const child of state.children(imageId)) {
    reasons.push({ kind: 'child', imageId, childId: child.id, childRefs: labelOf(state, child.id) });
  }
  for (const c of state.containersUsing(imageId)) {
    reasons.push({ kind: 'container', containerId: c.id, name: c.names[0] ?? shortId(c.id), state: c.state, imageId });
  }
  if (keptByNoPrune(snapshot, state, flags).has(imageId)) reasons.push({ kind: 'no-prune', imageId });
  return reasons;
}

/**
 * For every layer of every targeted image that the plan keeps, the reasons it stays: the targeted
 * image itself survives (tag, child, container, error), other images share it (named, with their
 * own `--no-prune` status), or a container pins it though its image is gone.
 */
export function layerSurvivors(
  snapshot: Snapshot,
  state: StoreState,
  targets: readonly string[],
  steps: readonly PlanStep[],
  flags: RemovalFlags,
  freed: ReadonlySet<string>,
): LayerSurvivor[] {
  const noPrune = keptByNoPrune(snapshot, state, flags);
  const imageReasons = new Map<string, SurvivalReason[]>();
  const reasonsOfImage = (id: string) => {
    let r = imageReasons.get(id);
    if (!r) imageReasons.set(id, (r = keptImageReasons(snapshot, state, id, steps, flags)));
    return r;
  };
  const holders = new Map<string, string[]>();
  for (const img of state.images.values()) {
    for (const c of img.chains) (holders.get(c) ?? holders.set(c, []).get(c)!).push(img.id);
  }
  const byChain = new Map<string, LayerSurvivor>();
  for (const t of targets) {
    for (const chainId of state.chainsOf.get(t) ?? []) {
      if (freed.has(chainId)) continue;
      const known = byChain.get(chainId);
      if (known) {
        if (!known.of.includes(t)) known.of.push(t);
        continue;
      }
      const reasons: SurvivalReason[] = [];
      const sharers = holders.get(chainId) ?? [];
      for (const id of sharers) {
        if (targets.includes(id)) reasons.push(...reasonsOfImage(id));
        else if (reasons.filter((r) => r.kind === 'shared').length < MAX_SHARED_REASONS) {
          reasons.push({ kind: 'shared', imageId: id, refs: labelOf(state, id) });
          if (noPrune.has(id)) reasons.push({ kind: 'no-prune', imageId: id });
        }
      }
      for (const c of state.containers) {
        if (state.images.has(c.imageId)) continue;
        if ((state.chainsOf.get(c.imageId) ?? []).includes(chainId)) {
          reasons.push({ kind: 'container', containerId: c.id, name: c.names[0] ?? shortId(c.id), state: c.state, imageId: c.imageId });
        }
      }
      byChain.set(chainId, {
        chainId,
        size: state.layerSize.get(chainId) ?? 0,
        of: [t],
        sharedBy: sharers.filter((id) => !targets.includes(id)).length,
        reasons,
      });
    }
  }
  return [...byChain.values()];
}
