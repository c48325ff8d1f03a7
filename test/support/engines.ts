import path from 'node:path';
import { after, before } from 'node:test';
import { engineKindsFromEnv, startEngine, type EngineKind, type RunningEngine } from '../../lib/testbed/engine';

/** Where `npm test` keeps engine data; each suite gets fresh folders below it. */
export const testDir = process.env.LAYERLENS_TEST_DIR ?? path.resolve('.layerlens', 'test');

/** The loopback registry `npm test` started (`127.0.0.1:PORT`), if any. */
export const registryAddr = process.env.LAYERLENS_TEST_REGISTRY || undefined;

export const testKinds: EngineKind[] = engineKindsFromEnv();

/**
 * A private engine for the enclosing `describe`: started fresh before its tests, stopped after
 * them even when they fail (node:test runs `after` hooks on failure too).
 */
export function useEngine(kind: EngineKind, suite: string): { readonly current: RunningEngine } {
  let engine: RunningEngine | undefined;
  before(async () => {
    engine = await startEngine({ kind, dir: path.join(testDir, `${suite}-${kind}`), fresh: true });
  });
  after(async () => {
    await engine?.stop();
  });
  return {
    get current() {
      if (!engine) throw new Error(`engine ${kind} for ${suite} did not start`);
      return engine;
    },
  };
}
