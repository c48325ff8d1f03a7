import 'server-only';
import type { Role } from '../auth/roles';
import type { Plan, RemovalFlags } from '../model/plan-types';
import { writeAudit } from '../store/audit';
import { getDb, type Db } from '../store/db';
import { applyPlan, removeStoppedContainers, type ApplyResult } from './apply';
import type { EngineService } from './service';

/** Who asks for a change: a signed-in user, or `cli:<os user>` for the command line. */
export interface Actor {
  name: string;
  role: Role | null;
  ip?: string | null;
}

/**
 * The only way layerlens removes images: applyPlan (re-plan, refuse on drift, stop on divergence)
 * with one audit row per call, whatever the outcome: applied, refused, diverged, or failed when the
 * engine could not be reached mid-way (the error still reaches the caller). The dashboard and the
 * CLI both come here, so no path removes without a record.
 */
export async function removeImages(
  svc: EngineService,
  actor: Actor,
  refs: readonly string[],
  flags: RemovalFlags,
  reviewed: Pick<Plan, 'steps'>,
  db: Db = getDb(),
): Promise<ApplyResult> {
  const base = {
    actor: actor.name,
    role: actor.role,
    ip: actor.ip,
    engine: svc.address.host,
    action: 'image-rm',
    refs,
    flags,
    planned: reviewed.steps.map((s) => ({ ref: s.ref, records: s.records, error: s.error })),
  };
  let result: ApplyResult;
  try {
    result = await applyPlan(svc, refs, flags, reviewed);
  } catch (e) {
    writeAudit(db, { ...base, outcome: 'failed', detail: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  writeAudit(db, {
    ...base,
    outcome: result.outcome,
    actual: result.steps.map((s) => ({ ref: s.ref, records: s.actual.records, error: s.actual.error })),
    bytesFreed: result.freedBytes ?? null,
    detail: result.drift?.join('\n') ?? (result.outcome === 'diverged' ? `the reply to ${result.steps.at(-1)?.ref} differs from the plan` : null),
  });
  return result;
}

/** removeStoppedContainers with an audit row listing what went and what was refused. */
export async function removeContainers(svc: EngineService, actor: Actor, ids: readonly string[], db: Db = getDb()) {
  const results = await removeStoppedContainers(svc, ids);
  const failed = results.filter((r) => !r.removed);
  writeAudit(db, {
    actor: actor.name,
    role: actor.role,
    ip: actor.ip,
    engine: svc.address.host,
    action: 'container-rm',
    refs: ids,
    outcome: failed.length === 0 ? 'applied' : failed.length === results.length ? 'refused' : 'partial',
    actual: results,
    detail: failed.map((r) => r.message).join('\n') || null,
  });
  return results;
}
