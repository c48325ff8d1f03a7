import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/store/db';
import { createSession, SESSION_MS } from '@/lib/store/sessions';
import { SESSION_COOKIE, secureCookies } from './auth';

/** Starts a session: HttpOnly (scripts cannot read it), SameSite=Lax (no cross-site POSTs), Secure behind https. */
export async function startSession(userId: number): Promise<void> {
  const { token } = createSession(getDb(), userId);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await secureCookies(),
    path: '/',
    maxAge: SESSION_MS / 1000,
  });
}
