'use server';

import { existsSync } from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/store/db';
import { addEngine, engineInput, getEngineByName, removeEngine } from '@/lib/store/engines';
import type { FormState } from '../signin/actions';
import { pageUser, requireRole, secureCookies } from '../_lib/auth';
import { ENGINE_COOKIE, engineIdSchema, resolveEngine } from '../_lib/current-engine';
import { firstIssue } from '../_lib/schemas';

const CERT_FILES = ['ca.pem', 'cert.pem', 'key.pem'];

/**
 * Admins register an engine by name and address. Reachability is not required (it shows as
 * unreachable on /engines), but the address form is, and a TLS folder must hold the three files.
 * The store writes the audit row (taken names included); refused roles are audited by requireRole.
 */
export async function addEngineAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await requireRole('admin', 'addEngineAction');
  if (!auth.ok) return auth;
  const parsed = engineInput.safeParse({ name: form.get('name') ?? '', host: form.get('host') ?? '', certPath: form.get('certPath') ?? '' });
  if (!parsed.success) return { message: firstIssue(parsed.error) };
  const { certPath } = parsed.data;
  const missing = certPath ? CERT_FILES.filter((f) => !existsSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ certPath, f))) : [];
  if (missing.length > 0) return { message: `The TLS folder ${certPath} lacks ${missing.join(', ')}` };
  const r = addEngine(getDb(), auth.actor, parsed.data);
  if (!r.ok) return { message: r.message };
  revalidatePath('/engines');
  return { message: `Registered ${r.engine.name} (${r.engine.host}).`, ok: true };
}

/** Admins unregister an engine; the id is bound by the page. Nothing on the engine changes. */
export async function removeEngineAction(engineId: unknown): Promise<FormState> {
  const auth = await requireRole('admin', 'removeEngineAction');
  if (!auth.ok) return auth;
  const id = engineIdSchema.safeParse(engineId);
  if (!id.success) return { message: firstIssue(id.error) };
  const r = removeEngine(getDb(), auth.actor, id.data);
  if (!r.ok) return { message: r.message };
  revalidatePath('/engines');
  return { message: `Removed ${r.engine.name}.`, ok: true };
}

/**
 * Makes an engine the current one for this browser (a cookie holding its name) and opens its
 * dashboard. From the header's switcher (the name from a form) or /engines (the id, bound).
 */
export async function selectEngineAction(engineId: number | null, form: FormData): Promise<void> {
  await pageUser('/engines');
  const byId = engineId === null ? undefined : resolveEngine(engineId);
  const engine = byId?.ok ? byId.engine : getEngineByName(getDb(), String(form.get('engine') ?? ''));
  if (!engine) redirect('/engines');
  (await cookies()).set(ENGINE_COOKIE, engine.name, { httpOnly: true, sameSite: 'lax', path: '/', secure: await secureCookies(), maxAge: 60 * 60 * 24 * 365 });
  redirect(`/?engine=${encodeURIComponent(engine.name)}`);
}
