import { connection } from 'next/server';
import Link from 'next/link';
import { getDb } from '@/lib/store/db';
import { setupOpen } from '@/lib/store/setup-token';
import { CredentialsForm } from '../_components/credentials-form';
import { setupAction } from './actions';

/** First start: whoever holds the token from the server console sets the admin account. */
export default async function Setup() {
  await connection();
  if (!setupOpen(getDb())) {
    return (
      <main className="auth">
        <section className="panel">
          <h1>Setup is done</h1>
          <p>
            An admin exists. <Link href="/signin">Sign in</Link>.
          </p>
        </section>
      </main>
    );
  }
  return (
    <main className="auth">
      <section className="panel" aria-labelledby="setup-h">
        <h1 id="setup-h">Set up the admin account</h1>
        <p className="muted">The one-time setup token was printed on the server console when layerlens started.</p>
        <CredentialsForm action={setupAction} submit="Create admin">
          <label>
            Setup token
            <input name="token" autoComplete="off" required />
          </label>
          <label>
            Username
            <input name="username" defaultValue="admin" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="new-password" required />
          </label>
          <label>
            Password again
            <input name="confirm" type="password" autoComplete="new-password" required />
          </label>
        </CredentialsForm>
      </section>
    </main>
  );
}
