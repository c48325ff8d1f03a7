'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { writeAudit } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { clearFailures, isLimited, recordFailure } from '@/lib/store/rate-limit';
import { deleteSession } from '@/lib/store/sessions';
import { checkCredentials } from '@/lib/store/users';
import { clientIp, currentUser, SESSION_COOKIE } from '../_lib/auth';
import { startSession } from '../_lib/session-cookie';

/** What a form action answers: a message, which is a failure unless `ok`. */
export type FormState = { message: string; ok?: boolean } | null;

const input = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024), next: z.string().max(2048).optional() });

/** Only same-site paths: a crafted `next=https://evil` must not turn sign-in into a redirector. */
const safeNext = (n: string | undefined) => (n && n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : '/');

/** 5 failures per username+IP, 20 per username from anywhere, in 15 minutes (rate-limit.ts). */
const PER_IP = 5;
const PER_USER = 20;

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: 'Enter a username and a password.' };
  const { username, password } = parsed.data;
  const db = getDb();
  const ip = await clientIp();
  const name = username.toLowerCase();
  const keys = [`${name}|${ip ?? '?'}`, name];
  if (isLimited(db, keys[0]!, PER_IP) || isLimited(db, keys[1]!, PER_USER)) {
    writeAudit(db, { actor: username, ip, action: 'sign-in', outcome: 'limited' });
    return { message: 'Too many failed sign-ins. Try again in 15 minutes.' };
  }
  const user = await checkCredentials(db, username, password);
  if (!user) {
    recordFailure(db, keys);
    writeAudit(db, { actor: username, ip, action: 'sign-in', outcome: 'denied' });
    return { message: 'Wrong username or password.' };
  }
  clearFailures(db, keys[0]!);
  await startSession(user.id);
  writeAudit(db, { actor: user.username, role: user.role, ip, action: 'sign-in', outcome: 'ok' });
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  const user = await currentUser();
  if (token) deleteSession(getDb(), token);
  jar.delete(SESSION_COOKIE);
  if (user) writeAudit(getDb(), { actor: user.username, role: user.role, ip: await clientIp(), action: 'sign-out', outcome: 'ok' });
  redirect('/signin');
}
