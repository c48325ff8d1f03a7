/**
 * Test support for planner tests (not product code, hence node:assert): one-letter record
 * builders and accessors that assert a step's shape before returning it.
 */
import assert from 'node:assert/strict';
import type { DeleteRecord, Plan, PlanStep, RemovalFlags } from './plan-types';
import { planRemoval } from './planner';
import type { Snapshot } from './snapshot';

export const U = (ref: string): DeleteRecord => ({ Untagged: ref });
export const D = (id: string): DeleteRecord => ({ Deleted: id });

export function rm(snap: Snapshot, refs: string | string[], flags: Partial<RemovalFlags> = {}): Plan {
  return planRemoval(snap, typeof refs === 'string' ? [refs] : refs, { force: false, noPrune: false, ...flags });
}

/** The records of step `i`, asserting it succeeded. */
export function ok(plan: Plan, i = 0): DeleteRecord[] {
  const step = plan.steps[i];
  assert.ok(step, `no step ${i}`);
  assert.equal(step.error, null, `step ${i} (${step.ref}) failed: ${step.error?.message}`);
  return step.records;
}

/** The error of step `i`, asserting it has no records. */
export function err(plan: Plan, i = 0): NonNullable<PlanStep['error']> {
  const step = plan.steps[i];
  assert.ok(step, `no step ${i}`);
  assert.ok(step.error, `step ${i} (${step.ref}) succeeded with ${JSON.stringify(step.records)}`);
  assert.deepEqual(step.records, []);
  return step.error;
}
