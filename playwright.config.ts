import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DB_FILE, stateFile } from './e2e/support/auth';
import { APP_DOCKER_HOST, e2ePort, TEST_DIR } from './e2e/support/settings';

const port = e2ePort();

/**
 * Browser tests: Debian's Chromium against `next build && next start`, which talks to a private
 * test engine built by globalSetup (see e2e/support/settings.ts for why through a socket link).
 * One worker: the specs change one shared engine, each on its own images.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? join(TEST_DIR, 'playwright.json') }]],
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  outputDir: join(TEST_DIR, 'results'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Signed in as an operator unless a spec picks another role (e2e/support/auth.ts).
    storageState: stateFile('operator'),
    viewport: { width: 1600, height: 1000 },
    navigationTimeout: 120_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `node e2e/support/web-server.mjs ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DOCKER_HOST: APP_DOCKER_HOST,
      LAYERLENS_DOCKER_HOST: APP_DOCKER_HOST,
      LAYERLENS_SANDBOX: '1',
      LAYERLENS_DB: DB_FILE,
      LAYERLENS_E2E_FRESH_DB: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
