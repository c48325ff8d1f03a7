import type { AuditRow } from '../lib/store/audit';
import { stateFile, USERS } from './support/auth';
import { docker, expect, test } from './support/dashboard';
import { actionId, postAction } from './support/server-action';

test('an operator saves a view, a viewer opens its link and sees the live plan and what changed, an operator runs it from another context', async ({ dash, page, browser }) => {
  // Extra tags on an image that keeps its own tags: running the view only untags.
  await docker('tag', 'app-api:1', 'teamview:1');
  await dash.open();
  await page.getByRole('textbox', { name: 'Filter (docker image ls --filter)' }).fill('reference=teamview');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('button', { name: 'Select all matching (1)' })).toBeVisible();
  await page.getByText('Save as view', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Save as view' });
  await form.getByLabel('View name').fill('Teamview tags');
  await form.getByLabel('Description').fill('Tags the nightly job leaves behind');
  await form.getByRole('button', { name: 'Save view' }).click();
  await expect(page).toHaveURL(/\/views\/[A-Za-z0-9_-]{22}$/);
  const url = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'Teamview tags' })).toBeVisible();

  // A second browser context: the viewer opens the link.
  const other = await browser.newContext({ storageState: stateFile('viewer') });
  try {
    const vp = await other.newPage();
    await vp.goto(url);
    await expect(vp.getByText('Tags the nightly job leaves behind')).toBeVisible();
    await expect(vp.getByRole('list', { name: 'Planned output' }).getByRole('listitem')).toHaveText(['Untagged: teamview:1']);
    await expect(vp.getByText('Nothing changed since the view was saved.')).toBeVisible();
    await expect(vp.getByRole('button', { name: 'Remove' })).toHaveCount(0);
    await expect(vp.getByRole('button', { name: 'Run view' })).toHaveCount(0);

    // A teammate tags another matching image with the CLI: the page follows the engine.
    await docker('tag', 'app-api:1', 'teamview:2');
    await expect(vp.getByRole('list', { name: 'New since saved' }).getByRole('listitem')).toHaveText(['reference teamview:2']);
    await expect(vp.getByRole('list', { name: 'Planned output' }).getByRole('listitem')).toHaveText(['Untagged: teamview:1', 'Untagged: teamview:2']);

    // Bypassing the UI does not help the viewer either.
    const reviewed = ['teamview:1', 'teamview:2'].map((ref) => ({ ref, records: [{ Untagged: ref }], error: null }));
    const reply = await postAction(vp, actionId('app/views/actions.ts', 'runViewAction'), [url.split('/').at(-1), { refs: ['teamview:1', 'teamview:2'], flags: { force: false, noPrune: false }, reviewed }]);
    expect(reply.body).toContain('Not allowed: runViewAction needs the operator role (you are viewer).');
  } finally {
    await other.close();
  }
  expect(await docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '--filter', 'reference=teamview')).toContain('teamview:2');

  // Another operator session opens the shared link in its own browser context and runs the view
  // through the confirmation dialog.
  const opCtx = await browser.newContext({ storageState: stateFile('operator') });
  try {
    const op = await opCtx.newPage();
    await op.goto(url);
    await expect(op.getByRole('list', { name: 'Planned output' }).getByRole('listitem')).toHaveText(['Untagged: teamview:1', 'Untagged: teamview:2']);
    await op.getByRole('button', { name: 'Run view' }).click();
    const dialog = op.getByRole('dialog');
    await expect(dialog.getByRole('list', { name: 'Records about to happen' }).getByRole('listitem')).toHaveText(['Untagged: teamview:1', 'Untagged: teamview:2']);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByRole('list', { name: 'Engine output' }).getByRole('listitem')).toHaveText(['Untagged: teamview:1', 'Untagged: teamview:2']);
    await expect(dialog.getByText('Done: the engine answered every request as planned.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
  } finally {
    await opCtx.close();
  }
  expect(await docker('image', 'ls', '-q', '--filter', 'reference=teamview')).toBe('');
  expect(await docker('image', 'ls', '-q', 'app-api:1')).not.toBe('');

  await page.getByRole('link', { name: 'Views', exact: true }).click();
  const row = page.getByRole('table', { name: 'Views' }).getByRole('row').filter({ hasText: 'Teamview tags' });
  await expect(row).toContainText(USERS.operator.username);
  await expect(row).toContainText(`by ${USERS.operator.username}: applied`);

  const audit = (await (await page.request.get(`/audit/export.json?actor=${USERS.operator.username}`)).json()) as AuditRow[];
  expect(audit.slice(0, 2).map((r) => [r.action, r.outcome, r.refs])).toEqual([
    ['view-run', 'applied', ['teamview:1', 'teamview:2']],
    ['image-rm', 'applied', ['teamview:1', 'teamview:2']],
  ]);
  expect(audit.some((r) => r.action === 'view-create' && r.detail?.includes('"Teamview tags"'))).toBe(true);
});
