/**
 * The browser tests' second engine: another private v20 engine with a tiny store of its own, which
 * the engines spec registers through the UI. globalSetup starts it, globalTeardown stops it by the
 * pid recorded in its dir.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docker } from '../../lib/testbed/docker-cli';
import { busyboxRoot } from './fixture-store';
import { TEST_DIR } from './settings';

export const SECOND_DIR = join(TEST_DIR, 'engine2');
export const SECOND_HOST_FILE = join(TEST_DIR, 'docker-host-2');

/** Images only the second engine has (the first engine has none of them, and none of its are here). */
export const SECOND_IMAGES = ['second-only:1', 'second-only:2'];

/** `docker import` of the busybox root, tagged twice, so one tag can be removed as a plain untag. */
export async function buildSecondStore(host: string): Promise<void> {
  await docker(host, ['import', '--change', 'CMD ["/bin/sh"]', '-', SECOND_IMAGES[0]!], { stdin: busyboxRoot() });
  await docker(host, ['tag', SECOND_IMAGES[0]!, SECOND_IMAGES[1]!]);
}

export const secondHost = () => readFileSync(SECOND_HOST_FILE, 'utf8').trim();
