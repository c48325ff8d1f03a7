'use server';

import { refresh } from 'next/cache';
import type { ApplyResult } from '@/lib/engine/apply';
import { removeContainers, removeImages } from '@/lib/engine/remove';
import { listImages } from '@/lib/model/image-list';
import type { Plan } from '@/lib/model/plan-types';
import { planRemoval } from '@/lib/model/planner';
import { parseFilterText } from '@/lib/viz/filter-text';
import { engineAction, guarded } from './_lib/engine-action';
import { containersInput, filterInput, previewInput, removeInput } from './_lib/schemas';

/** Expected failures come back as values; the UI shows `message` and nothing changed. */
export type Failure = { ok: false; message: string };
export type PreviewResult = { ok: true; plan: Plan; readAt: number } | Failure;
export type RemoveResult = { ok: true; result: ApplyResult } | Failure;
export type ContainersResult = { ok: true; results: Array<{ id: string; removed: boolean; message?: string }> } | Failure;
export type FilterResult = { ok: true; ids: string[]; notes: string[] } | Failure;

/** What `docker image rm` would do now, on the engine's current state. Reads only. */
export async function previewAction(engineId: unknown, input: unknown): Promise<PreviewResult> {
  const start = await engineAction('viewer', 'previewAction', engineId, previewInput, input);
  if (!start.ok) return start;
  const { refs, flags } = start.data;
  return guarded(async () => {
    const snapshot = await start.target.svc.snapshot();
    return { ok: true as const, plan: planRemoval(snapshot, refs, flags), readAt: snapshot.readAt };
  });
}

/**
 * Applies the plan the user confirmed, for operators. removeImages re-reads the engine and
 * re-plans first: if any step would now answer differently it refuses and sends nothing (style.md
 * rule 5); whatever happens, it writes the audit row (rule 11).
 */
export async function removeAction(engineId: unknown, input: unknown): Promise<RemoveResult> {
  const start = await engineAction('operator', 'removeAction', engineId, removeInput, input);
  if (!start.ok) return start;
  const { refs, flags, reviewed } = start.data;
  const out = await guarded(async () => ({ ok: true as const, result: await removeImages(start.target.svc, start.auth.actor, refs, flags, { steps: reviewed }) }));
  if (out.ok) refresh();
  return out;
}

/** Removes containers the user picked by name; lib/engine refuses running ones and keeps volumes. */
export async function removeContainersAction(engineId: unknown, input: unknown): Promise<ContainersResult> {
  const start = await engineAction('operator', 'removeContainersAction', engineId, containersInput, input);
  if (!start.ok) return start;
  const out = await guarded(async () => ({ ok: true as const, results: await removeContainers(start.target.svc, start.auth.actor, start.data.ids) }));
  if (out.ok) refresh();
  return out;
}

/** `docker image ls [-a] --filter …` on the current snapshot, with the engine's semantics and errors. */
export async function filterAction(engineId: unknown, input: unknown): Promise<FilterResult> {
  const start = await engineAction('viewer', 'filterAction', engineId, filterInput, input);
  if (!start.ok) return start;
  const terms = parseFilterText(start.data.text);
  if (!terms.ok) return terms;
  return guarded(async () => {
    const listed = listImages(await start.target.svc.snapshot(), { all: start.data.all, filters: terms.filters });
    if (!listed.ok) return { ok: false as const, message: `Error response from daemon: ${listed.message}` };
    return { ok: true as const, ids: listed.images.map((i) => i.id), notes: listed.notes };
  });
}
