import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The id Next.js gave a server action in this build (what the browser sends as `Next-Action`). */
export function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`no server action ${name} in ${file} in this build`);
  return hit[0];
}

/**
 * POSTs to a server action directly from the page, with its cookies, as a script in the browser
 * (or curl with a stolen cookie) could, bypassing the UI. Returns the status and the RSC reply text.
 */
export async function postAction(page: Page, id: string, args: unknown[]): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ id, args }) => {
      const res = await fetch('/', {
        method: 'POST',
        headers: { 'Next-Action': id, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(args),
      });
      return { status: res.status, body: await res.text() };
    },
    { id, args },
  );
}
