'use client';

import { useActionState } from 'react';
import { ROLES, type Role } from '@/lib/auth/roles';

type State = { message: string; ok?: boolean } | null;

/** The role picker of one user row; the action has the username bound on the server page. */
export function RoleForm({ username, role, action }: { username: string; role: Role; action: (prev: State, form: FormData) => Promise<State> }) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="inline-form">
      <select name="role" defaultValue={role} aria-label={`Role of ${username}`}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        Change role
      </button>
      {state && <span role="status">{state.message}</span>}
    </form>
  );
}
