import { docker, expect, lines, test } from './support/dashboard';

test('a stopped container blocks the removal until the user removes it from the dialog', async ({ dash }) => {
  await dash.open();
  await dash.checkbox('old-job:1').check();
  const planned = await dash.plannedLines();
  expect(planned).toHaveLength(1);
  expect(planned[0]).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "old-job:1" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}$/);

  await dash.removeButton().click();
  const dialog = dash.dialog();
  const blocking = dialog.getByRole('group', { name: 'Containers blocking this removal' });
  await expect(blocking).toContainText('old-job-run');
  await dash.screenshot('blocked-dialog');
  await blocking.getByRole('button', { name: 'Delete stopped containers first: old-job-run' }).click();
  await expect(blocking).toHaveCount(0);
  await expect(dialog.getByRole('list', { name: 'Records about to happen' }).getByRole('listitem').first()).toHaveText('Untagged: old-job:1');
  const reviewed = await lines(dialog.getByRole('list', { name: 'Records about to happen' }));
  expect(reviewed.some((l) => l.startsWith('Deleted: sha256:'))).toBe(true);

  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  expect(await lines(dialog.getByRole('list', { name: 'Engine output' }))).toEqual(reviewed);
  expect(await docker('ps', '-a', '-q', '--filter', 'name=old-job-run')).toBe('');
});

test('a running container is listed but never offered for removal', async ({ dash }) => {
  await dash.open();
  await dash.checkbox('svc:1').check();
  expect((await dash.plannedLines())[0]).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "svc:1"/);
  await dash.removeButton().click();
  const blocking = dash.dialog().getByRole('group', { name: 'Containers blocking this removal' });
  await expect(blocking).toContainText('svc-run');
  await expect(blocking).toContainText('running, never removed by layerlens');
  await expect(blocking.getByRole('button')).toHaveCount(0);
  await dash.dialog().getByRole('button', { name: 'Cancel' }).click();
  expect(await docker('ps', '-q', '--filter', 'name=svc-run')).not.toBe('');
});
