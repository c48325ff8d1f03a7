import type { AuditRow } from '../lib/store/audit';
import { stateFile, USERS } from './support/auth';
import { expect, lines, test } from './support/dashboard';
import { SECOND_IMAGES, secondHost } from './support/second-engine';
import { actionId, postAction } from './support/server-action';

test.describe('an admin', () => {
  test.use({ storageState: stateFile('admin') });

  test('registers a second engine, switches to it, sees only its images, and a removal there is audited with it', async ({ dash, page }) => {
    await page.goto('/engines');
    const table = page.getByRole('table', { name: 'Engines' });
    await expect(table.getByRole('row', { name: 'default' }).getByRole('cell').nth(2)).toHaveText('reachable');
    const form = page.getByRole('region', { name: 'Register an engine' });

    // A malformed address is refused with the reason; an unreachable one can be registered.
    await form.getByLabel('Name').fill('nowhere');
    await form.getByLabel('Address').fill('tcp://127.0.0.1');
    await form.getByRole('button', { name: 'Register engine' }).click();
    await expect(form.getByRole('alert')).toHaveText('A tcp address needs a host and a port: tcp://host:2376');
    await form.getByLabel('Address').fill('tcp://127.0.0.1:1');
    await form.getByRole('button', { name: 'Register engine' }).click();
    await expect(form.getByRole('status')).toHaveText('Registered nowhere (tcp://127.0.0.1:1).');
    await expect(table.getByRole('row', { name: 'nowhere' })).toContainText('unreachable');

    const host = secondHost();
    await form.getByLabel('Name').fill('second');
    await form.getByLabel('Address').fill(host);
    await form.getByRole('button', { name: 'Register engine' }).click();
    await expect(form.getByRole('status')).toHaveText(`Registered second (${host}).`);
    const row = table.getByRole('row', { name: 'second' });
    await expect(row).toContainText('overlay2');
    await expect(row.getByRole('cell').nth(2)).toHaveText('reachable');
    await form.getByLabel('Name').fill('second');
    await form.getByLabel('Address').fill(host);
    await form.getByRole('button', { name: 'Register engine' }).click();
    await expect(form.getByRole('alert')).toHaveText('An engine named "second" is already registered');

    await row.getByRole('button', { name: 'Switch to second' }).click();
    await expect(page).toHaveURL(/\/\?engine=second$/);
    await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Engine' })).toHaveValue('second');
    const images = page.getByRole('main');
    for (const tag of SECOND_IMAGES) await expect(images.getByText(tag, { exact: true }).first()).toBeVisible();
    await expect(images.getByText('svc:1', { exact: true })).toHaveCount(0);

    // The choice sticks (cookie): the dashboard without ?engine= is still the second engine.
    await dash.open();
    await expect(images.getByText(SECOND_IMAGES[0]!, { exact: true }).first()).toBeVisible();
    await page.getByRole('textbox', { name: 'References to remove' }).fill(SECOND_IMAGES[1]!);
    expect(await dash.plannedLines()).toEqual([`Untagged: ${SECOND_IMAGES[1]}`]);
    await dash.removeButton().click();
    await dash.dialog().getByRole('button', { name: 'Remove', exact: true }).click();
    expect(await lines(dash.dialog().getByRole('list', { name: 'Engine output' }))).toEqual([`Untagged: ${SECOND_IMAGES[1]}`]);
    await dash.dialog().getByRole('button', { name: 'Close' }).click();
    const rows = (await (await page.request.get(`/audit/export.json?actor=${USERS.admin.username}`)).json()) as AuditRow[];
    expect(rows.find((r) => r.action === 'image-rm')).toMatchObject({ engine: host, outcome: 'applied', refs: [SECOND_IMAGES[1]] });
    expect(rows.filter((r) => r.action === 'engine-add').map((r) => [r.outcome, r.engine])).toEqual([
      ['refused', host],
      ['ok', host],
      ['ok', 'tcp://127.0.0.1:1'],
    ]);

    // The header's switcher goes back to the default engine and its images.
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('default');
    await expect(page).toHaveURL(/\/\?engine=default$/);
    await expect(dash.checkbox('svc:1')).toBeVisible();
    await expect(images.getByText(SECOND_IMAGES[0]!, { exact: true })).toHaveCount(0);
  });
});

test('an operator sees the engines but cannot register one: the POST is refused and audited', async ({ page }) => {
  await page.goto('/engines');
  await expect(page.getByRole('table', { name: 'Engines' }).getByRole('row', { name: 'default' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Register an engine' })).toHaveCount(0);
  const reply = await postAction(page, actionId('app/engines/actions.ts', 'addEngineAction'), [null, { name: 'sneaky', host: 'tcp://10.9.9.9:2375', certPath: '' }]);
  expect(reply.body).toContain('Not allowed: addEngineAction needs the admin role (you are operator).');
  const rows = (await (await page.request.get(`/audit/export.json?actor=${USERS.operator.username}&outcome=forbidden`)).json()) as AuditRow[];
  expect(rows[0]).toMatchObject({ action: 'addEngineAction', role: 'operator' });
  await expect(page.getByRole('table', { name: 'Engines' }).getByRole('row', { name: 'sneaky' })).toHaveCount(0);

  // Actions name an engine only by a registered id: anything else is refused, nothing is dialled.
  for (const engineId of [9999, 'unix:///var/run/docker.sock']) {
    const preview = await postAction(page, actionId('app/actions.ts', 'previewAction'), [engineId, { refs: ['svc:1'], flags: { force: false, noPrune: false } }]);
    expect(preview.body).toContain('No such engine: it may have been removed. Reload the page.');
  }
});
