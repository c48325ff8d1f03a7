import { docker, expect, lines, test } from './support/dashboard';

test('a change between review and confirm makes the server refuse, showing what changed and the new plan', async ({ dash, page }) => {
  // Keep this page from following the engine, so it still shows the plan it had when the engine changes.
  await page.route('**/api/events', (route) => route.abort());
  await dash.open();
  await dash.checkbox('scratchpad:1').check();
  const planned = await dash.plannedLines();
  expect(planned[0]).toBe('Untagged: scratchpad:1');
  expect(planned.some((l) => l.startsWith('Deleted: '))).toBe(true);
  await dash.removeButton().click();

  await docker('tag', 'scratchpad:1', 'scratchpad:keep');
  const dialog = dash.dialog();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('Nothing more was sent: the engine changed since the plan was reviewed.')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'What changed' })).toBeVisible();
  expect(await lines(dialog.getByRole('list', { name: 'New plan' }))).toEqual(['Untagged: scratchpad:1']);
  await dash.screenshot('drift-refused');
  // Nothing was removed.
  expect(await docker('image', 'ls', '-q', 'scratchpad:1')).not.toBe('');
  await docker('rmi', 'scratchpad:keep');
});
