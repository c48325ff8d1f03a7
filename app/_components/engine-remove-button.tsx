'use client';

import { useState, useTransition } from 'react';

type State = { message: string; ok?: boolean } | null;

/** Unregisters one engine (bound by the page) after a confirm; shows why when refused. */
export function EngineRemoveButton({ name, action }: { name: string; action: () => Promise<State> }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const remove = () => {
    if (!window.confirm(`Unregister ${name}? Nothing on the engine changes.`)) return;
    start(async () => {
      const r = await action();
      setMessage(r && !r.ok ? r.message : null);
    });
  };
  return (
    <>
      <button type="button" onClick={remove} disabled={pending} aria-label={`Remove ${name}`}>
        Remove
      </button>
      {message && (
        <span className="error small" role="alert">
          {message}
        </span>
      )}
    </>
  );
}
