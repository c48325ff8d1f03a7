import { docker, expect, lines, test } from './support/dashboard';

test('filter reference=redis, select all matching, and the engine does exactly what the preview said', async ({ dash, page }) => {
  await dash.open();
  await page.getByRole('textbox', { name: 'Filter (docker image ls --filter)' }).fill('reference=redis');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('button', { name: 'Select all matching (2)' })).toBeVisible();
  await expect(dash.checkbox('redis:6')).toBeVisible();
  await expect(dash.checkbox('app-web:1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Select all matching (2)' }).click();
  await expect(dash.checkbox('redis:6')).toBeChecked();
  await expect(dash.checkbox('redis:7')).toBeChecked();

  const planned = await dash.plannedLines();
  expect(planned.filter((l) => l.startsWith('Untagged: '))).toEqual(expect.arrayContaining(['Untagged: redis:6', 'Untagged: redis:7']));
  expect(planned.filter((l) => l.startsWith('Deleted: sha256:')).length).toBeGreaterThanOrEqual(4);
  await expect(page.getByText(/^docker image rm redis:\d redis:\d$/)).toBeVisible();
  await dash.screenshot('preview-redis');

  await dash.removeButton().click();
  const dialog = dash.dialog();
  await expect(dialog).toBeVisible();
  expect(await lines(dialog.getByRole('list', { name: 'Records about to happen' }))).toEqual(planned);
  await dash.screenshot('confirm-redis');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();

  const actual = await lines(dialog.getByRole('list', { name: 'Engine output' }));
  expect(actual).toEqual(planned);
  await expect(dialog.getByText('Done: the engine answered every request as planned.')).toBeVisible();
  await dash.screenshot('result-redis');
  expect(await docker('image', 'ls', '-q', '--filter', 'reference=redis')).toBe('');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The page follows the engine: the rows are gone without a reload.
  await expect(dash.checkbox('redis:6')).toHaveCount(0);
});
