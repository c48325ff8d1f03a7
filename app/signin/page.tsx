import { connection } from 'next/server';
import Link from 'next/link';
import { getDb } from '@/lib/store/db';
import { setupOpen } from '@/lib/store/setup-token';
import { CredentialsForm } from '../_components/credentials-form';
import { signInAction } from './actions';

export default async function SignIn({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  const { next } = await searchParams;
  const open = setupOpen(getDb());
  return (
    <main className="auth">
      <section className="panel" aria-labelledby="signin-h">
        <h1 id="signin-h">Sign in to layerlens</h1>
        {open && (
          <p className="note">
            No admin exists yet: <Link href="/setup">set up the admin account</Link> with the token printed on the server console.
          </p>
        )}
        <CredentialsForm action={signInAction} submit="Sign in">
          <input type="hidden" name="next" value={next ?? '/'} />
          <label>
            Username
            <input name="username" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
        </CredentialsForm>
      </section>
    </main>
  );
}
