import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasRole, type Role } from '@/lib/auth/roles';
import type { Actor } from '@/lib/engine/remove';
import { writeAudit } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { sessionUser } from '@/lib/store/sessions';
import type { User } from '@/lib/store/users';

export const SESSION_COOKIE = 'layerlens_session';

/**
 * The client address for the audit log and the sign-in limit: the last X-Forwarded-For entry,
 * which is what the nearest hop saw (a reverse proxy appends it; without one, Next.js fills the
 * header from the socket unless the client sent one).
 */
export async function clientIp(): Promise<string | null> {
  const xff = (await headers()).get('x-forwarded-for');
  return xff?.split(',').at(-1)?.trim() || null;
}

/** Cookies get `Secure` behind https (a TLS proxy says so with X-Forwarded-Proto) or when forced. */
export async function secureCookies(): Promise<boolean> {
  return process.env.LAYERLENS_SECURE_COOKIES === '1' || (await headers()).get('x-forwarded-proto') === 'https';
}

/** The signed-in user, with the role as the database has it now, or undefined. */
export async function currentUser(): Promise<User | undefined> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? sessionUser(getDb(), token) : undefined;
}

export const actorOf = async (u: User): Promise<Actor> => ({ name: u.username, role: u.role, ip: await clientIp() });

export type Allowed = { ok: true; user: User; actor: Actor };
export type Refused = { ok: false; message: string };

/**
 * The server's role check, for every server action and route handler that reads or changes engine
 * state (and the audit and user pages). Every action is a public POST, so the UI hiding a button
 * proves nothing: a refusal is written to the audit log with the action that was attempted.
 */
export async function requireRole(role: Role, action: string): Promise<Allowed | Refused> {
  const user = await currentUser();
  if (user && hasRole(user.role, role)) return { ok: true, user, actor: await actorOf(user) };
  writeAudit(getDb(), {
    actor: user?.username ?? 'anonymous',
    role: user?.role ?? null,
    ip: await clientIp(),
    action,
    outcome: user ? 'forbidden' : 'unauthenticated',
    detail: `needs the ${role} role`,
  });
  return { ok: false, message: user ? `Not allowed: ${action} needs the ${role} role (you are ${user.role}).` : 'Not signed in: sign in again.' };
}

/** For pages: the signed-in user, or a redirect to /signin (which comes back to `from`). */
export async function pageUser(from: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(from)}`);
  return user;
}

/** For route handlers: the allowed user, or the 401/403 response to send. */
export async function routeRole(role: Role, action: string): Promise<Allowed | Response> {
  const r = await requireRole(role, action);
  if (r.ok) return r;
  return Response.json({ error: r.message }, { status: (await currentUser()) ? 403 : 401 });
}
