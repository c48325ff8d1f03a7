/**
 * The dashboard's figures in Debian's Chromium, for `npm run bench`: time until interactive (the
 * page's `layerlens:interactive` mark), time until the DAG has drawn (`layerlens:dag-rendered`), and
 * the time from a selection click to the next painted frame.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuild, nextBin } from './ensure-build.mjs';

const root = path.resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export async function benchUi(dockerHost: string): Promise<void> {
  ensureBuild(root, { stdio: 'ignore' });
  const next = nextBin(root);
  const port = await freePort();
  const server = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, DOCKER_HOST: dockerHost },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, 60_000);
    await (await browser.newPage()).goto(base); // warm the server's snapshot cache
    const runs: Array<{ interactive: number; dag: number; select: number }> = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(base);
      await page.waitForFunction(() => performance.getEntriesByName('layerlens:dag-rendered').length > 0, null, { timeout: 60_000 });
      const marks = await page.evaluate(() => ({
        interactive: performance.getEntriesByName('layerlens:interactive')[0]?.startTime ?? NaN,
        dag: performance.getEntriesByName('layerlens:dag-rendered')[0]?.startTime ?? NaN,
      }));
      // The table shows the first rows of a large store; any row's checkbox is a selection change.
      const box = page.getByRole('checkbox', { name: /^Select / }).nth(i);
      await box.scrollIntoViewIfNeeded();
      const select = await box.evaluate(async (el) => {
        const t0 = performance.now();
        (el as HTMLInputElement).click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      });
      runs.push({ ...marks, select });
      await page.close();
    }
    const med = (k: 'interactive' | 'dag' | 'select') => runs.map((r) => r[k]).sort((a, b) => a - b)[1]!;
    console.log('dashboard in Chromium (median of 3 page loads):');
    console.log(`  interactive after navigation start: ${med('interactive').toFixed(0)} ms (goal <= 2000 ms)`);
    console.log(`  DAG drawn after navigation start:   ${med('dag').toFixed(0)} ms`);
    console.log(`  selection click to painted frame:   ${med('select').toFixed(1)} ms (goal <= 100 ms)`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
