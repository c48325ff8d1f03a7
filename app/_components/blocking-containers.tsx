'use client';

import { useState, useTransition } from 'react';
import type { Plan } from '@/lib/model/plan-types';
import type { StoreView } from '@/lib/viz/store-view';
import { removeContainersAction } from '../actions';
import { useEngineId } from './engine-scope';

/** Containers the plan names as the reason an image or layer stays (deduplicated, in plan order). */
export function blockingContainers(plan: Plan, view: StoreView) {
  const ids = new Set<string>();
  for (const r of [...plan.keptImages.flatMap((k) => k.reasons), ...plan.survivors.flatMap((s) => s.reasons)]) {
    if (r.kind === 'container') ids.add(r.containerId);
  }
  return view.containers.filter((c) => ids.has(c.id));
}

/**
 * Lists the containers that block the removal. The stopped ones can be removed first, explicitly and
 * by name; running containers are only listed (lib/engine refuses them) and volumes are kept.
 */
export function BlockingContainers({ plan, view }: { plan: Plan; view: StoreView }) {
  const engineId = useEngineId();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const list = blockingContainers(plan, view);
  if (list.length === 0) return null;
  const stopped = list.filter((c) => !c.running);
  const names = stopped.map((c) => c.name).join(', ');
  const run = () =>
    start(async () => {
      const r = await removeContainersAction(engineId, { ids: stopped.map((c) => c.id) });
      if (!r.ok) setMessage(r.message);
      else {
        const failed = r.results.filter((x) => !x.removed);
        setMessage(failed.length ? failed.map((f) => f.message ?? f.id).join('; ') : `Removed ${r.results.length} stopped container(s); the plan is updated.`);
      }
    });
  return (
    <div className="blocking" role="group" aria-label="Containers blocking this removal">
      <h4>Containers blocking this removal</h4>
      <ul>
        {list.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> <code>{c.shortId}</code> — {c.state}
            {c.running ? ': running, never removed by layerlens' : ': stopped'}
          </li>
        ))}
      </ul>
      {stopped.length > 0 && (
        <button type="button" onClick={run} disabled={pending}>
          {pending ? 'Deleting…' : `Delete stopped containers first: ${names}`}
        </button>
      )}
      {stopped.length > 0 && <p className="muted small">Only these containers go; their volumes stay.</p>}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
