import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';
import { requireRole, type Allowed } from './auth';
import { resolveEngine } from './current-engine';
import { engineFailure } from './load-store';
import { firstIssue } from './schemas';

type Failure = { ok: false; message: string };
type Target = Extract<ReturnType<typeof resolveEngine>, { ok: true }>;

/**
 * The start every engine action shares, in this order: the role (a refusal is audited), the engine
 * the page is about (resolved by id through the store, never an address from the client), then
 * the input (zod). Expected failures come back as values.
 */
export async function engineAction<S extends z.ZodType>(
  role: Role,
  action: string,
  engineId: unknown,
  schema: S,
  input: unknown,
): Promise<{ ok: true; auth: Allowed; target: Target; data: z.infer<S> } | Failure> {
  const auth = await requireRole(role, action);
  if (!auth.ok) return auth;
  const target = resolveEngine(engineId);
  if (!target.ok) return target;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return { ok: true, auth, target, data: parsed.data };
}

/** Runs `fn`, turning an unreachable engine into a value; other errors are bugs and throw. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T | Failure> {
  try {
    return await fn();
  } catch (e) {
    const message = engineFailure(e);
    if (message) return { ok: false, message };
    throw e;
  }
}
