import { expect, test } from './support/dashboard';

test('refs typed as after docker image rm are planned as the engine would answer them', async ({ dash, page }) => {
  await dash.open();
  const box = page.getByRole('textbox', { name: 'References to remove' });
  await box.fill('app-api:stable');
  // app-api:1 still names the image: only the tag goes.
  expect(await dash.plannedLines()).toEqual(['Untagged: app-api:stable']);
  await box.fill('Upper nosuch:1');
  expect(await dash.plannedLines()).toEqual([
    'Error response from daemon: invalid reference format: repository name must be lowercase',
    'Error response from daemon: No such image: nosuch:1',
  ]);
  await expect(page.getByText('docker image rm Upper nosuch:1')).toBeVisible();
  // --force changes the answer for an image a running container uses: the tag goes, the image stays.
  await box.fill('svc:1');
  expect((await dash.plannedLines())[0]).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "svc:1"/);
  await page.getByRole('checkbox', { name: 'Force (--force)' }).check();
  expect(await dash.plannedLines()).toEqual(['Untagged: svc:1']);
  await expect(page.getByText('docker image rm --force svc:1')).toBeVisible();
});

test('a malformed filter is answered with the engine error, and nothing is selected', async ({ dash, page }) => {
  await dash.open();
  const alert = page.getByRole('region', { name: 'Images' }).getByRole('alert');
  await page.getByRole('textbox', { name: 'Filter (docker image ls --filter)' }).fill('color=blue');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(alert).toContainText(/Error response from daemon: invalid filter 'color'/i);
  await page.getByRole('textbox', { name: 'Filter (docker image ls --filter)' }).fill('redis');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(alert).toContainText('bad format of filter (expected name=value)');
  await expect(page.getByRole('button', { name: /^Select all matching/ })).toBeEnabled();
  await expect(page.getByText('0 selected')).toBeVisible();
});
