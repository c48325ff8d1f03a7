'use client';

import { useActionState, useState } from 'react';
import { addEngineAction } from '../engines/actions';

const EMPTY = { name: '', host: '', certPath: '' };
const LABELS: Array<[keyof typeof EMPTY, string, string]> = [
  ['name', 'Name', 'build-box'],
  ['host', 'Address', 'tcp://build-box:2376'],
  ['certPath', 'TLS certificate folder (tcp only)', '/etc/layerlens/certs/build-box'],
];

/**
 * The admin's "Register an engine" form. Its fields are controlled so a refused address stays on
 * screen to be corrected (a form action would otherwise reset them); they clear once registered.
 */
export function EngineForm() {
  const [state, run, pending] = useActionState(addEngineAction, null);
  const [fields, setFields] = useState(EMPTY);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) setFields(EMPTY);
  }
  return (
    <form action={run} className="auth-form">
      {LABELS.map(([key, label, placeholder]) => (
        <label key={key}>
          {label}{' '}
          <input
            name={key}
            value={fields[key]}
            onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
            required={key !== 'certPath'}
            maxLength={key === 'name' ? 40 : 1000}
            autoComplete="off"
            placeholder={placeholder}
          />
        </label>
      ))}
      {state && (
        <p className={state.ok ? 'ok' : 'error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        Register engine
      </button>
    </form>
  );
}
