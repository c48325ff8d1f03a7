import { renderToStaticMarkup } from 'react-dom/server';
import { EngineOverviewPanel } from '../app/_components/engine-overview-panel';
import { SAMPLE_ENGINE } from '../lib/viz/sample-snapshot';
import { expect, test } from './support/dashboard';

// A component test on plain data: no devicemapper engine is needed to see the panel say it.
test('the overview explains devicemapper loop-lvm when the driver status says so', async ({ page }) => {
  const html = renderToStaticMarkup(
    EngineOverviewPanel({
      engine: {
        ...SAMPLE_ENGINE,
        driver: 'devicemapper',
        driverStatus: [
          ['Pool Name', 'docker-8:1-1234-pool'],
          ['Data loop file', '/var/lib/docker/devicemapper/devicemapper/data'],
        ],
        warnings: ['WARNING: devicemapper: usage of loopback devices is strongly discouraged for production use.'],
      },
    }),
  );
  await page.setContent(`<main>${html}</main>`);
  await expect(page.getByRole('heading', { name: 'Where freed bytes go' })).toBeVisible();
  await expect(page.getByText(/devicemapper in loop-lvm mode: .*sparse data file \/var\/lib\/docker\/devicemapper\/devicemapper\/data, which never shrinks/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Engine warnings' })).toContainText('loopback devices');
  await expect(page.getByText('overlay2: freed bytes return')).toHaveCount(0);
});
