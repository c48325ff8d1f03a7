'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { writeAudit } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { hashPassword, MIN_PASSWORD } from '@/lib/store/password';
import { spendSetupToken } from '@/lib/store/setup-token';
import { insertUser, USERNAME } from '@/lib/store/users';
import { clientIp } from '../_lib/auth';
import { startSession } from '../_lib/session-cookie';
import type { FormState } from '../signin/actions';

const input = z
  .object({
    token: z.string().trim().min(1, 'Enter the setup token from the server console').max(200),
    username: z.string().trim().regex(USERNAME, 'A username is 1–64 letters, digits, ".", "_", "-" or "@"'),
    password: z.string().min(MIN_PASSWORD, `The password needs at least ${MIN_PASSWORD} characters`).max(1024),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ' });

/** Creates the first admin, once: the token is checked and spent in the same transaction. */
export async function setupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Invalid input' };
  const { token, username, password } = parsed.data;
  const db = getDb();
  const hash = await hashPassword(password);
  const admin = spendSetupToken(db, token, () => insertUser(db, username, hash, 'admin'));
  const ip = await clientIp();
  if (!admin) {
    writeAudit(db, { actor: username, ip, action: 'setup', outcome: 'denied', detail: 'wrong or spent setup token' });
    return { message: 'That setup token is not valid (or setup is done). Use the token of the latest server start.' };
  }
  writeAudit(db, { actor: admin.username, role: 'admin', ip, action: 'setup', outcome: 'ok', detail: 'first admin created' });
  await startSession(admin.id);
  redirect('/');
}
