import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRow } from '../lib/store/audit';
import { expect, test } from './support/dashboard';
import { ExtraServer } from './support/extra-server';
import { APP_DOCKER_HOST, freePort, TEST_DIR } from './support/settings';

test('first start prints a one-time setup token; the admin, the session and the audit log survive a restart', async ({ browser }) => {
  const db = join(TEST_DIR, 'restart', 'layerlens.db');
  rmSync(join(TEST_DIR, 'restart'), { recursive: true, force: true });
  const server = new ExtraServer(freePort(), { LAYERLENS_DB: db, DOCKER_HOST: APP_DOCKER_HOST, LAYERLENS_DOCKER_HOST: APP_DOCKER_HOST, LAYERLENS_SANDBOX: '1' });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: server.url });
  try {
    await server.start();
    const token = server.output.match(/layerlens: {3}(\S+)\n/)?.[1];
    expect(token, server.output).toBeTruthy();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'set up the admin account' }).click();
    await page.getByLabel('Setup token').fill('wrong-token');
    await page.getByLabel('Password', { exact: true }).fill('first-admin-password');
    await page.getByLabel('Password again').fill('first-admin-password');
    await page.getByRole('button', { name: 'Create admin' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('That setup token is not valid');
    await page.getByLabel('Setup token').fill(token!);
    await page.getByLabel('Password', { exact: true }).fill('first-admin-password');
    await page.getByLabel('Password again').fill('first-admin-password');
    await page.getByRole('button', { name: 'Create admin' }).click();
    await expect(page.getByText('admin (admin)')).toBeVisible();

    await server.stop();
    await server.start();
    expect(server.output).not.toContain('setup token');
    // The same browser session is still signed in on the new process: sessions live in the database.
    await page.goto('/audit');
    const table = page.getByRole('table', { name: 'Audit entries' });
    await expect(table.getByRole('row').filter({ hasText: 'first admin created' })).toHaveCount(1);
    await page.goto('/setup');
    await expect(page.getByRole('heading', { name: 'Setup is done' })).toBeVisible();
    const rows = (await (await page.request.get('/audit/export.json?outcome=denied')).json()) as AuditRow[];
    expect(rows.map((r) => r.action)).toEqual(['setup']);
  } finally {
    await context.close();
    await server.stop();
  }
});
