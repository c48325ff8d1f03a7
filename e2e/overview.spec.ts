import { expect, test } from './support/dashboard';

test('the overview names the engine, its storage and the totals, and marks the sandbox', async ({ dash, page }) => {
  await dash.open();
  await expect(page.getByRole('heading', { name: /^Docker Engine 20\.10\.\S+ \(API 1\.41\)$/ })).toBeVisible();
  await expect(page.getByText('overlay2: freed bytes return to the host filesystem.').first()).toBeVisible();
  await expect(page.getByText('Sandbox engine')).toBeVisible();
  const totals = page.getByRole('region', { name: 'Store totals' });
  await expect(totals.getByText('Images', { exact: true })).toBeVisible();
  await expect(totals.getByText('Reclaimable')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Bytes by repository' })).toBeVisible();
  // Every image row has its checkbox (these images no other spec removes); the build steps are
  // hidden, as docker image ls hides intermediate images.
  for (const ref of ['ll-base:1', 'app-web:1', 'app-web:2', 'app-api:1', 'svc:1', 'scratchpad:1']) {
    await expect(dash.checkbox(ref)).toBeVisible();
  }
  await expect(page.getByText('svc-run (running)')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Select [0-9a-f]{12}$/ })).toHaveCount(1);
  await page.getByRole('checkbox', { name: /Show intermediate images/ }).check();
  expect(await page.getByRole('checkbox', { name: /^Select [0-9a-f]{12}$/ }).count()).toBeGreaterThan(1);
  await expect(page.getByRole('heading', { name: 'Layer graph' })).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('layerlens:dag-rendered').length > 0);
  await dash.screenshot('overview');
});
