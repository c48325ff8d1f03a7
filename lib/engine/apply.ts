import 'server-only';
import type Docker from 'dockerode';
import type { DeleteError, DeleteRecord, Plan, PlanStep, RemovalFlags } from '../model/plan-types';
import { planRemoval } from '../model/planner';
import { isRunningState, shortId } from '../model/snapshot';
import { toEngineError } from './snapshot-reader';
import type { EngineService } from './service';

/** What the engine really answered to one DELETE, beside what was planned. */
export interface AppliedStep {
  ref: string;
  planned: PlanStep;
  actual: { records: DeleteRecord[]; error: DeleteError | null };
  matches: boolean;
}

export type ApplyOutcome = 'applied' | 'refused' | 'diverged';

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** Steps sent to the engine, in order (none when refused). */
  steps: AppliedStep[];
  /** When refused: what changed, step by step, and the plan as it now stands. */
  drift?: string[];
  replanned?: Plan;
  /** When applied: the bytes the plan frees, which the engine has now freed (every reply matched). */
  freedBytes?: number;
}

/**
 * Applies exactly the plan the user reviewed, or nothing. The engine is re-read and re-planned
 * first: if any step would now answer differently (a new tag, a new container…), nothing is sent.
 * Then one DELETE per ref, as the docker CLI does; each reply is compared with the plan and the
 * batch stops at the first divergence, since later steps were planned on a state that no longer holds.
 */
export async function applyPlan(
  svc: EngineService,
  refs: readonly string[],
  flags: RemovalFlags,
  reviewed: Pick<Plan, 'steps'>,
): Promise<ApplyResult> {
  const now = planRemoval(await svc.freshSnapshot(), refs, flags);
  const drift = planDrift(reviewed.steps, now.steps);
  if (drift.length > 0) return { outcome: 'refused', steps: [], drift, replanned: now };
  const steps: AppliedStep[] = [];
  for (const planned of now.steps) {
    const actual = await deleteImage(svc.docker, planned.ref, flags, svc.address.host);
    const matches = sameReply(planned, actual);
    steps.push({ ref: planned.ref, planned, actual, matches });
    if (!matches) return { outcome: 'diverged', steps };
  }
  return { outcome: 'applied', steps, freedBytes: now.freed.bytes };
}

/** Human-readable differences between a reviewed plan and the plan on the engine as it is now. */
export function planDrift(reviewed: readonly PlanStep[], now: readonly PlanStep[]): string[] {
  const out: string[] = [];
  if (reviewed.length !== now.length) out.push(`the plan had ${reviewed.length} steps, it now has ${now.length}`);
  now.forEach((step, i) => {
    const before = reviewed[i];
    if (!before || before.ref !== step.ref) return;
    const a = describe(before);
    const b = describe(step);
    if (a !== b) out.push(`${step.ref}: planned ${a}; now ${b}`);
  });
  return out;
}

function describe(s: Pick<PlanStep, 'records' | 'error'>): string {
  if (s.error) return `error ${s.error.status} "${s.error.message.replace(/container [0-9a-f]{12}/g, 'container …')}"`;
  return s.records.map((r) => ('Untagged' in r ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`)).join(', ') || 'no records';
}

/** The engine's reply equals the plan: same records in order, or the same error (any qualifying container). */
export function sameReply(planned: Pick<PlanStep, 'records' | 'error'>, actual: AppliedStep['actual']): boolean {
  if (planned.error || actual.error) {
    if (!planned.error || !actual.error || planned.error.status !== actual.error.status) return false;
    return [planned.error.message, ...(planned.error.alternatives ?? [])].includes(actual.error.message);
  }
  return JSON.stringify(planned.records) === JSON.stringify(actual.records);
}

/** Path escaping as Go's url.URL does for `/images/{name}` (the docker CLI's request). */
export function escapeImagePath(name: string): string {
  return Array.from(new TextEncoder().encode(name), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(c) && b < 0x80 ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** `DELETE /images/{name}`: the records, or the engine's error status and message. */
export async function deleteImage(
  docker: Docker,
  name: string,
  flags: RemovalFlags,
  address: string,
): Promise<{ records: DeleteRecord[]; error: DeleteError | null }> {
  // As the docker CLI sends them: each flag only when set. docker-modem appends `options` as the
  // query after the trailing `?` (and drops the `?` when there are none).
  const query: Record<string, string> = {};
  if (flags.force) query.force = '1';
  if (flags.noPrune) query.noprune = '1';
  try {
    const records = await new Promise<DeleteRecord[]>((resolve, reject) => {
      docker.modem.dial(
        {
          path: `/images/${escapeImagePath(name)}?`,
          method: 'DELETE',
          statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
          options: query,
        },
        (err: unknown, data: unknown) => (err ? reject(err) : resolve((data as DeleteRecord[] | null) ?? [])),
      );
    });
    return { records, error: null };
  } catch (e) {
    const status = (e as { statusCode?: number }).statusCode;
    const message = (e as { json?: { message?: string } }).json?.message;
    if (status && message !== undefined) return { records: [], error: { status, message } };
    throw toEngineError(e, address);
  }
}

/**
 * Removes containers the user picked explicitly, and only stopped ones: a running container is
 * refused, and volumes are kept (no `v=1`), so nothing beyond the named containers goes.
 */
export async function removeStoppedContainers(
  svc: EngineService,
  ids: readonly string[],
): Promise<Array<{ id: string; removed: boolean; message?: string }>> {
  const snap = await svc.freshSnapshot();
  const out: Array<{ id: string; removed: boolean; message?: string }> = [];
  for (const id of ids) {
    const c = snap.containers.find((x) => x.id === id);
    if (!c) {
      out.push({ id, removed: false, message: `No such container: ${shortId(id)}` });
    } else if (isRunningState(c.state)) {
      out.push({ id, removed: false, message: `Container ${c.names[0] ?? shortId(id)} is ${c.state}; layerlens never removes running containers.` });
    } else {
      try {
        await svc.docker.getContainer(id).remove({ v: false, force: false });
        out.push({ id, removed: true });
      } catch (e) {
        out.push({ id, removed: false, message: (e as { json?: { message?: string } }).json?.message ?? String(e) });
      }
    }
  }
  return out;
}
