import type { AuditRow } from '../lib/store/audit';
import { stateFile, USERS } from './support/auth';
import { docker, expect, lines, test } from './support/dashboard';
import { actionId, postAction } from './support/server-action';

test.describe('a viewer', () => {
  test.use({ storageState: stateFile('viewer') });

  test('sees the plan but no Remove, and a direct POST to the remove action is refused and audited', async ({ dash, page }) => {
    await dash.open();
    await expect(page.getByText(`${USERS.viewer.username} (viewer)`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await dash.checkbox('scratchpad:1').check();
    const planned = await dash.plannedLines();
    expect(planned[0]).toBe('Untagged: scratchpad:1');
    await expect(dash.removeButton()).toHaveCount(0);
    await expect(page.getByText('Your role can preview removals; an operator can apply them.')).toBeVisible();

    // Bypass the UI: the exact request the Remove dialog would send.
    const reviewed = [{ ref: 'scratchpad:1', records: planned.map((l) => (l.startsWith('Untagged: ') ? { Untagged: l.slice(10) } : { Deleted: l.slice(9) })), error: null }];
    const reply = await postAction(page, actionId('app/actions.ts', 'removeAction'), [1, { refs: ['scratchpad:1'], flags: { force: false, noPrune: false }, reviewed }]);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Not allowed: removeAction needs the operator role (you are viewer).');
    expect(await docker('image', 'ls', '-q', 'scratchpad:1')).not.toBe('');

    const res = await page.request.get(`/audit/export.json?actor=${USERS.viewer.username}&outcome=forbidden`);
    expect(res.ok()).toBe(true);
    const rows = (await res.json()) as AuditRow[];
    expect(rows[0]).toMatchObject({ actor: USERS.viewer.username, role: 'viewer', action: 'removeAction', outcome: 'forbidden' });
  });
});

test('signed out, the dashboard sends you to sign in and the actions refuse', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin\?next=%2F$/);
  await expect(page.getByRole('heading', { name: 'Sign in to layerlens' })).toBeVisible();
  const reply = await postAction(page, actionId('app/actions.ts', 'previewAction'), [1, { refs: ['ll-base:1'], flags: { force: false, noPrune: false } }]);
  expect(reply.body).toContain('Not signed in');
  expect((await page.request.get('/audit/export.csv')).status()).toBe(401);
  await page.getByLabel('Username').fill(USERS.viewer.username);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong username or password.');
  await context.close();
});

test('an operator removes, and the audit log shows the planned and the engine records', async ({ dash, page }) => {
  await docker('tag', 'll-base:1', 'audit-me:1');
  await dash.open();
  await page.getByRole('textbox', { name: 'References to remove' }).fill('audit-me:1');
  expect(await dash.plannedLines()).toEqual(['Untagged: audit-me:1']);
  await dash.removeButton().click();
  const dialog = dash.dialog();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  expect(await lines(dialog.getByRole('list', { name: 'Engine output' }))).toEqual(['Untagged: audit-me:1']);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Audit entries' });
  const row = table.getByRole('row').filter({ hasText: 'audit-me:1' }).first();
  await expect(row).toContainText(USERS.operator.username);
  await expect(row).toContainText('image-rm');
  await expect(row).toContainText('applied');
  expect(await lines(row.getByRole('list', { name: 'Planned records' }))).toEqual(['Untagged: audit-me:1']);
  expect(await lines(row.getByRole('list', { name: 'Engine records' }))).toEqual(['Untagged: audit-me:1']);

  // The filters and the CSV export agree with the page.
  await page.getByLabel('Outcome').selectOption('applied');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/outcome=applied/);
  await expect(table.getByRole('row').filter({ hasText: 'forbidden' })).toHaveCount(0);
  const csv = await (await page.request.get('/audit/export.csv?outcome=applied')).text();
  expect(csv.split('\r\n')[0]).toBe('id,at,actor,role,ip,engine,action,outcome,refs,flags,planned,actual,bytes_freed,detail');
  expect(csv).toContain(`${USERS.operator.username},operator`);
  expect(csv).toContain('"[""audit-me:1""]"');
});

test.describe('an admin', () => {
  test.use({ storageState: stateFile('admin') });

  test('adds a user and changes a role, and both are in the audit log', async ({ page }) => {
    await page.goto('/users');
    const add = page.getByRole('region', { name: 'Add a user' });
    await add.getByLabel('Username').fill('new-colleague');
    await add.getByLabel(/^Password/).fill('colleague-password');
    await add.getByRole('combobox').selectOption('viewer');
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect(add.getByRole('status')).toHaveText('Created new-colleague (viewer).');
    await page.getByRole('combobox', { name: 'Role of new-colleague' }).selectOption('operator');
    await page.getByRole('row', { name: /new-colleague/ }).getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByRole('row', { name: /new-colleague/ }).getByRole('status')).toHaveText('new-colleague is now operator.');
    const rows = (await (await page.request.get(`/audit/export.json?actor=${USERS.admin.username}`)).json()) as AuditRow[];
    expect(rows.slice(0, 2).map((r) => [r.action, r.refs, r.detail])).toEqual([
      ['role-change', ['new-colleague'], 'viewer -> operator'],
      ['user-create', ['new-colleague'], 'role viewer'],
    ]);
  });
});

test('an operator cannot open the users page, and the attempt is audited', async ({ page }) => {
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Only admins manage users' })).toBeVisible();
  const rows = (await (await page.request.get(`/audit/export.json?actor=${USERS.operator.username}&outcome=forbidden`)).json()) as AuditRow[];
  expect(rows[0]).toMatchObject({ action: 'GET /users' });
});
