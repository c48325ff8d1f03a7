import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { addressFromEnv } from '@/lib/engine/connection';
import { engineService, type EngineService } from '@/lib/engine/service';
import { getDb } from '@/lib/store/db';
import { addressOf, ensureDefaultEngine, getEngine, getEngineByName, type RegisteredEngine } from '@/lib/store/engines';

/** The engine the user last switched to (by name); a `?engine=<name>` search param wins over it. */
export const ENGINE_COOKIE = 'layerlens_engine';

/** The engine the server was started with, registered as "default" on first use. */
export const defaultEngine = (): RegisteredEngine => ensureDefaultEngine(getDb(), addressFromEnv());

/**
 * The engine a page is about: `?engine=<name>`, else the cookie, else the default. An unknown name
 * (an engine since removed, a typo) falls back to the default rather than failing the page.
 */
export async function currentEngine(param?: string | string[]): Promise<RegisteredEngine> {
  const fallback = defaultEngine();
  const named = typeof param === 'string' && param ? param : (await cookies()).get(ENGINE_COOKIE)?.value;
  return (named && getEngineByName(getDb(), named)) || fallback;
}

/** The service that talks to a registered engine: always dialled from the stored address. */
export const serviceOf = (e: RegisteredEngine): EngineService => engineService(addressOf(e));

export const engineIdSchema = z.number({ error: 'Not an engine id' }).int('Not an engine id').positive('Not an engine id');

/**
 * Resolves the engine id a server action was bound to through the store: the client only ever
 * names an engine by id, never by address, so a request cannot make the server dial elsewhere.
 */
export function resolveEngine(id: unknown): { ok: true; engine: RegisteredEngine; svc: EngineService } | { ok: false; message: string } {
  defaultEngine();
  const parsed = engineIdSchema.safeParse(id);
  const engine = parsed.success ? getEngine(getDb(), parsed.data) : undefined;
  if (!engine) return { ok: false, message: 'No such engine: it may have been removed. Reload the page.' };
  return { ok: true, engine, svc: serviceOf(engine) };
}

/** The engine a view belongs to (views from before engines were registered: the default). */
export function engineOfView(v: { engineId: number | null }): RegisteredEngine | undefined {
  return v.engineId === null ? defaultEngine() : getEngine(getDb(), v.engineId);
}
