'use server';

import { refresh } from 'next/cache';
import type { ApplyResult } from '@/lib/engine/apply';
import { removeContainers, removeImages } from '@/lib/engine/remove';
import { listImages } from '@/lib/model/image-list';
import type { Plan } from '@/lib/model/plan-types';
import { planRemoval } from '@/lib/model/planner';
import { parseFilterText } from '@/lib/viz/filter-text';
import { requireRole } from './_lib/auth';
import { resolveEngine } from './_lib/current-engine';
import { engineFailure } from './_lib/load-store';
import { containersInput, filterInput, firstIssue, previewInput, removeInput } from './_lib/schemas';

/** Expected failures come back as values; the UI shows `message` and nothing changed. */
export type Failure = { ok: false; message: string };
export type PreviewResult = { ok: true; plan: Plan; readAt: number } | Failure;
export type RemoveResult = { ok: true; result: ApplyResult } | Failure;
export type ContainersResult = { ok: true; results: Array<{ id: string; removed: boolean; message?: string }> } | Failure;
export type FilterResult = { ok: true; ids: string[]; notes: string[] } | Failure;

/** Runs `fn`, turning an unreachable engine into a value; other errors are bugs and throw. */
async function guarded<T>(fn: () => Promise<T>): Promise<T | Failure> {
  try {
    return await fn();
  } catch (e) {
    const message = engineFailure(e);
    if (message) return { ok: false, message };
    throw e;
  }
}

/**
 * Every action takes the id of the engine the page is about as its first (bound) argument and
 * resolves it through the store; an address never comes from the client.
 */

/** What `docker image rm` would do now, on the engine's current state. Reads only. */
export async function previewAction(engineId: unknown, input: unknown): Promise<PreviewResult> {
  const auth = await requireRole('viewer', 'previewAction');
  if (!auth.ok) return auth;
  const target = resolveEngine(engineId);
  if (!target.ok) return target;
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { refs, flags } = parsed.data;
  return guarded(async () => {
    const snapshot = await target.svc.snapshot();
    return { ok: true as const, plan: planRemoval(snapshot, refs, flags), readAt: snapshot.readAt };
  });
}

/**
 * Applies the plan the user confirmed, for operators. removeImages re-reads the engine and
 * re-plans first: if any step would now answer differently it refuses and sends nothing (style.md
 * rule 5); whatever happens, it writes the audit row (rule 11).
 */
export async function removeAction(engineId: unknown, input: unknown): Promise<RemoveResult> {
  const auth = await requireRole('operator', 'removeAction');
  if (!auth.ok) return auth;
  const target = resolveEngine(engineId);
  if (!target.ok) return target;
  const parsed = removeInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { refs, flags, reviewed } = parsed.data;
  const out = await guarded(async () => ({ ok: true as const, result: await removeImages(target.svc, auth.actor, refs, flags, { steps: reviewed }) }));
  if (out.ok) refresh();
  return out;
}

/** Removes containers the user picked by name; lib/engine refuses running ones and keeps volumes. */
export async function removeContainersAction(engineId: unknown, input: unknown): Promise<ContainersResult> {
  const auth = await requireRole('operator', 'removeContainersAction');
  if (!auth.ok) return auth;
  const target = resolveEngine(engineId);
  if (!target.ok) return target;
  const parsed = containersInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const out = await guarded(async () => ({ ok: true as const, results: await removeContainers(target.svc, auth.actor, parsed.data.ids) }));
  if (out.ok) refresh();
  return out;
}

/** `docker image ls [-a] --filter …` on the current snapshot, with the engine's semantics and errors. */
export async function filterAction(engineId: unknown, input: unknown): Promise<FilterResult> {
  const auth = await requireRole('viewer', 'filterAction');
  if (!auth.ok) return auth;
  const target = resolveEngine(engineId);
  if (!target.ok) return target;
  const parsed = filterInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const terms = parseFilterText(parsed.data.text);
  if (!terms.ok) return terms;
  return guarded(async () => {
    const listed = listImages(await target.svc.snapshot(), { all: parsed.data.all, filters: terms.filters });
    if (!listed.ok) return { ok: false as const, message: `Error response from daemon: ${listed.message}` };
    return { ok: true as const, ids: listed.images.map((i) => i.id), notes: listed.notes };
  });
}
