'use client';

import { useEffect, useRef, useState } from 'react';
import type { Plan, RemovalFlags } from '@/lib/model/plan-types';
import { formatBytes, formatCount } from '@/lib/viz/format';
import { dockerCommand } from '@/lib/viz/plan-text';
import type { StoreView } from '@/lib/viz/store-view';
import { ApplyResultView } from './apply-result';
import { BlockingContainers } from './blocking-containers';
import { PlanLines } from './plan-lines';
import { useApply, type ApplyRun, type SendChunk } from './use-apply';

interface Props {
  refs: string[];
  flags: RemovalFlags;
  /** The live plan; null while the first one loads. */
  plan: Plan | null;
  pending: boolean;
  view: StoreView;
  onClose: () => void;
  onFinished: (run: ApplyRun) => void;
  /** Where the reviewed plan goes, and in how many requests at most (default: removeAction, in chunks). */
  send?: SendChunk;
  maxChunks?: number;
}

/**
 * Confirmation: exactly the records about to happen, the containers in the way, then progress and
 * the engine's real records beside the plan. The plan shown is the one sent for review; while it is
 * being recomputed (after containers were removed, or the engine changed) confirming waits.
 */
export function RemoveDialog({ refs, flags, plan, pending, view, onClose, onFinished, send, maxChunks }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const { apply, progress, run, reset } = useApply(send, maxChunks);
  const [reviewed, setReviewed] = useState<{ refs: string[]; flags: RemovalFlags; plan: Plan } | null>(null);
  const busy = progress !== null;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const confirm = async () => {
    if (!plan) return;
    const snapshot = { refs, flags, plan };
    setReviewed(snapshot);
    onFinished(await apply(snapshot.refs, snapshot.flags, snapshot.plan));
  };
  const shown = reviewed && (busy || run) ? reviewed.plan : plan;
  const failing = shown?.steps.filter((s) => s.error).length ?? 0;

  return (
    <dialog
      ref={ref}
      className="remove-dialog"
      aria-labelledby="remove-h"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="remove-h">{run ? 'Removal finished' : `Remove ${formatCount(refs.length)} reference${refs.length === 1 ? '' : 's'}?`}</h2>
      {!run && <code className="cmd-line">{dockerCommand(reviewed?.refs ?? refs, reviewed?.flags ?? flags)}</code>}
      {!run && shown && (
        <>
          <p>These records will happen, in this order:</p>
          <PlanLines steps={shown.steps} label="Records about to happen" />
          <p>
            Frees <strong>{formatBytes(shown.freed.bytes)}</strong> ({formatCount(shown.freed.images.length)} images, {formatCount(shown.freed.layers.length)} layers).
            {failing > 0 && ` ${failing} of the requests will fail as shown.`}
          </p>
          {!busy && <BlockingContainers plan={shown} view={view} />}
        </>
      )}
      {!run && !shown && <p role="status">Preparing the plan…</p>}
      {progress && (
        <div className="progress" role="status">
          <progress value={progress.done} max={progress.total} aria-label="Removal progress" />
          <span>
            {formatCount(progress.done)} of {formatCount(progress.total)} references sent
          </span>
        </div>
      )}
      {run && <ApplyResultView run={run} heading="What the engine did" />}
      <div className="actions">
        {run && run.outcome === 'refused' && (
          <button type="button" onClick={reset}>
            Review the new plan
          </button>
        )}
        {!run && (
          <button type="button" className="danger" onClick={confirm} disabled={!plan || pending || busy}>
            Remove
          </button>
        )}
        <button type="button" onClick={onClose} disabled={busy}>
          {run ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
