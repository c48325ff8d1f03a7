import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { chromium, type FullConfig } from '@playwright/test';
import type { Role } from '../lib/auth/roles';
import { startEngine } from '../lib/testbed/engine';
import { DB_FILE, stateFile, USERS } from './support/auth';
import { buildE2eStore } from './support/fixture-store';
import { buildSecondStore, SECOND_DIR, SECOND_HOST_FILE } from './support/second-engine';
import { HOST_FILE, SOCKET_LINK, TEST_DIR } from './support/settings';

/**
 * Starts a private engine (never the host's /var/run/docker.sock), builds the known store, points
 * the app's socket link at it, creates one user per role and signs each in through /signin, saving
 * the browser state for the specs (a second engine with its own small store waits for the engines
 * spec). The operator's first dashboard load also warms the snapshot, so
 * the first spec does not pay for the cold read. The engine is stopped by globalTeardown.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  mkdirSync(TEST_DIR, { recursive: true });
  const t0 = Date.now();
  const engine = await startEngine({ kind: 'v20', dir: TEST_DIR, fresh: true });
  writeFileSync(HOST_FILE, engine.host);
  rmSync(SOCKET_LINK, { force: true });
  symlinkSync(engine.host.replace(/^unix:\/\//, ''), SOCKET_LINK);
  await buildE2eStore(engine.host);
  // A second engine, only reachable once an admin registers it (e2e/engines.spec.ts).
  const second = await startEngine({ kind: 'v20', dir: SECOND_DIR, fresh: true });
  writeFileSync(SECOND_HOST_FILE, second.host);
  await buildSecondStore(second.host);
  for (const [role, u] of Object.entries(USERS)) {
    execFileSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/user.ts', 'add', u.username, role], {
      env: { ...process.env, LAYERLENS_DB: DB_FILE, LAYERLENS_PASSWORD: u.password },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  const t1 = Date.now();
  const use = config.projects[0]?.use;
  if (use?.baseURL) {
    const browser = await chromium.launch(use.launchOptions);
    try {
      for (const role of Object.keys(USERS) as Role[]) {
        const page = await browser.newPage({ baseURL: use.baseURL });
        await page.goto('/', { timeout: 180_000 });
        await page.getByLabel('Username').fill(USERS[role].username);
        await page.getByLabel('Password').fill(USERS[role].password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Images' }).waitFor({ timeout: 180_000 });
        await page.context().storageState({ path: stateFile(role) });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  console.log(`[e2e] engine ${engine.version} + store + users in ${t1 - t0} ms, sign-ins and first page load ${Date.now() - t1} ms`);
}
