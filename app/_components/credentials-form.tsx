'use client';

import { useActionState, type ReactNode } from 'react';

type State = { message: string } | null;

/** A sign-in style form over a server action; the action's message shows as an alert. */
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
      {state && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
