'use client';

import { useEffect, useState } from 'react';
import type { Plan, RemovalFlags } from '@/lib/model/plan-types';
import { previewAction } from '../actions';
import { useEngineId } from './engine-scope';

export interface Preview {
  plan: Plan | null;
  error: string | null;
  /** The shown plan is not yet the one for the current refs and flags. */
  pending: boolean;
}

/**
 * The plan for the current refs and flags, from the server (the planner runs on the engine's
 * current snapshot). Re-asked when the refs, the flags or the snapshot change; answers to stale
 * questions are dropped, and the last plan stays on screen, marked pending, until the new one lands.
 */
export function usePreview(refs: readonly string[], flags: RemovalFlags, readAt: number): Preview {
  const engineId = useEngineId();
  const key = JSON.stringify([engineId, refs, flags, readAt]);
  const [answer, setAnswer] = useState<{ key: string; plan: Plan | null; error: string | null } | null>(null);
  useEffect(() => {
    if (refs.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      previewAction(engineId, { refs, flags }).then(
        (r) => live && setAnswer({ key, plan: r.ok ? r.plan : null, error: r.ok ? null : r.message }),
        (e: unknown) => live && setAnswer({ key, plan: null, error: e instanceof Error ? e.message : String(e) }),
      );
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` covers refs, flags and readAt by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (refs.length === 0) return { plan: null, error: null, pending: false };
  return { plan: answer?.plan ?? null, error: answer?.error ?? null, pending: answer?.key !== key };
}
