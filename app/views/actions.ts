'use server';

import { refresh, revalidatePath } from 'next/cache';
import type { ApplyResult } from '@/lib/engine/apply';
import { removeImages } from '@/lib/engine/remove';
import { summarize } from '@/lib/model/view-plan';
import { getDb } from '@/lib/store/db';
import { createView, deleteView, getView, recordViewRun } from '@/lib/store/views';
import type { Failure, RemoveResult } from '../actions';
import { requireRole } from '../_lib/auth';
import { engineOfView, serviceOf } from '../_lib/current-engine';
import { engineAction, guarded } from '../_lib/engine-action';
import { engineFailure } from '../_lib/load-store';
import { firstIssue, removeInput, saveViewInput, viewId } from '../_lib/schemas';
import { liveViewOf } from '../_lib/view-live';

export type SaveViewResult = { ok: true; id: string } | Failure;

/**
 * Saves the dashboard's filter, selection and flags as a view, for operators. The filter is
 * resolved on the engine now (a bad one is refused with the engine's message) and the plan's
 * summary is stored, so the view can later say what changed.
 */
export async function saveViewAction(engineId: unknown, input: unknown): Promise<SaveViewResult> {
  const start = await engineAction('operator', 'saveViewAction', engineId, saveViewInput, input);
  if (!start.ok) return start;
  const v = start.data;
  return guarded(async () => {
    const live = liveViewOf(v, await start.target.svc.snapshot());
    if (!live.ok) return live;
    const id = createView(getDb(), start.auth.actor, { ...v, summary: summarize(live), engineId: start.target.engine.id });
    revalidatePath('/views');
    return { ok: true as const, id };
  });
}

/** Deletes a view, for operators; the audit log keeps its creation and runs. */
export async function deleteViewAction(id: unknown): Promise<{ ok: true } | Failure> {
  const auth = await requireRole('operator', 'deleteViewAction');
  if (!auth.ok) return auth;
  const parsed = viewId.safeParse(id);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  if (!deleteView(getDb(), auth.actor, parsed.data)) return { ok: false, message: 'No such view: it may have been deleted.' };
  revalidatePath('/views');
  return { ok: true };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs a view, for operators: the refs and plan the user confirmed must still be what the view
 * resolves to on a fresh read (else nothing is sent), then removeImages applies them through the
 * guarded, audited path. Every run, refused or not, is recorded against the view.
 */
export async function runViewAction(id: unknown, input: unknown): Promise<RemoveResult> {
  const auth = await requireRole('operator', 'runViewAction');
  if (!auth.ok) return auth;
  const pid = viewId.safeParse(id);
  if (!pid.success) return { ok: false, message: firstIssue(pid.error) };
  const parsed = removeInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const db = getDb();
  const view = getView(db, pid.data);
  if (!view) return { ok: false, message: 'No such view: it may have been deleted.' };
  const { refs, flags, reviewed } = parsed.data;
  if (flags.force !== view.flags.force || flags.noPrune !== view.flags.noPrune) return { ok: false, message: "The flags do not match the view's" };
  // A view runs on the engine it was saved on, whatever engine the user is looking at.
  const engine = engineOfView(view);
  if (!engine) return { ok: false, message: 'The engine this view was saved on is no longer registered.' };
  const svc = serviceOf(engine);
  let result: ApplyResult;
  try {
    const live = liveViewOf(view, await svc.freshSnapshot());
    if (!live.ok) return live;
    if (!same(live.refs, refs)) {
      // The view resolves to other references than the ones reviewed: send nothing, show the new plan.
      result = { outcome: 'refused', steps: [], drift: [`the view now names ${live.refs.join(' ') || 'nothing'}; reviewed ${refs.join(' ')}`], replanned: live.plan };
    } else {
      result = await removeImages(svc, auth.actor, refs, view.flags, { steps: reviewed }, db);
    }
  } catch (e) {
    recordViewRun(db, auth.actor, view, { refs, outcome: 'failed', bytesFreed: null, detail: e instanceof Error ? e.message : String(e) });
    const message = engineFailure(e);
    if (message) return { ok: false, message };
    throw e;
  }
  recordViewRun(db, auth.actor, view, { refs, outcome: result.outcome, bytesFreed: result.freedBytes ?? null, detail: result.drift?.join('\n') ?? null });
  refresh();
  return { ok: true, result };
}
