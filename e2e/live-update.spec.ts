import { docker, expect, test } from './support/dashboard';

test('a tag added with the docker CLI shows up without a reload', async ({ dash, page }) => {
  await dash.open();
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await expect(page.getByText('ll-base:live')).toHaveCount(0);
  await docker('tag', 'll-base:1', 'll-base:live');
  await expect(page.getByRole('table').getByText('ll-base:live', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await docker('rmi', 'll-base:live');
  await expect(page.getByRole('table').getByText('ll-base:live', { exact: true })).toHaveCount(0);
});
