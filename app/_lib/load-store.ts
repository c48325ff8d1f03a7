import 'server-only';
import { EngineUnreachableError } from '@/lib/engine/connection';
import { engineService } from '@/lib/engine/service';
import type { Snapshot } from '@/lib/model/snapshot';

export type StoreResult = { ok: true; snapshot: Snapshot; address: string } | { ok: false; message: string; address: string };

/**
 * The engine's current snapshot for a page render. An unreachable engine (or a malformed address)
 * is an expected state the page explains; anything else is a bug and reaches error.tsx.
 */
export async function getStore(): Promise<StoreResult> {
  let address = process.env.LAYERLENS_DOCKER_HOST || process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  try {
    const svc = engineService();
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
