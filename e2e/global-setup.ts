import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { startEngine } from '../lib/testbed/engine';
import { buildE2eStore } from './support/fixture-store';
import { HOST_FILE, SOCKET_LINK, TEST_DIR } from './support/settings';

/**
 * Starts a private engine (never the host's /var/run/docker.sock), builds the known store, points
 * the app's socket link at it and loads the page once, so the first spec does not pay for the
 * snapshot's cold read. The engine is stopped by globalTeardown, which reads DIR/engine.json.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  mkdirSync(TEST_DIR, { recursive: true });
  const t0 = Date.now();
  const engine = await startEngine({ kind: 'v20', dir: TEST_DIR, fresh: true });
  writeFileSync(HOST_FILE, engine.host);
  rmSync(SOCKET_LINK, { force: true });
  symlinkSync(engine.host.replace(/^unix:\/\//, ''), SOCKET_LINK);
  await buildE2eStore(engine.host);
  const t1 = Date.now();
  const base = config.projects[0]?.use.baseURL;
  if (base) {
    const res = await fetch(base, { signal: AbortSignal.timeout(180_000) });
    if (!res.ok) throw new Error(`warm-up: GET ${base} answered ${res.status}`);
  }
  console.log(`[e2e] engine ${engine.version} + store in ${t1 - t0} ms, first page load ${Date.now() - t1} ms`);
}
