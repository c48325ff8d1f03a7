'use client';

import { useState } from 'react';
import type { AppliedStep, ApplyOutcome } from '@/lib/engine/apply';
import type { Plan, PlanStep, RemovalFlags } from '@/lib/model/plan-types';
import { removeAction, type RemoveResult } from '../actions';
import { useEngineId } from './engine-scope';

/** A finished (or stopped) run: every step the engine answered, and why it stopped if it did. */
export interface ApplyRun {
  outcome: ApplyOutcome | 'failed';
  refs: string[];
  flags: RemovalFlags;
  steps: AppliedStep[];
  drift?: string[];
  replanned?: Plan;
  message?: string;
}

export interface Progress {
  done: number;
  total: number;
}

/** Sends one chunk of a reviewed plan to the server; the dashboard's is removeAction on the page's engine. */
export type SendChunk = (refs: string[], flags: RemovalFlags, reviewed: PlanStep[]) => Promise<RemoveResult>;

/** At most this many requests per batch, so the bar moves on big batches without a request per ref. */
const MAX_CHUNKS = 20;

/**
 * Applies a reviewed plan in chunks, one server action per chunk. Splitting is exact: the planner
 * simulates refs one after another, so the plan of refs[a..b] on the state the earlier chunks left
 * is steps[a..b] of the reviewed plan; each chunk is re-planned and drift-checked by applyPlan.
 * The first refused, diverged or failed chunk stops the run.
 */
export function useApply(sendChunk?: SendChunk, maxChunks = MAX_CHUNKS) {
  const engineId = useEngineId();
  const send: SendChunk = sendChunk ?? ((refs, flags, reviewed) => removeAction(engineId, { refs, flags, reviewed }));
  const [progress, setProgress] = useState<Progress | null>(null);
  const [run, setRun] = useState<ApplyRun | null>(null);

  async function apply(refs: string[], flags: RemovalFlags, plan: Plan): Promise<ApplyRun> {
    const size = Math.max(1, Math.ceil(refs.length / maxChunks));
    const steps: AppliedStep[] = [];
    let result: ApplyRun = { outcome: 'applied', refs, flags, steps };
    setRun(null);
    setProgress({ done: 0, total: refs.length });
    for (let a = 0; a < refs.length; a += size) {
      const chunk = refs.slice(a, a + size);
      const r = await send(chunk, flags, plan.steps.slice(a, a + size)).catch((e: unknown) => ({
        ok: false as const,
        message: e instanceof Error ? e.message : String(e),
      }));
      if (!r.ok) {
        result = { ...result, outcome: 'failed', message: r.message };
        break;
      }
      steps.push(...r.result.steps);
      setProgress({ done: Math.min(refs.length, a + chunk.length), total: refs.length });
      if (r.result.outcome !== 'applied') {
        result = { ...result, outcome: r.result.outcome, drift: r.result.drift, replanned: r.result.replanned };
        break;
      }
    }
    result = { ...result, steps: [...steps] };
    setRun(result);
    setProgress(null);
    return result;
  }

  return { apply, progress, run, reset: () => setRun(null) };
}
