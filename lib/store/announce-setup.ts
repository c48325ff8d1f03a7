import 'server-only';
import { dbPath, getDb } from './db';
import { issueSetupToken } from './setup-token';

/** Prints a fresh setup token to the console when no admin exists yet. */
export function announceSetup(): void {
  const token = issueSetupToken(getDb());
  if (!token) return;
  console.log(
    [
      '',
      `layerlens: no admin account yet (database ${dbPath()}).`,
      'layerlens: open /setup in the dashboard and enter this one-time setup token:',
      `layerlens:   ${token}`,
      'layerlens: it works once, and only until the next server start.',
      '',
    ].join('\n'),
  );
}
