'use client';

import { useActionState, type ReactNode } from 'react';

type State = { message: string; ok?: boolean } | null;

/** A sign-in style form over a server action; its message shows as an alert, or as a status when `ok`. */
export function CredentialsForm({
  action,
  submit,
  children,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  submit: string;
  children: ReactNode;
}) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="auth-form">
      {children}
      {state &&
        (state.ok ? (
          <p className="ok" role="status">
            {state.message}
          </p>
        ) : (
          <p className="error" role="alert">
            {state.message}
          </p>
        ))}
      <button type="submit" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
