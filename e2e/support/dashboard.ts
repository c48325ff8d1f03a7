import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { dockerOut } from '../../lib/testbed/docker-cli';
import { HOST_FILE } from './settings';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** The dashboard as a person sees it: everything found by role and accessible name. */
export class Dashboard {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Images' })).toBeVisible();
    // Hydrated: the client components answer clicks from here on.
    await this.page.waitForFunction(() => performance.getEntriesByName('layerlens:interactive').length > 0);
  }

  checkbox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${label}`, exact: true });
  }

  /** The planned `docker image rm` output in the preview, once it is current. */
  async plannedLines(): Promise<string[]> {
    const preview = this.page.getByRole('region', { name: 'Removal preview' });
    await expect(preview).toHaveAttribute('aria-busy', 'false');
    return lines(preview.getByRole('list', { name: 'Planned output' }));
  }

  removeButton(): Locator {
    return this.page.getByRole('region', { name: 'Removal preview' }).getByRole('button', { name: 'Remove', exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  graphNode(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name: 'Layer graph' }).getByRole('button', { name });
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
}

/** The text lines of a list (one record or error per item). */
export async function lines(list: Locator): Promise<string[]> {
  await expect(list).toBeVisible();
  return (await list.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
}

/** The test engine's DOCKER_HOST, for specs that change it with the docker CLI as a user would. */
export function engineHost(): string {
  return readFileSync(HOST_FILE, 'utf8').trim();
}

export const docker = (...args: string[]) => dockerOut(engineHost(), args);

export const test = base.extend<{ dash: Dashboard }>({
  dash: async ({ page }, provide) => {
    await provide(new Dashboard(page));
  },
});
export { expect };
