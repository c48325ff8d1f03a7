import { chainIds } from '../lib/model/chain-id';
import { docker, expect, test } from './support/dashboard';

test('a shared layer survives the removal, and its reasons name the image that holds it', async ({ dash, page }) => {
  const diffIds = JSON.parse(await docker('image', 'inspect', 'app-web:1', '--format', '{{json .RootFS.Layers}}')) as string[];
  const webLayer = chainIds(diffIds).at(-1)!;
  const short = webLayer.slice(7, 19);

  await dash.open();
  await dash.checkbox('app-web:2').check();
  const planned = await dash.plannedLines();
  expect(planned[0]).toBe('Untagged: app-web:2');
  expect(planned).not.toContain(`Deleted: ${webLayer}`);

  // In the graph the layer is marked as kept; one activation (here from the keyboard) shows why.
  const node = dash.graphNode(new RegExp(`^Layer ${short}, .*, kept$`));
  await expect(node).toBeVisible();
  await node.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Layer details' });
  await expect(details.getByRole('heading', { name: `Layer ${short}` })).toBeVisible();
  await expect(details.getByText('Kept by this removal.')).toBeVisible();
  await expect(details.getByRole('list', { name: 'Why it stays' })).toContainText('Shared with app-web:1');
  // And the table marks app-web:1 among the images holding it.
  await expect(details.getByRole('button', { name: 'app-web:1' })).toBeVisible();
  await dash.screenshot('shared-layer');
});

test('graph and table select together: clicking an image node checks its row', async ({ dash, page }) => {
  await dash.open();
  await page.getByRole('checkbox', { name: 'Focus on selection' }).uncheck();
  await dash.graphNode(/^Image app-api:1 /).click();
  await expect(dash.checkbox('app-api:1')).toBeChecked();
  await expect(dash.graphNode(/^Image app-api:1 .*selected/)).toHaveAttribute('aria-pressed', 'true');
  await dash.checkbox('app-api:1').uncheck();
  await expect(dash.graphNode(/^Image app-api:1 /)).toHaveAttribute('aria-pressed', 'false');
});
