import 'server-only';
import { EngineUnreachableError } from '@/lib/engine/connection';
import { engineService } from '@/lib/engine/service';
import { addressOf, type RegisteredEngine } from '@/lib/store/engines';
import type { Snapshot } from '@/lib/model/snapshot';

export type StoreResult = { ok: true; snapshot: Snapshot; address: string } | { ok: false; message: string; address: string };

/**
 * A registered engine's current snapshot for a page render. An unreachable engine (or a malformed address)
 * is an expected state the page explains; anything else is a bug and reaches error.tsx.
 */
export async function getStore(engine: RegisteredEngine): Promise<StoreResult> {
  let address = engine.host;
  try {
    const svc = engineService(addressOf(engine));
    address = svc.address.host;
    return { ok: true, snapshot: await svc.snapshot(), address };
  } catch (e) {
    const message = engineFailure(e);
    if (message) return { ok: false, message, address };
    throw e;
  }
}

/** The user-facing text for an expected engine failure, or undefined for a bug. */
export function engineFailure(e: unknown): string | undefined {
  if (e instanceof EngineUnreachableError) return e.message;
  if (e instanceof Error && e.message.startsWith('Invalid engine address')) return e.message;
  return undefined;
}

/** Whether the engine is a throw-away test bed (labelled in the header so nobody mistakes it). */
export function isSandbox(): boolean {
  return process.env.LAYERLENS_SANDBOX === '1';
}

/**
 * getStore, but an engine that has not answered within `ms` counts as unreachable, so one dead
 * engine (a tcp address that drops packets) cannot hold up a page listing many.
 */
export async function probeStore(engine: RegisteredEngine, ms = 4000): Promise<StoreResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<StoreResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: `No answer from ${engine.host} within ${ms / 1000} s`, address: engine.host }), ms);
  });
  try {
    return await Promise.race([getStore(engine), late]);
  } finally {
    clearTimeout(timer);
  }
}
