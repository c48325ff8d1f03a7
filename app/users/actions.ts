'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { writeAudit } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { createUser, setRole, UserError } from '@/lib/store/users';
import { requireRole } from '../_lib/auth';
import type { FormState } from '../signin/actions';

const newUser = z.object({ username: z.string().trim().min(1).max(64), password: z.string().max(1024), role: z.enum(ROLES) });

/** Admins add users; the row in the audit log names who added whom with which role. */
export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await requireRole('admin', 'createUserAction');
  if (!auth.ok) return auth;
  const parsed = newUser.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Invalid input' };
  const { username, password, role } = parsed.data;
  try {
    await createUser(getDb(), username, password, role);
  } catch (e) {
    if (e instanceof UserError) return { message: e.message };
    throw e;
  }
  writeAudit(getDb(), { actor: auth.actor.name, role: auth.actor.role, ip: auth.actor.ip, action: 'user-create', outcome: 'ok', refs: [username], detail: `role ${role}` });
  revalidatePath('/users');
  return { message: `Created ${username} (${role}).`, ok: true };
}

/** Changes a role; the username is bound by the page, the role comes from the form. */
export async function setRoleAction(username: string, _prev: FormState, form: FormData): Promise<FormState> {
  const auth = await requireRole('admin', 'setRoleAction');
  if (!auth.ok) return auth;
  const role = z.enum(ROLES).safeParse(form.get('role'));
  if (!role.success) return { message: 'Pick a role' };
  let before: string;
  try {
    before = setRole(getDb(), username, role.data).before;
  } catch (e) {
    if (e instanceof UserError) return { message: e.message };
    throw e;
  }
  writeAudit(getDb(), { actor: auth.actor.name, role: auth.actor.role, ip: auth.actor.ip, action: 'role-change', outcome: 'ok', refs: [username], detail: `${before} -> ${role.data}` });
  revalidatePath('/users');
  return { message: `${username} is now ${role.data}.`, ok: true };
}
