'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Plan, RemovalFlags } from '@/lib/model/plan-types';
import type { StoreView } from '@/lib/viz/store-view';
import { deleteViewAction, runViewAction } from '../views/actions';
import { ApplyResultView } from './apply-result';
import { RemoveDialog } from './remove-dialog';
import type { ApplyRun, SendChunk } from './use-apply';

interface Props {
  viewId: string;
  refs: string[];
  flags: RemovalFlags;
  /** The live plan the server computed for this render; it is what the user reviews. */
  plan: Plan;
  view: StoreView;
}

/**
 * Run and Delete for operators on a view's page. The dialog is the dashboard's; its reviewed plan
 * goes to runViewAction in one request, which re-resolves the view and refuses if it changed.
 */
export function ViewRunner({ viewId, refs, flags, plan, view }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [lastRun, setLastRun] = useState<ApplyRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const send: SendChunk = (r, f, reviewed) => runViewAction(viewId, { refs: r, flags: f, reviewed });

  const remove = () =>
    startDelete(async () => {
      const r = await deleteViewAction(viewId);
      if (r.ok) router.push('/views');
      else setError(r.message);
    });

  return (
    <div className="view-runner">
      <div className="actions">
        <button type="button" className="danger" onClick={() => setOpen(true)} disabled={refs.length === 0}>
          Run view
        </button>
        <button type="button" onClick={remove} disabled={deleting}>
          Delete view
        </button>
      </div>
      {refs.length === 0 && <p className="muted small">The view names no images on the engine now.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {lastRun && <ApplyResultView run={lastRun} heading="Last run" />}
      {open && (
        <RemoveDialog
          refs={refs}
          flags={flags}
          plan={plan}
          pending={false}
          view={view}
          send={send}
          maxChunks={1}
          onClose={() => setOpen(false)}
          onFinished={setLastRun}
        />
      )}
    </div>
  );
}
