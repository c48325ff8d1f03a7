import { deleteClassic } from './delete-classic';
import { deleteContainerd } from './delete-containerd';
import type { Plan, PlanStep, RemovalFlags } from './plan-types';
import type { Snapshot } from './snapshot';
import { storageTruth } from './storage-truth';
import { StoreState } from './store-state';
import { keptImageReasons, layerSurvivors } from './survivors';

/**
 * Predicts `docker image rm [--force] [--no-prune] REF...` on a snapshot. The CLI sends one DELETE
 * per argument and carries on after an error, so each step is simulated on the state the earlier
 * steps left behind. Returns the records each DELETE will answer, what the whole batch frees, and
 * why every layer of a targeted image that survives does so.
 */
export function planRemoval(snapshot: Snapshot, refs: readonly string[], flags: RemovalFlags): Plan {
  const state = new StoreState(snapshot);
  const api = snapshot.engine.apiVersion;
  const deleteOne = snapshot.engine.imageStore === 'containerd' ? deleteContainerd : deleteClassic;
  const steps: PlanStep[] = refs.map((ref) => {
    const r = deleteOne(state, ref, flags.force, !flags.noPrune, api);
    return r.imageId === undefined ? { ref, records: r.records, error: r.error } : { ref, ...r };
  });

  const held = state.heldChains();
  const freedImages = snapshot.images.filter((i) => !state.images.has(i.id)).map((i) => i.id);
  const freedLayers = new Set<string>();
  for (const id of freedImages) for (const c of state.chainsOf.get(id) ?? []) if (!held.has(c)) freedLayers.add(c);
  let bytes = 0;
  for (const c of freedLayers) bytes += state.layerSize.get(c) ?? 0;

  const targets = [...new Set(steps.flatMap((s) => (s.imageId ? [s.imageId] : [])))];
  return {
    flags,
    steps,
    freed: { images: freedImages, layers: [...freedLayers], bytes },
    survivors: layerSurvivors(snapshot, state, targets, steps, flags, freedLayers),
    keptImages: targets
      .filter((t) => state.images.has(t))
      .map((t) => ({ imageId: t, reasons: keptImageReasons(snapshot, state, t, steps, flags) })),
    notes: storageTruth(snapshot.engine).notes,
  };
}
