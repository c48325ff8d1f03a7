'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { RemovalFlags } from '@/lib/model/plan-types';
import { saveViewAction } from '../views/actions';
import { useEngineId } from './engine-scope';

interface Props {
  /** The applied filter text ('' for none) and -a. */
  filter: string;
  all: boolean;
  refs: string[];
  flags: RemovalFlags;
}

/** "Save as view": the dashboard's current filter, selection and flags, under a name, for the team. */
export function SaveViewForm({ filter, all, refs, flags }: Props) {
  const router = useRouter();
  const engineId = useEngineId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, startSave] = useTransition();
  const empty = !filter && refs.length === 0;

  const save = () =>
    startSave(async () => {
      const r = await saveViewAction(engineId, { name, description, filter, all, refs, flags });
      if (r.ok) router.push(`/views/${r.id}`);
      else setError(r.message);
    });

  return (
    <details className="save-view">
      <summary>Save as view</summary>
      <form
        aria-label="Save as view"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p className="muted small">
          Saves {filter ? <code>--filter {filter}</code> : 'no filter'}
          {refs.length > 0 ? `, ${refs.length} selected reference${refs.length === 1 ? '' : 's'}` : ''} and the flags. Teammates open it by its link and see its plan on the engine as it is then.
        </p>
        <label className="field">
          <span>View name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label className="field refs">
          <span>Description</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={2000} />
        </label>
        <button type="submit" disabled={saving || empty}>
          Save view
        </button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </details>
  );
}
