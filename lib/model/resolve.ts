import type { DeleteError } from './plan-types';
import { buildIdIndex, getImageGD, resolveAllReferencesC8D } from './reference';
import type { ImageRecord, StoreState } from './store-state';

/**
 * Image resolution on the simulated store as it stands at one step of a batch: the reference
 * module's engine algorithms (GD `GetImage`, C8D `resolveAllReferences`) fed from StoreState.
 */

export function resolveClassic(
  state: StoreState,
  name: string,
  apiVersion: string,
): { ok: true; imageId: string } | { ok: false; error: DeleteError } {
  const byRef = new Map<string, string>();
  for (const { ref, imageId } of state.refs.values()) byRef.set(ref.familiar, imageId);
  const ids = [...state.images.keys()];
  const r = getImageGD({ apiVersion, byRef, ids: buildIdIndex(ids), present: new Set(ids) }, name);
  return r.ok ? { ok: true, imageId: r.id } : { ok: false, error: r.error };
}

export function resolveContainerd(
  state: StoreState,
  name: string,
  apiVersion: string,
): { ok: true; img?: ImageRecord; all: ImageRecord[] } | { ok: false; error: DeleteError } {
  const records = state.records();
  const r = resolveAllReferencesC8D(records, name, apiVersion);
  if (!r.ok) return { ok: false, error: r.error };
  const byName = new Map(records.map((rec) => [rec.name, rec]));
  const all = r.all.map((rec) => byName.get(rec.name)!);
  const img = r.matched ? byName.get(r.matched.name) : undefined;
  return img ? { ok: true, img, all } : { ok: true, all };
}
