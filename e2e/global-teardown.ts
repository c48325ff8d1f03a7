import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopEngine, type EngineRecord } from '../lib/testbed/engine';
import { SECOND_DIR } from './support/second-engine';
import { SOCKET_LINK, TEST_DIR } from './support/settings';

/** Stops the test engines by their recorded pids (also after failed specs) and removes the socket link. */
export default async function globalTeardown(): Promise<void> {
  for (const dir of [TEST_DIR, SECOND_DIR]) {
    const record = join(dir, 'engine.json');
    if (existsSync(record)) await stopEngine(JSON.parse(readFileSync(record, 'utf8')) as EngineRecord);
  }
  rmSync(SOCKET_LINK, { force: true });
}
