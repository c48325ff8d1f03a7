import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopEngine, type EngineRecord } from '../lib/testbed/engine';
import { SOCKET_LINK, TEST_DIR } from './support/settings';

/** Stops the test engine by its recorded pid (also after failed specs) and removes the socket link. */
export default async function globalTeardown(): Promise<void> {
  const record = join(TEST_DIR, 'engine.json');
  if (existsSync(record)) await stopEngine(JSON.parse(readFileSync(record, 'utf8')) as EngineRecord);
  rmSync(SOCKET_LINK, { force: true });
}
